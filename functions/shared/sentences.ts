import { segmenter } from './intl-formatters';

/**
 * A dot after one or two capitals ("EE. UU.", "U.S.") closes an abbreviation, not a sentence; Unicode's
 * sentence rules break there, and the second half of "Solo entrega en EE. UU." alone reads as nonsense.
 */
const ENDS_WITH_ABBREVIATION = /(?:^|[\s.(¿¡"“'])\p{Lu}{1,2}\.\s*$/u;

/** The sentences of `text` for the language of `localeId` (`en_US`), untrimmed, in order. */
export function sentenceSegments(text: string, localeId: string): string[] {
  const sentences = segmenter(localeId.replace('_', '-'), { granularity: 'sentence' });
  return rejoinAbbreviations(Array.from(sentences.segment(text), ({ segment }) => segment));
}

/** Sentence pieces with each piece that ends in an abbreviation joined to the next (by `separator`). */
export function rejoinAbbreviations(pieces: readonly string[], separator = ''): string[] {
  const sentences: string[] = [];
  let pending: string | undefined;
  for (const piece of pieces) {
    const sentence = pending === undefined ? piece : pending + separator + piece;
    if (ENDS_WITH_ABBREVIATION.test(sentence)) pending = sentence;
    else {
      sentences.push(sentence);
      pending = undefined;
    }
  }
  if (pending !== undefined) sentences.push(pending);
  return sentences;
}
