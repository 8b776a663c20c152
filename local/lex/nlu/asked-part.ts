import type { NluLanguage } from './language';
import { normalizeWord } from './text';

/**
 * The question a long spoken request carries ("buenas tardes, mire, le hablo para preguntar si la sucursal del
 * norte abre los domingos porque entre semana salgo muy tarde"): the words after the last opening of an
 * indirect question, up to the reason or purpose given for it. Speech has no commas to split such a request at, and the
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
  // "¿Cómo le hago para devolver algo?" asks how to return something: only a request that says enough before
  // its purpose ("que un asesor me llame para...") is scored without it.
  const purpose = language.purposeClause?.exec(folded.slice(start));
  if (purpose && saysEnough(utterance.slice(start, start + purpose.index), language))
    end = Math.min(end, start + purpose.index);
  const part = utterance.slice(start, end).trim();
  // "Y si no le quedan, porque el muchacho crece muy rápido, ¿cuánto tiempo hay...?": a word before the reason is
  // not yet the request, unless it opens the question ("¿y el domingo, por si el sábado no puedo?").
  const request = saysEnough(part, language) || part.includes('¿');
  return part === utterance.trim() || !request ? undefined : part;
}

/** A request says enough by itself with two words that are not stop words. */
const ENOUGH_WORDS = 2;

const stopWordSets = new WeakMap<NluLanguage, ReadonlySet<string>>();

function saysEnough(text: string, language: NluLanguage): boolean {
  let stopWords = stopWordSets.get(language);
  if (stopWords === undefined) {
    stopWords = new Set(language.stopWords);
    stopWordSets.set(language, stopWords);
  }
  const words = text.split(/[^\p{L}\p{N}]+/u).map(normalizeWord);
  return words.filter((word) => word !== '' && !stopWords.has(word)).length >= ENOUGH_WORDS;
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
