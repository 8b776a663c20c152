import type { Language } from './language';

/** Words this short are left alone: "bus", "gas", "mes" are not plurals. */
const MIN_PLURAL_LENGTH = 4;

const RULES: Record<Language, Array<[RegExp, string]>> = {
  en: [
    [/ies$/, 'y'],
    [/(s|x|z|ch|sh)es$/, '$1'],
    [/([^s])s$/, '$1'],
  ],
  es: [
    [/ces$/, 'z'],
    [/([aeiouáéíóú])s$/, '$1'],
    [/([^aeiouáéíóú])es$/, '$1'],
  ],
};

/**
 * A rough singular for plural-tolerant matching ("shirts" ~ "shirt", "luces" ~ "luz"). It only has to map a
 * word and its plural to the same key; it is never shown to anyone.
 */
export function singularOf(word: string, language: Language): string {
  if (word.length < MIN_PLURAL_LENGTH) return word;
  for (const [pattern, replacement] of RULES[language]) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}
