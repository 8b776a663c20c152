import { randomUUID } from 'node:crypto';
import { answerDeadline } from '../../generative/deadline';
import { ANSWER_ATTRIBUTE, answerAttributeValue } from '../../shared/answer-attribute';
import { answerMessage } from '../answer-message';
import { handOff } from '../handoff';
import type { LexV2Event, LexV2ResultIntent } from '../lex-event';
import { withoutOpeningFillers } from '../lead-ins';
import type { MessageCatalogue } from '../messages';
import { lastReply, pendingSlot, slotPrompt } from '../pending-question';
import { audienceOf, channelOf, showsSourcesSeparately } from '../question-context';
import { close } from '../responses';
import { offeringAgent, ofKind, type IntentHandler } from './intent-handler';

/** The bot's AMAZON.FallbackIntent, which answers open questions from the knowledge base. */
export const FALLBACK_INTENT_NAME = 'FallbackIntent';

/** FallbackIntent as a turn answered as an open question takes it on, whichever intent Lex had chosen. */
export const FALLBACK_INTENT: LexV2ResultIntent = {
  name: FALLBACK_INTENT_NAME,
  state: 'InProgress',
  confirmationState: 'None',
  slots: {},
};

/**
 * Anything the bot has no intent for is an open question, answered from the knowledge base by the
 * generative path.
 */
export const fallback: IntentHandler = {
  async fulfil({ event, intent, sessionAttributes, messages, deps, log, lambdaContext }) {
    const question = withoutOpeningFillers(event.inputTranscript.trim(), event.bot.localeId);
    // Nothing to look up (silence, a lone keypress): saying plainly what the bot can do is a complete answer.
    if (question === '') return close(intent, 'Fulfilled', messages.fallback.cannotHelp, sessionAttributes);
    const channel = channelOf(event);
    const askedFor = slotQuestionAnswered(event, messages);
    const answer = await deps.questions.answer(
      {
        question,
        localeId: event.bot.localeId,
        channel,
        audience: audienceOf(event, deps.staffAliasName),
        sessionId: event.sessionId,
        // Without Lex's request id a retry cannot be recognised, so each invocation is its own turn.
        requestId: event.sessionState.originatingRequestId ?? randomUUID(),
        inputMode: event.inputMode,
        // Wall-clock time on purpose: deps.clock is the business clock, which tests pin to a fixed day.
        deadlineMs: answerDeadline(channel, Date.now(), lambdaContext?.getRemainingTimeInMillis()),
        ...(askedFor ? { askedFor } : {}),
      },
      log,
    );
    // Failed marks the turn for reporting; Lex still says this message, since the result carries one.
    const state = answer.source === 'fallback_error' ? 'Failed' : 'Fulfilled';
    // A chat gets a curated article's opening; the rest is one "tell me more" away (ShowAnswerDetails).
    const hasMore = channel === 'chat' && answer.details !== undefined;
    const shown = hasMore ? { ...answer, text: `${answer.text} ${messages.fallback.moreInArticle}` } : answer;
    const text = answerMessage(shown, channel, messages, { inlineSources: !showsSourcesSeparately(event) });
    const described = {
      ...close(intent, state, text, sessionAttributes),
      requestAttributes: {
        ...event.requestAttributes,
        [ANSWER_ATTRIBUTE]: answerAttributeValue({
          source: answer.source,
          ...(answer.turn !== undefined ? { turn: answer.turn } : {}),
          citations: answer.citations,
          ...(answer.usage ? { usage: answer.usage } : {}),
          ...(answer.modelLatencyMs !== undefined
            ? { modelLatencyMs: Math.round(answer.modelLatencyMs) }
            : {}),
        }),
      },
    };
    const reply = answer.outcome === 'handoff' ? handOff(described, 'generative', event) : described;
    // Every reply that is not an answer, a question back or a hand-off apologises and offers a person.
    if (answer.outcome === 'cannot_answer') return offeringAgent(reply);
    // Only a real answer has details worth texting; an apology or a question back is said whole.
    if (answer.outcome !== 'answer') return reply;
    const kind = ofKind(answer.details === undefined ? 'answer' : 'answerSummary', reply);
    return hasMore ? { ...kind, offersDetails: true } : kind;
  },
};

/**
 * The bot's last words when they asked for a slot value and this question came instead ("where do I find
 * that?" when the order number is asked for): the question is about them. Lex says a prompt of the bot
 * definition itself, so when the hook did not word the question, the catalogue's copy of the prompt stands in.
 */
function slotQuestionAnswered(event: LexV2Event, messages: MessageCatalogue): string | undefined {
  const pending = pendingSlot(event);
  if (!pending) return undefined;
  return lastReply(event) ?? slotPrompt(messages, pending.intentName, pending.slotName);
}
