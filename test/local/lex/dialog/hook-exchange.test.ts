import type { BotLocale } from '../../../../bot-definitions/loader/schema';
import {
  exchangeWithHook,
  hookResponseOrFail,
  type CodeHookBinding,
} from '../../../../local/lex/dialog/hook-exchange';
import type { LambdaHandler } from '../../../../local/lambda/invoke';
import { LexServiceError } from '../../../../local/lex/runtime/types';

const locale: BotLocale = {
  LocaleId: 'en_US',
  NluConfidenceThreshold: 0.4,
  Intents: [{ Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' }],
};

const EVENT = { messageVersion: '1.0', invocationSource: 'FulfillmentCodeHook' };

function binding(fn: LambdaHandler, timeoutMs = 5_000): CodeHookBinding {
  return { fn, timeoutMs, functionName: 'parley-code-hook' };
}

const exchange = (hook: CodeHookBinding) =>
  exchangeWithHook(hook, EVENT, 'FulfillmentCodeHook', 'FallbackIntent', locale);

const dependencyFailure = (message: string) =>
  expect.objectContaining({ name: 'DependencyFailedException', status: 424, message });

it('hands back a valid response, and records the exchange as ok', async () => {
  const response = {
    sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'FallbackIntent', state: 'Fulfilled' } },
    messages: [{ contentType: 'PlainText', content: 'Done.' }],
  };
  const hook = binding(async () => response);
  const { outcome, call } = await exchange(hook);
  expect(outcome).toEqual({ kind: 'answered', response });
  expect(call).toMatchObject({
    source: 'FulfillmentCodeHook',
    intent: 'FallbackIntent',
    outcome: 'ok',
    event: EVENT,
    response,
  });
  expect(hookResponseOrFail(outcome, hook)).toEqual(response);
});

it('keeps the reason an invalid response breaks a rule, and answers it as Lex does', async () => {
  const hook = binding(async () => ({ sessionState: { dialogAction: { type: 'Close' } } }));
  const { outcome, call } = await exchange(hook);
  expect(outcome).toEqual({ kind: 'invalid', reason: expect.stringContaining('intent is required') });
  expect(call).toMatchObject({
    outcome: 'invalid',
    response: { sessionState: { dialogAction: { type: 'Close' } } },
  });
  expect(() => hookResponseOrFail(outcome, hook)).toThrow(LexServiceError);
  expect(() => hookResponseOrFail(outcome, hook)).toThrow(
    dependencyFailure(
      expect.stringMatching(/^Invalid Lambda Response: Received invalid response from Lambda: /),
    ),
  );
});

it('answers a hook that threw with the error it threw', async () => {
  const hook = binding(async () => {
    throw new RangeError('no such order');
  });
  const { outcome, call } = await exchange(hook);
  expect(outcome.kind).toBe('threw');
  expect(call.outcome).toBe('error');
  expect(call).not.toHaveProperty('response');
  expect(() => hookResponseOrFail(outcome, hook)).toThrow(
    dependencyFailure(
      'Invalid Lambda Response: Received error response from Lambda: Unhandled (RangeError: no such order)',
    ),
  );
});

it('answers a hook past its deadline as timed out', async () => {
  const hook = binding(() => new Promise(() => undefined), 20);
  const { outcome, call } = await exchange(hook);
  expect(outcome).toEqual({ kind: 'timedOut' });
  expect(call.outcome).toBe('timeout');
  expect(() => hookResponseOrFail(outcome, hook)).toThrow(
    dependencyFailure('Invalid Lambda Response: Lambda function parley-code-hook timed out after 20 ms'),
  );
});
