import type { Logger } from '@aws-lambda-powertools/logger';
import type { ConversationTurn } from '../../memory/conversation-memory';
import type { CodeHookDependencies } from '../dependencies';
import { close } from '../responses';
import type { IntentHandler } from './intent-handler';

/**
 * The session attribute holding the turn number already reported as unhelpful, so saying "that didn't help"
 * twice about the same answer counts it once.
 */
export const REPORTED_TURN_ATTRIBUTE = 'parley:unhelpfulTurn';

/**
 * "That didn't help": the answer just given goes to the FAQ owners as an `unhelpful` knowledge gap, and the
 * customer hears an apology with a person on offer. The handoff itself waits until they ask for one.
 * Memory and the gaps table only improve the FAQ later, so their failures are logged and the reply goes out.
 */
export const answerNotHelpful: IntentHandler = {
  async fulfil({ event, intent, sessionAttributes, messages, deps, log }) {
    const previous = await lastTurn(event.sessionId, deps, log);
    if (!previous) return close(intent, 'Fulfilled', messages.feedback.noPreviousAnswer, sessionAttributes);
    const reportedTurn = String(previous.turn);
    if (sessionAttributes[REPORTED_TURN_ATTRIBUTE] !== reportedTurn)
      await reportUnhelpful(previous, deps, log);
    return close(intent, 'Fulfilled', messages.feedback.unhelpfulAnswer, {
      ...sessionAttributes,
      [REPORTED_TURN_ATTRIBUTE]: reportedTurn,
    });
  },
};

async function lastTurn(
  sessionId: string,
  deps: CodeHookDependencies,
  log: Logger,
): Promise<ConversationTurn | undefined> {
  try {
    const turns = await deps.memory.history(sessionId, { tokenBudget: Number.MAX_SAFE_INTEGER, maxTurns: 1 });
    return turns[turns.length - 1];
  } catch (error) {
    log.warn('Could not read the answer the customer found unhelpful', asLogged(error));
    return undefined;
  }
}

async function reportUnhelpful(
  turn: ConversationTurn,
  deps: CodeHookDependencies,
  log: Logger,
): Promise<void> {
  try {
    await deps.recordGap({
      kind: 'unhelpful',
      question: turn.user,
      localeId: turn.localeId,
      channel: turn.channel,
    });
  } catch (error) {
    log.warn('Could not record the unhelpful answer as a knowledge gap', asLogged(error));
  }
}

function asLogged(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}
