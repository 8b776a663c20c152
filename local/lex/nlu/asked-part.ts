import type { NluLanguage } from './language';

/**
 * The question a long spoken request carries ("buenas tardes, mire, le hablo para preguntar si la sucursal del
 * norte abre los domingos porque entre semana salgo muy tarde"): the words after the last opening of an
 * indirect question, up to the reason given for it. Speech has no commas to split such a request at, and the
 * greeting and the reason would otherwise count against every intent. Undefined when the request has neither.
 */
export function askedPart(utterance: string, language: NluLanguage): string | undefined {
  const folded = foldPerCharacter(utterance);
  let start = 0;
  for (const opener of language.questionOpeners) {
    for (const at of wholePhraseOffsets(folded, opener)) start = Math.max(start, at + opener.length);
  }
  let end = utterance.length;
  for (const cue of language.reasonCues) {
    const [at] = wholePhraseOffsets(folded.slice(start), cue);
    if (at !== undefined && at > 0) end = Math.min(end, start + at);
  }
  const part = utterance.slice(start, end).trim();
  return part === '' || part === utterance.trim() ? undefined : part;
}

/** Lowercase without accents, one character for each of the text's, so offsets carry over to the text. */
function foldPerCharacter(text: string): string {
  return [...text]
    .map((character) => {
      const folded = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      return folded.length === character.length ? folded : character;
    })
    .join('');
}

function wholePhraseOffsets(folded: string, phrase: string): number[] {
  const offsets: number[] = [];
  for (let at = folded.indexOf(phrase); at !== -1; at = folded.indexOf(phrase, at + 1)) {
    const before = folded[at - 1];
    const after = folded[at + phrase.length];
    if (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    )
      offsets.push(at);
  }
  return offsets;
}
