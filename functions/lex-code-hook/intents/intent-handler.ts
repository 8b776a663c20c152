import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { CodeHookDependencies } from '../dependencies';
import type { LexV2Event, LexV2Result, LexV2ResultIntent } from '../lex-event';
import type { MessageCatalogue } from '../messages';

export interface IntentRequest {
  event: LexV2Event;
  /** The event's intent in result shape, ready to be changed and echoed. */
  intent: LexV2ResultIntent;
  sessionAttributes: Record<string, string>;
  messages: MessageCatalogue;
  deps: CodeHookDependencies;
  log: Logger;
  /** The Lambda invocation's context; absent when the hook is called as a plain function. */
  lambdaContext?: Context;
}

/**
 * What a reply's message is, when that changes how a call delivers it (functions/lex-code-hook/voice/):
 * - `answer`: an answer from the knowledge base; a caller hears its opening and is offered the rest by text.
 * - `answerSummary`: the short form of an answer whose full text is remembered apart (a curated answer's
 *   `voice` line); a caller hears it, then the offer to text the full details.
 * - `readBack`: repeats the caller's details back (a number, a booking) for them to check; heard in full.
 * - `disclaimer`: words the caller must hear in full before the call moves on.
 * A reply of no particular kind is an ordinary prompt or answer, which a caller may interrupt.
 */
export type MessageKind = 'answer' | 'answerSummary' | 'readBack' | 'disclaimer';

/** An intent's reply: the Lex result, plus what its message is. The handler strips the kind before Lex sees it. */
export interface IntentResult extends LexV2Result {
  messageKind?: MessageKind;
  /** The message offers to connect the customer with a person, so "yes" next means a hand-off. */
  offersAgent?: boolean;
  /** The message is the opening of an article whose rest "tell me more" shows. */
  offersDetails?: boolean;
}

export interface IntentHandler {
  /** DialogCodeHook: check the slots filled so far. Without it, the hook delegates straight back to Lex. */
  validate?(request: IntentRequest): IntentResult | Promise<IntentResult>;
  /** FulfillmentCodeHook: do the work and close the intent. */
  fulfil(request: IntentRequest): IntentResult | Promise<IntentResult>;
}

/** `result`, whose message offers a person. */
export function offeringAgent(result: IntentResult): IntentResult {
  return { ...result, offersAgent: true };
}

/** `result` whose message is of `kind`. */
export function ofKind(kind: MessageKind, result: LexV2Result): IntentResult {
  return { ...result, messageKind: kind };
}
