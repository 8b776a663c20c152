import { AGENT_OFFERED_CONTEXT, askPendingSlotAgain, isActive, pendingSlot } from '../pending-question';
import { plainWords } from '../../shared/plain-words';
import { channelOf } from '../question-context';
import { close } from '../responses';
import type { IntentHandler } from './intent-handler';
import { END_CALL_ATTRIBUTE } from '../../shared/channel-attributes';

/** Replies that are only a "no", lowercase without accents or punctuation. */
const LONE_NEGATIVES: Readonly<Record<string, ReadonlySet<string>>> = {
  en_US: new Set(['no', 'nope', 'nah', 'no thanks', 'no thank you', 'not really', 'no sorry']),
  es_US: new Set(['no', 'nop', 'nel', 'no gracias', 'no muchas gracias', 'para nada']),
};

/**
 * "No, that's all", "thanks, bye": a short goodbye. On a call (speech or keypad input) the reply also asks
 * the contact flow to hang up, so a caller who said they are done is not asked "anything else?" again. A chat
 * stays open: the goodbye is the whole reply.
 *
 * A lone "no" is a goodbye only when the bot had not just asked something else: said to a slot prompt (a
 * misheard "tomorrow", often) the prompt is asked again, and said to an offer of a person the conversation
 * goes on. It never ends a call then.
 */
export const endConversation: IntentHandler = {
  fulfil({ event, intent, sessionAttributes, messages }) {
    if (isLoneNegative(event.inputTranscript, event.bot.localeId)) {
      const pending = pendingSlot(event);
      if (pending) return askPendingSlotAgain(pending, messages, sessionAttributes);
      if (isActive(event, AGENT_OFFERED_CONTEXT)) {
        return close(intent, 'Fulfilled', messages.repairs.offerDeclined, sessionAttributes);
      }
    }
    const goodbye = channelOf(event) === 'voice' ? messages.farewell.call : messages.farewell.chat;
    const onCall = event.inputMode !== 'Text';
    const attributes = onCall ? { ...sessionAttributes, [END_CALL_ATTRIBUTE]: 'true' } : sessionAttributes;
    return close(intent, 'Fulfilled', goodbye, attributes);
  },
};

export function isLoneNegative(text: string, localeId: string): boolean {
  return LONE_NEGATIVES[localeId]?.has(plainWords(text)) ?? false;
}
