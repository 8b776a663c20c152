/** A word or digit run of an utterance, with its position in the original string. */
export interface Token {
  /** Exactly as written. */
  text: string;
  /** Lowercase, without diacritics, curly apostrophes made straight: the form word tables are compared in. */
  norm: string;
  start: number;
  end: number;
}

/**
 * Digit runs and letter runs are separate tokens ("3pm" is "3" + "pm") so number, time and email parsers can
 * read mixed text; an apostrophe inside a word keeps it whole ("it's", "o'clock").
 */
const TOKEN = /[0-9]+|(?:(?![0-9])[\p{L}\p{M}\p{N}])+(?:['’](?:(?![0-9])[\p{L}\p{M}\p{N}])+)*/gu;

export function normalize(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
}

export function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN), (m) => ({
    text: m[0],
    norm: normalize(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export function isDigits(token: Token): boolean {
  return /^[0-9]+$/.test(token.text);
}

/** The raw text between two tokens (or before the first one when `before` is undefined). */
export function gapBefore(text: string, tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  if (token === undefined) return '';
  return text.slice(tokens[index - 1]?.end ?? 0, token.start);
}

/** Words of one spoken phrase are separated by spaces or hyphens ("twenty-three"), not by other punctuation. */
export function isWordGap(gap: string): boolean {
  return /^[\s\-‐‑–]+$/u.test(gap);
}

/** Splits a table entry ("at the", "o'clock") into the normalized words it must match. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
