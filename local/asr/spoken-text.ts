import { cardinalWords, digitByDigit, ordinalWords } from './english-numbers';

/** Symbols that are read as words; everything else that is not a letter, digit or apostrophe is a pause. */
const SPOKEN_SYMBOLS: readonly [RegExp, string][] = [
  [/&/g, ' and '],
  [/%/g, ' percent '],
  [/\+/g, ' plus '],
  [/@/g, ' at '],
];

/**
 * Writes text the way a caller says it, in the spelling the pronouncing dictionary uses: lowercase, numbers as
 * words, punctuation gone, and apostrophes kept inside words because the dictionary lists contractions with
 * them ("don't", "where's"). Returns the words in order.
 */
export function spokenWords(text: string): string[] {
  let spoken = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'");
  for (const [symbol, words] of SPOKEN_SYMBOLS) spoken = spoken.replace(symbol, words);
  spoken = spoken
    .replace(/\$(\d+(?:[.,]\d+)*)/g, '$1 dollars')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, (_, digits: string) => ` ${ordinalWords(digits).join(' ')} `)
    .replace(/(\d+)\.(\d+)/g, (_, whole: string, fraction: string) =>
      [...cardinalWords(whole), 'point', ...digitByDigit(fraction)].join(' '),
    )
    .replace(/\d+/g, (digits) => ` ${cardinalWords(digits).join(' ')} `);
  return spoken
    .split(/[^\p{L}\p{M}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0);
}
