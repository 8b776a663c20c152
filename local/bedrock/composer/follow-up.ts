import { normalizeWord } from '../../lex/nlu/text';
import type { QueryTerm } from './relevance';
import type { ComposerWording } from './wording';

/**
 * True when a question leans on the one before it: it opens like a continuation ("and to Mexico?", "what
 * about returns?", "¿y a México?") or names at most one thing. Its words then lead, and the previous
 * question's words fill in what it leaves out.
 */
export function isFollowUp(question: string, terms: readonly QueryTerm[], wording: ComposerWording): boolean {
  return terms.length <= 1 || opensAsContinuation(question, wording);
}

/**
 * True when the text, or its last sentence or question after an acknowledgement ("Entiendo. ¿Y a ella en cuánto
 * tiempo le llegaría?", "I see. And how long would it take?"), opens like a continuation ("and to Mexico?", "y si
 * voy a la tienda...").
 */
export function opensAsContinuation(text: string, wording: ComposerWording): boolean {
  const question = Math.max(text.lastIndexOf('¿'), lastSentenceStart(text));
  const openings = [text, ...(question > 0 ? [text.slice(question)] : [])].map(normalizedWords);
  return openings.some((opening) =>
    wording.continuationCues.some((cue) => opening === cue || opening.startsWith(`${cue} `)),
  );
}

/** True when the question points back at the previous topic with a word like "that" or "eso". */
export function pointsBack(question: string, wording: ComposerWording): boolean {
  return normalizedWords(question)
    .split(' ')
    .some((word) => wording.pointingWords.includes(word));
}

/** True when the question asks how long, how many, when...: the answer is most likely a sentence with a number. */
export function asksForNumber(question: string, wording: ComposerWording): boolean {
  const words = ` ${normalizedWords(question)} `;
  return wording.numberCues.some((cue) => words.includes(` ${cue} `));
}

/** True when the question asks how long, how much or how many: a length or an amount, not a moment. */
export function asksForAmount(question: string, wording: ComposerWording): boolean {
  const words = ` ${normalizedWords(question)} `;
  return wording.amountCues.some((cue) => words.includes(` ${cue} `));
}

/** Whether the question asks for the account of a whole topic ("how do returns work?"). */
export function asksForOverview(question: string, wording: ComposerWording): boolean {
  return wording.overviewPattern.test(normalizedWords(question));
}

/** Where the text's last sentence starts, after a full stop or exclamation mark and a space; 0 for one sentence. */
function lastSentenceStart(text: string): number {
  const breaks = [...text.trimEnd().matchAll(/[.!]\s+/gu)];
  const last = breaks.at(-1);
  return last?.index === undefined ? 0 : last.index + last[0].length;
}

/** Lowercase words without accents, separated by single spaces. */
function normalizedWords(text: string): string {
  return text
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word !== '')
    .map(normalizeWord)
    .join(' ');
}
