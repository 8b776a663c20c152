import type { LexV2Event } from './lex-event';
import { DROPPING_PHRASES, LEAD_INS, QUESTION_OPENERS } from './lead-ins';
import { isKnowledgeLocaleId } from '../knowledge/languages';
import { textAnalyzer } from '../knowledge/text-analysis';
import { plainWords } from '../shared/plain-words';
import { pointsBack } from '../shared/pointing-words';

/**
 * Words that open a question, lowercase without accents. A clause opening with one of them asks something even
 * when speech recognition gives no question mark ("do you take apple pay", "aceptan apple pay").
 */
const QUESTION_OPENINGS: Readonly<Record<string, ReadonlySet<string>>> = {
  en_US: new Set(
    `how what whats when where which who whom whose why do does did can could will would is are was were
     should shall may might have has if whether`.split(/\s+/),
  ),
  es_US: new Set(
    `como que cual cuales cuando donde quien quienes cuanto cuanta cuantos cuantas porque puedo puede pueden
     podria podrian tienen tiene necesito hay aceptan acepta hacen hace venden vende envian envia queria quisiera`.split(
      /\s+/,
    ),
  ),
};

/**
 * Openings of more than one word. "Tengo" asks only as "¿tengo que...?": "tengo un problema con un cobro" tells
 * what is wrong.
 */
const QUESTION_PHRASES: Readonly<Record<string, readonly string[]>> = {
  es_US: ['tengo que', 'tengo q'],
};

const CLAUSE_BREAK = /[,;:.!]+/u;

/**
 * Whether the customer, asked for a slot value, asked a question of their own instead: Lex did not capture
 * the value (the prompt is on a retry) and the words are shaped like a question. Such an aside ("before that,
 * do you take Apple Pay?") is answered from the knowledge base rather than met with the same prompt again.
 * Key presses are never questions.
 */
export function isAsideQuestion(event: LexV2Event): boolean {
  if (event.invocationSource !== 'DialogCodeHook' || event.inputMode === 'DTMF') return false;
  const proposed = event.proposedNextState;
  const retrying = proposed?.prompt !== undefined && proposed.prompt.attempt !== 'Initial';
  if (!retrying || proposed?.dialogAction.type !== 'ElicitSlot') return false;
  return (
    isShapedLikeQuestion(event.inputTranscript, event.bot.localeId) ||
    dropsTheQuestionFor(event.inputTranscript, event.bot.localeId)
  );
}

/** What follows the dropping words must say this much to be a request of its own. */
const MIN_WORDS_AFTER_DROPPING = 3;

/**
 * Whether the customer dropped the question asked for something else ("olvídalo, en realidad solo quiero que
 * dejen de mandarme correos de ofertas"): what follows is looked up, though it is no question.
 */
function dropsTheQuestionFor(text: string, localeId: string): boolean {
  const after = wordsAfterDropping(text, localeId);
  return after !== undefined && after >= MIN_WORDS_AFTER_DROPPING;
}

/** Whether the message opens by dropping the question the bot asked ("olvídelo, ¿cómo funcionan las...?"). */
export function dropsTheQuestion(text: string, localeId: string): boolean {
  return wordsAfterDropping(text, localeId) !== undefined;
}

/** How many words follow the dropping words the message opens with; undefined when it opens otherwise. */
function wordsAfterDropping(text: string, localeId: string): number | undefined {
  const words = plainWords(text).split(' ');
  const opening = (DROPPING_PHRASES[localeId] ?? [])
    .map((phrase) => phrase.split(' '))
    .find((openingWords) => openingWords.every((word, index) => words[index] === word));
  return opening && words.length - opening.length;
}

export function isShapedLikeQuestion(text: string, localeId: string): boolean {
  return /[?¿]/u.test(text) || opensLikeQuestion(text, localeId);
}

/**
 * Openings of a request for something to be done, though their first word may open a question ("necesito
 * recibo?"): "necesito que alguien me llame" asks for a call, not about one. "q" is how it is typed in a hurry.
 */
const REQUEST_OPENINGS: Readonly<Record<string, readonly string[]>> = {
  es_US: ['necesito que', 'necesito q', 'necesitamos que', 'quisiera que', 'queria que'],
};

/**
 * Whether a clause of `text` opens, after any lead-ins, with a word that asks ("when", "do", "cuánto") or with
 * the opening of an indirect question ("dígame si", "quería saber si").
 */
export function opensLikeQuestion(text: string, localeId: string): boolean {
  const openings = QUESTION_OPENINGS[localeId];
  if (!openings) return false;
  const leadIns = LEAD_INS[localeId] ?? [];
  const indirect = QUESTION_OPENERS[localeId] ?? [];
  const requests = REQUEST_OPENINGS[localeId] ?? [];
  const phrases = QUESTION_PHRASES[localeId] ?? [];
  return text.split(CLAUSE_BREAK).some((clause) => {
    const rest = afterLeadIns(clause, leadIns);
    if (requests.some((opening) => `${rest} `.startsWith(`${opening} `))) return false;
    const [word] = rest.split(' ');
    return (
      (word !== undefined && openings.has(word)) ||
      [...phrases, ...indirect].some((opener) => `${rest} `.startsWith(`${opener} `))
    );
  });
}

/** The clause as plain words, without the lead-ins it opens with. */
function afterLeadIns(clause: string, leadIns: readonly string[]): string {
  let words = ` ${plainWords(clause)} `;
  for (let lead = leadIns.find((l) => words.startsWith(` ${l} `)); lead;) {
    words = words.slice(lead.length + 1);
    lead = leadIns.find((l) => words.startsWith(` ${l} `));
  }
  return words.trim();
}

/** "Where do I find that?" says one or two things of its own; "before that, do you take Apple Pay?" more. */
const MAX_WORDS_ABOUT_THE_QUESTION = 2;

/**
 * Whether an aside asks about the question it interrupted ("where do I find that?" when the order number is
 * asked for, "¿y dónde lo encuentro?"): it points back at it and says little else. The customer is still
 * answering it, so the question is asked again after the answer; any other aside moves the conversation on.
 */
export function asksAboutTheQuestion(text: string, localeId: string): boolean {
  if (!isKnowledgeLocaleId(localeId) || !pointsBack(text, localeId)) return false;
  // "¿Y ese número dónde lo encuentro? No lo tengo a la mano.": of several sentences, the question is what
  // counts, not the remark around it.
  const sentences = text.split(/(?<=[.!?])\s+/u).filter((sentence) => sentence.trim() !== '');
  const asked =
    sentences.length > 1 ? sentences.find((sentence) => sentence.trim().endsWith('?')) : undefined;
  return textAnalyzer(localeId).words(asked ?? text).length <= MAX_WORDS_ABOUT_THE_QUESTION;
}

/** A later clause says this much to be a question of its own beside the value ("¿aceptan Amex?"). */
const MIN_WORDS_OF_A_QUESTION_BESIDE_A_VALUE = 2;

/**
 * Whether a message that gives a value also asks something after it ("el jueves porfa. oiga, ¿aceptan American
 * Express?"): a later sentence or clause shaped like a question that says enough on its own. Lex takes the value
 * and moves on; the question would go unanswered.
 */
export function asksBesideTheValue(text: string, localeId: string): boolean {
  if (!isKnowledgeLocaleId(localeId)) return false;
  const analyzer = textAnalyzer(localeId);
  const [, ...later] = text
    .split(/(?<=[.!?])\s+|[,;]\s+/u)
    .map((clause) => clause.trim())
    .filter(Boolean);
  return later.some(
    (clause) =>
      isShapedLikeQuestion(clause, localeId) &&
      analyzer.words(clause).length >= MIN_WORDS_OF_A_QUESTION_BESIDE_A_VALUE,
  );
}
