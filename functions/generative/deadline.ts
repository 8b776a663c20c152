import { CHANNEL_SETTINGS, type Channel } from './channel-settings';

/**
 * Time the code hook keeps for itself once the answer is ready: build the Lex result, return it and flush
 * the logs before Lambda (and Lex, at 30 s) gives up, which the customer would get as a blank reply.
 */
export const LAMBDA_SAFETY_MARGIN_MS = 1_000;

/**
 * Epoch milliseconds by which the answer must be ready: the channel's budget, never past what the Lambda
 * invocation has left minus the safety margin. Without a Lambda context (a test, a script) only the
 * channel's budget applies.
 */
export function answerDeadline(channel: Channel, nowMs: number, remainingTimeMs?: number): number {
  const budget = CHANNEL_SETTINGS[channel].answerBudgetMs;
  const lambdaAllows =
    remainingTimeMs === undefined ? budget : Math.max(0, remainingTimeMs - LAMBDA_SAFETY_MARGIN_MS);
  return nowMs + Math.min(budget, lambdaAllows);
}

export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';

  constructor(readonly step: string) {
    super(`Deadline passed during ${step}`);
  }
}

/** A signal that aborts `ms` from now (at once when `ms` is not positive). */
export function abortAfter(ms: number): AbortSignal {
  return ms > 0 ? AbortSignal.timeout(ms) : AbortSignal.abort();
}

/**
 * `work`'s result, or DeadlineExceededError as soon as `signal` aborts. The deadline is kept here rather
 * than trusted to whoever does the work: a transport or a fake that ignores the signal cannot make the
 * customer wait.
 */
export function beforeAbort<T>(work: Promise<T>, signal: AbortSignal, step: string): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new DeadlineExceededError(step));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlineExceededError(step));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
