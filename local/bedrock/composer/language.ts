import { normalizeWord } from '../../lex/nlu/text';

export type ComposerLanguage = 'en' | 'es';

/** Frequent function words of one language that are rare in the other: a handful identify a sentence. */
const MARKERS: Readonly<Record<ComposerLanguage, ReadonlySet<string>>> = {
  en: new Set(
    'the and is are you your do does did what how when where which can could will would to of for with my it this that have has i we our'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las de del que y en es son por para con un una mi mis su sus como cuando donde cual puedo puede hay se lo al nuestro nuestra usted'.split(
      ' ',
    ),
  ),
};

/** Letters and marks only Spanish uses, worth a few marker words each. */
const SPANISH_SIGNS = /[ñ¿¡]/giu;
const SIGN_WEIGHT = 3;
/** The question is what the customer wrote, so it counts more than the passages. */
const QUESTION_WEIGHT = 3;

/** English or Spanish, from the question and the passages; English when the evidence is even. */
export function detectLanguage(question: string, passages: readonly string[]): ComposerLanguage {
  const spanishLead =
    QUESTION_WEIGHT * spanishLeadOf(question) + passages.reduce((sum, text) => sum + spanishLeadOf(text), 0);
  return spanishLead > 0 ? 'es' : 'en';
}

function spanishLeadOf(text: string): number {
  let lead = (text.match(SPANISH_SIGNS)?.length ?? 0) * SIGN_WEIGHT;
  for (const raw of text.split(/[^\p{L}]+/u)) {
    const word = normalizeWord(raw);
    if (MARKERS.es.has(word)) lead += 1;
    if (MARKERS.en.has(word)) lead -= 1;
  }
  return lead;
}
