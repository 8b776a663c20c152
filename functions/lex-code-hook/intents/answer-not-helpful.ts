import type { Logger } from '@aws-lambda-powertools/logger';
import { recordAnswerFeedback } from '../../feedback/record-answer-feedback';
import type { ConversationTurn } from '../../memory/conversation-memory';
import type { CodeHookDependencies } from '../dependencies';
import { hasArticleFor } from '../faq-first';
import { withoutOpeningFillers } from '../lead-ins';
import { close } from '../responses';
import { fallback, FALLBACK_INTENT_NAME } from './fallback';
import { offeringAgent, type IntentHandler } from './intent-handler';
import { lastRememberedTurn } from './last-turn';

/**
 * "That didn't help": the verdict is stored on the answer just given and the question goes to the FAQ owners
 * as an `unhelpful` knowledge gap, once per answer however often it is said (the same path as Slack's "not
 * helpful" button); the customer hears an apology with a person on offer. The handoff itself waits until they
 * ask for one. Memory and the gaps table only improve the FAQ later, so their failures are logged and the
 * reply goes out. Said before any answer, with something of its own named ("my tracking number doesn't work"), it
 * is a problem the knowledge base may answer.
 */
export const answerNotHelpful: IntentHandler = {
  async fulfil(request) {
    const { event, intent, sessionAttributes, messages, deps, log } = request;
    const previous = await lastRememberedTurn(
      event.sessionId,
      deps,
      log,
      'the answer the customer found unhelpful',
    );
    if (!previous) {
      // "Mi número de rastreo no sirve" before any answer is a problem to look up, not a verdict on an answer;
      // only one an article is about goes to the FAQ, so "that didn't help" alone leaves no gap or turn behind.
      const question = withoutOpeningFillers(event.inputTranscript, event.bot.localeId);
      if (await hasArticleFor(question, event, deps))
        return fallback.fulfil({ ...request, intent: { ...intent, name: FALLBACK_INTENT_NAME } });
      return close(intent, 'Fulfilled', messages.feedback.noPreviousAnswer, sessionAttributes);
    }
    await reportUnhelpful(event.sessionId, previous, deps, log);
    return offeringAgent(close(intent, 'Fulfilled', messages.feedback.unhelpfulAnswer, sessionAttributes));
  },
};

async function reportUnhelpful(
  sessionId: string,
  turn: ConversationTurn,
  deps: CodeHookDependencies,
  log: Logger,
): Promise<void> {
  try {
    await recordAnswerFeedback(deps, { sessionId, turn: turn.turn, feedback: 'unhelpful' });
  } catch (error) {
    log.warn('Could not record the unhelpful answer as a knowledge gap', asLogged(error));
  }
}

function asLogged(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}
