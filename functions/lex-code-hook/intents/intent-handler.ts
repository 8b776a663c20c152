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

export interface IntentHandler {
  /** DialogCodeHook: check the slots filled so far. Without it, the hook delegates straight back to Lex. */
  validate?(request: IntentRequest): LexV2Result | Promise<LexV2Result>;
  /** FulfillmentCodeHook: do the work and close the intent. */
  fulfil(request: IntentRequest): LexV2Result | Promise<LexV2Result>;
}
