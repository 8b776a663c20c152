import {
  abortAfter,
  answerDeadline,
  beforeAbort,
  DeadlineExceededError,
  LAMBDA_SAFETY_MARGIN_MS,
} from '../../../functions/generative/deadline';

const NOW = 1_000_000;

describe('the answer deadline', () => {
  it('is the channel budget when the Lambda has time to spare', () => {
    expect(answerDeadline('voice', NOW, 60_000)).toBe(NOW + 3_500);
    expect(answerDeadline('chat', NOW, 60_000)).toBe(NOW + 10_000);
    expect(answerDeadline('chat', NOW)).toBe(NOW + 10_000);
  });

  it('leaves the safety margin of what the Lambda has left', () => {
    expect(answerDeadline('chat', NOW, 4_000)).toBe(NOW + 4_000 - LAMBDA_SAFETY_MARGIN_MS);
    expect(answerDeadline('voice', NOW, 500)).toBe(NOW);
  });
});

describe('racing the deadline', () => {
  it('gives the work result when it comes first', async () => {
    await expect(beforeAbort(Promise.resolve(42), abortAfter(1_000), 'work')).resolves.toBe(42);
    await expect(beforeAbort(Promise.reject(new Error('boom')), abortAfter(1_000), 'work')).rejects.toThrow(
      'boom',
    );
  });

  it('gives up at the deadline even when the work never settles', async () => {
    const started = Date.now();
    const never = new Promise<never>(() => undefined);
    await expect(beforeAbort(never, abortAfter(50), 'stuck work')).rejects.toThrow(
      new DeadlineExceededError('stuck work'),
    );
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('gives up at once when the deadline has passed, without an unhandled rejection', async () => {
    await expect(beforeAbort(Promise.reject(new Error('late')), abortAfter(0), 'late work')).rejects.toThrow(
      DeadlineExceededError,
    );
  });
});
