import { invokeFunction } from '../../../local/lambda/invoke';

const options = { timeoutMs: 100, functionName: 'test' };

describe('invokeFunction', () => {
  it('returns what the handler returns, with a Lambda-like context', async () => {
    const outcome = await invokeFunction(
      async (_event, context) => ({
        remaining: context.getRemainingTimeInMillis(),
        name: context.functionName,
      }),
      {},
      options,
    );
    expect(outcome.kind).toBe('returned');
    const value =
      outcome.kind === 'returned' ? (outcome.value as { remaining: number; name: string }) : undefined;
    expect(value?.name).toBe('test');
    expect(value?.remaining).toBeGreaterThan(0);
    expect(value?.remaining).toBeLessThanOrEqual(100);
  });

  it('reports a thrown error and a rejected promise alike', async () => {
    const sync = await invokeFunction(
      () => {
        throw new Error('sync');
      },
      {},
      options,
    );
    const async = await invokeFunction(() => Promise.reject(new Error('async')), {}, options);
    expect(sync).toMatchObject({ kind: 'threw', error: { message: 'sync' } });
    expect(async).toMatchObject({ kind: 'threw', error: { message: 'async' } });
  });

  it('gives up at the deadline', async () => {
    const outcome = await invokeFunction(
      () => new Promise((resolve) => setTimeout(resolve, 1000)),
      {},
      { ...options, timeoutMs: 20 },
    );
    expect(outcome.kind).toBe('timedOut');
    expect(outcome.durationMs).toBeLessThan(500);
  });
});
