import { plainWords } from './plain-words';

/**
 * Words that point back at what was just said or asked ("where do I find that?", "¿y dónde lo encuentro?"),
 * lowercase without accents, by language (`en`, `es`).
 */
export const POINTING_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['that', 'it', 'this', 'those', 'these', 'them', 'one'],
  es: ['eso', 'esto', 'ese', 'esa', 'lo', 'la', 'los', 'las'],
};

/** Whether a text says a word that points back, in the language of a Lex locale id (`en_US`, `es_US`). */
export function pointsBack(text: string, localeId: string): boolean {
  const pointing = POINTING_WORDS[localeId.split('_')[0] ?? ''] ?? [];
  return plainWords(text)
    .split(' ')
    .some((word) => pointing.includes(word));
}
