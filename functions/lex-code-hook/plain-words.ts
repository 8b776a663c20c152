import { foldText, tokenize } from '../knowledge/text-analysis';

/**
 * A customer's words as the hook compares them with its word lists: lowercase, no accents, no punctuation,
 * single spaces ("¿Y, el SÁBADO?" is "y el sabado").
 */
export function plainWords(text: string): string {
  return tokenize(foldText(text)).join(' ');
}
