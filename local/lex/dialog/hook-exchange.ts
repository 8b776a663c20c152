import type { BotLocale } from '../../../bot-definitions/loader/schema';
import { invokeFunction, type InvocationOutcome, type LambdaHandler } from '../../lambda/invoke';
import { LexServiceError } from '../runtime/types';
import { checkHookResponse, type HookResponse } from './hook-response';

export interface CodeHookBinding {
  fn: LambdaHandler;
  timeoutMs: number;
  functionName: string;
}

export type HookSource = 'DialogCodeHook' | 'FulfillmentCodeHook';

export interface HookCall {
  source: HookSource;
  intent: string;
  durationMs: number;
  outcome: 'ok' | 'error' | 'timeout' | 'invalid';
  /** The event sent and what came back, for the console's inspector; never written to the turn log. */
  event: unknown;
  response?: unknown;
}

/** What came of one invocation, with what the hook returned checked once, against Lex's rules. */
export type HookOutcome =
  | { kind: 'answered'; response: HookResponse }
  | { kind: 'invalid'; reason: string }
  | { kind: 'threw'; error: unknown }
  | { kind: 'timedOut' };

export interface HookExchange {
  outcome: HookOutcome;
  /** The exchange as the console shows it. */
  call: HookCall;
}

const CALL_OUTCOMES = { answered: 'ok', invalid: 'invalid', threw: 'error', timedOut: 'timeout' } as const;

/** Invokes the code hook with `event` within its deadline and checks its response. */
export async function exchangeWithHook(
  hook: CodeHookBinding,
  event: Record<string, unknown>,
  source: HookSource,
  intentName: string,
  locale: BotLocale,
): Promise<HookExchange> {
  const invocation = await invokeFunction(hook.fn, event, {
    timeoutMs: hook.timeoutMs,
    functionName: hook.functionName,
  });
  const outcome = checkedOutcome(invocation, locale);
  return {
    outcome,
    call: {
      source,
      intent: intentName,
      durationMs: invocation.durationMs,
      outcome: CALL_OUTCOMES[outcome.kind],
      event,
      ...(invocation.kind === 'returned' ? { response: invocation.value } : {}),
    },
  };
}

function checkedOutcome(invocation: InvocationOutcome, locale: BotLocale): HookOutcome {
  if (invocation.kind === 'timedOut') return { kind: 'timedOut' };
  if (invocation.kind === 'threw') return { kind: 'threw', error: invocation.error };
  const check = checkHookResponse(invocation.value, locale);
  return check.ok
    ? { kind: 'answered', response: check.response }
    : { kind: 'invalid', reason: check.reason };
}

/** The hook's response, or the DependencyFailedException Lex answers when it has none to act on. */
export function hookResponseOrFail(outcome: HookOutcome, hook: CodeHookBinding): HookResponse {
  switch (outcome.kind) {
    case 'answered':
      return outcome.response;
    case 'timedOut':
      throw new LexServiceError(
        'DependencyFailedException',
        `Invalid Lambda Response: Lambda function ${hook.functionName} timed out after ${hook.timeoutMs} ms`,
      );
    case 'threw': {
      const reason =
        outcome.error instanceof Error
          ? `${outcome.error.name}: ${outcome.error.message}`
          : String(outcome.error);
      throw new LexServiceError(
        'DependencyFailedException',
        `Invalid Lambda Response: Received error response from Lambda: Unhandled (${reason})`,
      );
    }
    case 'invalid':
      throw new LexServiceError(
        'DependencyFailedException',
        `Invalid Lambda Response: Received invalid response from Lambda: ${outcome.reason}`,
      );
  }
}
