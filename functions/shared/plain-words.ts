import { foldText, tokenize } from './words';

/**
 * A customer's words as the hook compares them with its word lists: lowercase, no accents, no punctuation,
 * single spaces ("¿Y, el SÁBADO?" is "y el sabado").
 */
export function plainWords(text: string): string {
  return tokenize(foldText(text)).join(' ');
}

/** Whether `text` says one of `phrases` (written as plainWords gives them) as whole words. */
export function saysAnyOf(text: string, phrases: readonly string[]): boolean {
  const words = ` ${plainWords(text)} `;
  return phrases.some((phrase) => words.includes(` ${phrase} `));
}
