import { randomUUID } from 'node:crypto';

/** The slice of the Lambda context object that a Node handler can rely on. */
export interface LambdaContextLike {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
  done(): void;
  fail(): void;
  succeed(): void;
}

export type LambdaHandler = (event: unknown, context: LambdaContextLike) => unknown;

export type InvocationOutcome =
  | { kind: 'returned'; value: unknown; durationMs: number }
  | { kind: 'threw'; error: unknown; durationMs: number }
  | { kind: 'timedOut'; durationMs: number };

/**
 * Calls the handler the way Lambda would: one invocation with a context that has a real deadline; callers
 * decide on retries (Lex documents none; an async invoke gets two). The handler runs in this process, so a
 * timeout cannot stop it; its late result is dropped, as Lambda drops the answer of a timed-out invocation.
 */
export async function invokeFunction(
  hook: LambdaHandler,
  event: unknown,
  options: { timeoutMs: number; functionName: string },
): Promise<InvocationOutcome> {
  const started = performance.now();
  const deadline = Date.now() + options.timeoutMs;
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  const context: LambdaContextLike = {
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${options.functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<InvocationOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timedOut', durationMs: elapsed() }), options.timeoutMs);
  });
  const call = (async (): Promise<InvocationOutcome> => {
    try {
      const value = await hook(event, context);
      return { kind: 'returned', value, durationMs: elapsed() };
    } catch (error) {
      return { kind: 'threw', error, durationMs: elapsed() };
    }
  })();
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
