import { isKnowledgeLocaleId } from '../knowledge/languages';
import { textAnalyzer } from '../knowledge/text-analysis';
import { CONTINUATION_CUES } from '../shared/continuation-cues';
import { plainWords } from '../shared/plain-words';
import { opensLikeQuestion } from './aside-question';
import { isUnsureOfIntent } from './faq-first';
import { FALLBACK_INTENT_NAME } from './intents/fallback';
import type { LexV2Event } from './lex-event';
import { isActive, KNOWLEDGE_ANSWERED_CONTEXT } from './pending-question';

/**
 * Openings of a hypothetical about the answer just given ("¿y si ya se envió?" after how to cancel an order):
 * with no value of the intent Lex heard, or when Lex was unsure of the intent, it asks the knowledge base.
 */
const CONDITIONAL_CUES: Readonly<Record<string, readonly string[]>> = {
  en_US: ['and if', 'what if'],
  es_US: ['y si'],
};

/**
 * Object pronouns that, before a verb that asks ("¿y la puedo usar...?", "¿y lo aceptan...?"), stand for what the
 * answer was about. Before a noun ("¿y la tienda del centro?") they are articles, and ask nothing of the answer.
 */
const OBJECT_PRONOUNS: Readonly<Record<string, readonly string[]>> = {
  es_US: ['lo', 'la', 'los', 'las'],
};

/** Besides the cue and the values Lex read, one content word ("store") may remain. */
const MAX_OTHER_CONTENT_WORDS = 1;

/**
 * Whether, just after an answer from the knowledge base, the customer carried its question over to another
 * thing that a business intent has a slot for: "what about the airport one?" after "can I bring my dog into
 * your stores?" is about dogs at the Airport store, not its hours, though Lex hears a store and picks
 * StoreHours. Only the cue, slot values and one other content word may be said, and nothing after the cue
 * may ask a question of its own: "and what time does the airport one open?" says what it wants and stays
 * with the intent, unless Lex was unsure of it. A hypothetical ("¿y si ya se envió?") with no value at all is
 * about the answer too.
 */
export function isFollowUpOfAnswer(event: LexV2Event): boolean {
  if (event.inputMode === 'DTMF' || !isActive(event, KNOWLEDGE_ANSWERED_CONTEXT)) return false;
  const intent = event.sessionState.intent;
  if (intent.name === FALLBACK_INTENT_NAME) return false;
  const words = plainWords(event.inputTranscript);
  const hypothetical = (CONDITIONAL_CUES[event.bot.localeId] ?? []).some(
    (conditional) => words === conditional || words.startsWith(`${conditional} `),
  );
  // "¿Y si la compra es de más de 150 dólares?" after Canada's rates: Lex, unsure, reads an order number.
  const unsure = isUnsureOfIntent(event);
  if (hypothetical && (unsure || Object.values(intent.slots ?? {}).every((slot) => !slot?.value)))
    return true;
  const cue = (CONTINUATION_CUES[event.bot.localeId] ?? []).find(
    (candidate) => words === candidate || words.startsWith(`${candidate} `),
  );
  if (cue === undefined) return false;
  const rest = words.slice(cue.length);
  if (asksOfWhatWasAnswered(rest, event.bot.localeId)) return true;
  // "¿Y qué precio tiene esa opción?" right after the shipping options: a question that carries on, which Lex
  // was unsure of (it heard a greeting's "what are my options"), asks about the answer.
  if (opensLikeQuestion(rest, event.bot.localeId)) return unsure;
  if (!isKnowledgeLocaleId(event.bot.localeId)) return false;
  const analyzer = textAnalyzer(event.bot.localeId);
  const values = new Set(
    Object.values(intent.slots ?? {}).flatMap((slot) =>
      slot?.value?.originalValue ? analyzer.words(slot.value.originalValue).map(([term]) => term) : [],
    ),
  );
  if (values.size === 0) return false;
  const others = analyzer
    .words(words.slice(cue.length))
    .filter(([term]) => term === undefined || !values.has(term));
  return others.length <= MAX_OTHER_CONTENT_WORDS;
}

/**
 * Whether what follows the cue asks something of what the answer was about: "¿y la puedo usar en la tienda del
 * aeropuerto?" after the gift cards is about the card, not the Airport store's hours.
 */
function asksOfWhatWasAnswered(rest: string, localeId: string): boolean {
  const [pronoun, ...after] = rest.trim().split(' ');
  return (
    pronoun !== undefined &&
    (OBJECT_PRONOUNS[localeId] ?? []).includes(pronoun) &&
    opensLikeQuestion(after.join(' '), localeId)
  );
}
