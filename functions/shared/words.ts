const TOKEN_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

/** Splits on anything that is not a letter or digit: punctuation, apostrophes and Markdown all separate words. */
export function tokenize(text: string): string[] {
  return text.split(TOKEN_SEPARATOR).filter((token) => token.length > 0);
}

/** Lowercase and without diacritics, so a customer who types "sabado" means "Sábado". */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
