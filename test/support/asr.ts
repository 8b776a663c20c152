import { asrAvailability } from '../../local/asr';

/**
 * `describe` for tests that need pocketsphinx. Where it is missing: `describe.skip` and one line on stderr
 * saying what is skipped and why; with PARLEY_REQUIRE_ASR=1 (CI installs it) the file fails instead.
 */
export function describeWithAsr(what: string): jest.Describe {
  const availability = asrAvailability();
  if (availability.available) return describe;
  if (process.env.PARLEY_REQUIRE_ASR === '1') {
    throw new Error(`PARLEY_REQUIRE_ASR=1 but speech recognition is unavailable: ${availability.reason}`);
  }
  process.stderr.write(`Skipping ${what}: ${availability.reason}\n`);
  return describe.skip;
}
