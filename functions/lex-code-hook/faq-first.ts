import { askedClauses } from '../generative/asked-clauses';
import { isShapedLikeQuestion } from './aside-question';
import type { CodeHookDependencies } from './dependencies';
import type { LexV2Event } from './lex-event';
import { withoutOpeningFillers } from './lead-ins';
import { audienceOf } from './question-context';

/** The bot's greeting intent ("hi", "what can you do?"). */
const WELCOME_INTENT_NAME = 'Welcome';

/**
 * Below this confidence Lex was unsure of the intent: it clears the bot's threshold (0.45) but not by much.
 * Questions an FAQ answers land here when they share a word with an intent's samples ("is shipping free?"
 * reads like "has my order shipped?" to a classifier).
 */
const UNSURE_INTENT_CONFIDENCE = 0.6;

/** Whether Lex heard the event's intent with less confidence than UNSURE_INTENT_CONFIDENCE (or none). */
export function isUnsureOfIntent(event: LexV2Event): boolean {
  const intentName = event.sessionState.intent.name;
  const confidence = event.interpretations.find((i) => i.intent.name === intentName)?.nluConfidence;
  return (confidence ?? 0) < UNSURE_INTENT_CONFIDENCE;
}

/**
 * Whether a question was taken for a business intent that one of our articles is about: Lex was unsure of the
 * intent, nothing of it was said yet (no slot filled, the first slot is about to be asked for), the words are
 * shaped like a question, and an article lists that question or matches most of its words. The knowledge
 * base then answers (and when it cannot, the slot is asked for after all); asking for an order number in
 * reply to a shipping question is the worse mistake, and the intent is one request away. A lookup that fails
 * leaves the intent as Lex chose it.
 */
export async function isFaqTakenForIntent(
  event: LexV2Event,
  deps: Pick<CodeHookDependencies, 'questions' | 'staffAliasName'>,
): Promise<boolean> {
  if (event.invocationSource !== 'DialogCodeHook' || event.inputMode === 'DTMF') return false;
  const intent = event.sessionState.intent;
  const proposed = event.proposedNextState;
  const firstAsk = proposed?.dialogAction.type === 'ElicitSlot' && proposed.prompt?.attempt === 'Initial';
  const nothingSaid = Object.values(intent.slots ?? {}).every((slot) => !slot?.value);
  if (!firstAsk || !nothingSaid) return false;
  const heard = event.interpretations.some(
    (i) => i.intent.name === intent.name && i.nluConfidence !== undefined,
  );
  if (!heard || !isUnsureOfIntent(event)) return false;
  if (!isShapedLikeQuestion(event.inputTranscript, event.bot.localeId)) return false;
  // Looked up as the fallback will answer it: "never mind, how do returns work?" is about returns alone, and
  // "Tengo una prima en Toronto... ¿Cuánto me sale el envío?" about what it asks, whatever the story around it.
  const question = withoutOpeningFillers(event.inputTranscript, event.bot.localeId);
  for (const asked of [question, ...askedClauses(question)]) {
    if (await hasArticleFor(asked, event, deps)) return true;
  }
  return false;
}

/**
 * Whether a greeting came with a question one of our articles is about ("Good afternoon. What is your return
 * policy?"): Lex hears the greeting, but the customer wants the answer.
 */
export async function isQuestionAfterGreeting(
  event: LexV2Event,
  deps: Pick<CodeHookDependencies, 'questions' | 'staffAliasName'>,
): Promise<boolean> {
  if (event.sessionState.intent.name !== WELCOME_INTENT_NAME || event.inputMode === 'DTMF') return false;
  const question = withoutOpeningFillers(event.inputTranscript, event.bot.localeId);
  if (question === event.inputTranscript || !isShapedLikeQuestion(question, event.bot.localeId)) return false;
  return hasArticleFor(question, event, deps);
}

/** Whether an article is about the question; a failed lookup is no. */
export async function hasArticleFor(
  question: string,
  event: LexV2Event,
  deps: Pick<CodeHookDependencies, 'questions' | 'staffAliasName'>,
): Promise<boolean> {
  try {
    return await deps.questions.hasArticleFor({
      question,
      localeId: event.bot.localeId,
      audience: audienceOf(event, deps.staffAliasName),
    });
  } catch {
    return false;
  }
}
