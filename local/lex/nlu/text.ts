import type { NluLanguage } from './language';

/** One written word, or one part of a contracted word, with the span of the written word it came from. */
export interface WrittenWord {
  /** Lowercase, as written: what the stemmer reads (Spanish suffix rules need the accents). */
  lower: string;
  /** Lowercase without diacritics, straight apostrophes: the form word lists are compared in. */
  norm: string;
  start: number;
  end: number;
}

/** A word, or a "$" before an amount, which reads as the language's currency word. */
const WORD = /\$(?=\p{N})|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

export function normalizeWord(word: string): string {
  return withoutDiacritics(word.toLowerCase()).replace(/’/g, "'");
}

/**
 * Splits text into words; punctuation separates words and is otherwise ignored. Contracted words are split
 * ("isn't" gives "is" + "not") so that they match their spelled-out forms.
 */
export function writtenWords(text: string, language: NluLanguage): WrittenWord[] {
  const words: WrittenWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const lower = match[0] === '$' ? language.currencyWord : match[0].toLowerCase().replace(/’/g, "'");
    for (const part of expandContraction(lower, language)) {
      words.push({ lower: part, norm: normalizeWord(part), start, end });
    }
  }
  return words;
}

function expandContraction(word: string, language: NluLanguage): readonly string[] {
  // Object.hasOwn: a user's word may be "constructor" or "__proto__", which a plain lookup finds on Object.prototype.
  if (Object.hasOwn(language.contractedWords, word)) return language.contractedWords[word] ?? [word];
  if (!word.includes("'")) return [word];
  for (const [ending, replacement] of Object.entries(language.contractedEndings)) {
    if (word.length > ending.length && word.endsWith(ending)) {
      return [word.slice(0, -ending.length), ...replacement];
    }
  }
  return [word];
}
