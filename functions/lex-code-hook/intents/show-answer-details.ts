import { close } from '../responses';
import type { IntentHandler } from './intent-handler';
import { lastRememberedTurn } from './last-turn';

/**
 * "Tell me more" after the opening of an article in a chat: the whole article, from the conversation memory
 * (the turn's `details`), so the answer is the one the customer just read the start of, even on another
 * container. Lex offers this intent only while the DetailsOffered context is active.
 */
export const showAnswerDetails: IntentHandler = {
  async fulfil(request) {
    const { event, intent, sessionAttributes, messages, deps, log } = request;
    const turn = await lastRememberedTurn(event.sessionId, deps, log, 'the answer to show in full');
    const details = turn?.details?.trim();
    return close(intent, 'Fulfilled', details || messages.moreDetails.nothingMore, sessionAttributes);
  },
};
