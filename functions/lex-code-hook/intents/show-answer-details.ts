import type { ConversationTurn } from '../../memory/conversation-memory';
import { close } from '../responses';
import type { IntentHandler, IntentRequest } from './intent-handler';

/**
 * "Tell me more" after the opening of an article in a chat: the whole article, from the conversation memory
 * (the turn's `details`), so the answer is the one the customer just read the start of, even on another
 * container. Lex offers this intent only while the DetailsOffered context is active.
 */
export const showAnswerDetails: IntentHandler = {
  async fulfil(request) {
    const { intent, sessionAttributes, messages } = request;
    const turn = await latestTurn(request);
    const details = turn?.details?.trim();
    return close(intent, 'Fulfilled', details || messages.moreDetails.nothingMore, sessionAttributes);
  },
};

async function latestTurn({ event, deps, log }: IntentRequest): Promise<ConversationTurn | undefined> {
  try {
    const turns = await deps.memory.history(event.sessionId, {
      tokenBudget: Number.MAX_SAFE_INTEGER,
      maxTurns: 1,
    });
    return turns.at(-1);
  } catch (error) {
    log.warn('Could not read the answer to show in full', error instanceof Error ? error : String(error));
    return undefined;
  }
}
