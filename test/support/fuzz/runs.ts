/**
 * How many generated cases each fuzz target runs. `npm test` keeps the quick count each test names; the long
 * run sets PARLEY_FUZZ_RUNS (README, "How to run the long fuzz run") and every target runs that many instead.
 */
export function fuzzRuns(quick: number): number {
  const requested = process.env.PARLEY_FUZZ_RUNS;
  if (requested === undefined || requested === '') return quick;
  const runs = Number(requested);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`PARLEY_FUZZ_RUNS must be a positive whole number, not "${requested}"`);
  }
  return runs;
}

/** A jest timeout for `runs` cases of about `perCaseMs` each (on a busy machine), never under 30 s. */
export function fuzzTimeoutMs(runs: number, perCaseMs: number): number {
  return Math.max(30_000, runs * perCaseMs);
}
