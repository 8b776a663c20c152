/** What ends `npm start`: Ctrl-C, and what `kill`, systemd and container runtimes send. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * Resolves with the first stop signal. Listening at all keeps Node from dying on the spot (which would leave
 * the port's in-flight requests cut and the data directory's pid file behind); listening for good makes a
 * repeat harmless, and repeats are normal: a terminal's Ctrl-C reaches both npm and this process, and npm
 * passes its copy on.
 */
export function stopRequested(): Promise<StopSignal> {
  return new Promise((resolve) => {
    for (const signal of STOP_SIGNALS) process.on(signal, () => resolve(signal));
  });
}

/**
 * Runs `stop` once, then exits 0, or 1 if it failed or has not finished within `deadlineMs`: a supervisor
 * waits a bounded time before its SIGKILL, and a pid file left by a forced exit is taken over by the next
 * start since its process is gone.
 */
export function exitAfter(
  stop: () => Promise<void>,
  options: { deadlineMs: number; log: (line: string) => void },
): Promise<never> {
  const deadline = setTimeout(() => {
    options.log(`Still stopping after ${options.deadlineMs / 1000} s; exiting with work unfinished.`);
    process.exit(1);
  }, options.deadlineMs);
  return stop().then(
    () => {
      clearTimeout(deadline);
      process.exit(0);
    },
    (error: unknown) => {
      clearTimeout(deadline);
      options.log(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
