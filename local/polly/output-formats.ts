import { PollyServiceError, validationError } from './errors';
import type { PollyEngine, PollyOutputFormat } from './request-schema';

export type AudioFormat = 'pcm' | 'mp3' | 'mulaw' | 'alaw';

export type OutputSpec =
  | { kind: 'audio'; format: AudioFormat; sampleRate: number; contentType: string }
  | { kind: 'marks'; contentType: 'application/x-json-stream' };

interface AudioFormatRules {
  contentType: string;
  sampleRates: readonly number[];
  defaultSampleRate: (engine: PollyEngine) => number;
}

/** Sample rates and defaults from the SynthesizeSpeech reference; Content-Type values as Polly sends them. */
const AUDIO_FORMATS: Readonly<Record<AudioFormat, AudioFormatRules>> = {
  pcm: { contentType: 'audio/pcm', sampleRates: [8000, 16000], defaultSampleRate: () => 16000 },
  mp3: {
    contentType: 'audio/mpeg',
    sampleRates: [8000, 16000, 22050, 24000, 44100, 48000],
    defaultSampleRate: (engine) => (engine === 'standard' ? 22050 : 24000),
  },
  mulaw: { contentType: 'audio/mulaw', sampleRates: [8000], defaultSampleRate: () => 8000 },
  alaw: { contentType: 'audio/alaw', sampleRates: [8000], defaultSampleRate: () => 8000 },
};

const SERVED_FORMATS = [...Object.keys(AUDIO_FORMATS), 'json'].join(', ');

/**
 * What the response body will be. Ogg needs a Vorbis or Opus encoder, which the local stack does not have, so
 * those formats are refused by name rather than answered with audio in another container.
 */
export function resolveOutput(
  format: PollyOutputFormat,
  sampleRate: string | undefined,
  engine: PollyEngine,
): OutputSpec {
  if (format === 'json') return { kind: 'marks', contentType: 'application/x-json-stream' };
  if (format === 'ogg_vorbis' || format === 'ogg_opus') {
    throw validationError(
      `OutputFormat ${format} is not available from the local Polly: there is no Ogg encoder here. ` +
        `Use one of ${SERVED_FORMATS}.`,
    );
  }
  const rules = AUDIO_FORMATS[format];
  return {
    kind: 'audio',
    format,
    sampleRate:
      sampleRate === undefined ? rules.defaultSampleRate(engine) : checkedSampleRate(sampleRate, format),
    contentType: rules.contentType,
  };
}

function checkedSampleRate(text: string, format: AudioFormat): number {
  const { sampleRates } = AUDIO_FORMATS[format];
  const rate = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (sampleRates.includes(rate)) return rate;
  throw new PollyServiceError(
    'InvalidSampleRateException',
    `Sample rate '${printable(text)}' is not valid for ${format}; valid sample rates are ${sampleRates.join(', ')}`,
  );
}

function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 20);
}
