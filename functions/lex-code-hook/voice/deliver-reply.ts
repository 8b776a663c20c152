import type { PollyEngine } from '../../voice/engine-support';
import type { IntentResult, MessageKind } from '../intents/intent-handler';
import type { LexV2Event, LexV2Message, LexV2Result } from '../lex-event';
import type { MessageCatalogue } from '../messages';
import { channelOf } from '../question-context';
import { callBehaviourAttributes } from './call-behaviours';
import { afterHeardInput } from './no-input';
import { plainSpokenText, shortAnswer, ssmlMessage, type SpokenText } from './spoken-text';

export interface DeliveryOptions {
  engine: PollyEngine;
  messages: MessageCatalogue;
}

/**
 * An intent's reply made ready for the channel it goes to, in one place after every intent:
 * - a reply the customer will hear (channelOf is `voice`) has its answer cut to about two sentences, with an
 *   offer to text the rest; an answer summary (its full text remembered apart) always gets the offer;
 * - on a call (speech or keypad input, which Lex speaks with Polly) every message becomes one SSML document
 *   for the configured engine, and the session attributes carry the call behaviours for the next turn:
 *   barge-in per message kind, keypad and silence timeouts;
 * - chat gets the intent's plain text untouched.
 * The silence count restarts whenever the customer said something, while a hang-up the intent asked for in
 * that turn (after a goodbye) stands. The message kind never reaches Lex.
 */
export function deliverReply(event: LexV2Event, reply: IntentResult, options: DeliveryOptions): LexV2Result {
  const { messageKind, ...result } = reply;
  const kind = messageKind ?? impliedKind(event, result);
  const onCall = event.inputMode !== 'Text';
  const heard = event.inputTranscript.trim() !== '';
  const incoming = event.sessionState.sessionAttributes ?? {};
  const given = result.sessionState.sessionAttributes ?? incoming;
  const attributes = heard ? afterHeardInput(given, incoming) : given;
  return {
    ...result,
    sessionState: {
      ...result.sessionState,
      sessionAttributes: onCall ? { ...attributes, ...callBehaviourAttributes(kind) } : attributes,
    },
    ...(result.messages
      ? { messages: result.messages.map((message) => deliver(message, kind, event, options)) }
      : {}),
  };
}

/**
 * A Delegate whose proposed next step is ConfirmIntent makes Lex say the intent's confirmation prompt, which
 * repeats the collected values back ("an agent will call you at ... on ..."): a read-back, by definition.
 */
function impliedKind(event: LexV2Event, result: LexV2Result): MessageKind | undefined {
  const delegatesToConfirmation =
    result.sessionState.dialogAction.type === 'Delegate' &&
    event.proposedNextState?.dialogAction.type === 'ConfirmIntent';
  return delegatesToConfirmation ? 'readBack' : undefined;
}

function deliver(
  message: LexV2Message,
  kind: MessageKind | undefined,
  event: LexV2Event,
  { engine, messages }: DeliveryOptions,
): LexV2Message {
  if (message.contentType !== 'PlainText') return message;
  // The words are the catalogue's language (English for a locale without its own), so they are read as such.
  const localeId = messages.intlLocale.replace('-', '_');
  const isAnswer = kind === 'answer' || kind === 'answerSummary';
  const spoken: SpokenText =
    isAnswer && channelOf(event) === 'voice'
      ? shortAnswer(message.content, localeId, messages, { detailsKept: kind === 'answerSummary' })
      : { body: message.content };
  if (event.inputMode === 'Text') return { contentType: 'PlainText', content: plainSpokenText(spoken) };
  return { contentType: 'SSML', content: ssmlMessage(spoken, { engine, localeId, messages }) };
}
