import { channelOf } from '../question-context';
import { close } from '../responses';
import { END_CALL_ATTRIBUTE } from '../voice/no-input';
import type { IntentHandler } from './intent-handler';

/**
 * "No, that's all", "thanks, bye": a short goodbye. On a call (speech or keypad input) the reply also asks
 * the contact flow to hang up, so a caller who said they are done is not asked "anything else?" again. A chat
 * stays open: the goodbye is the whole reply.
 */
export const endConversation: IntentHandler = {
  fulfil({ event, intent, sessionAttributes, messages }) {
    const goodbye = channelOf(event) === 'voice' ? messages.farewell.call : messages.farewell.chat;
    const onCall = event.inputMode !== 'Text';
    const attributes = onCall ? { ...sessionAttributes, [END_CALL_ATTRIBUTE]: 'true' } : sessionAttributes;
    return close(intent, 'Fulfilled', goodbye, attributes);
  },
};
