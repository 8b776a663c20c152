import { plainWords } from './plain-words';

/**
 * Words that point back at what was just said or asked ("where do I find that?", "¿y dónde lo encuentro?"),
 * lowercase without accents, by language (`en`, `es`).
 */
export const POINTING_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['that', 'it', 'this', 'those', 'these', 'them', 'one'],
  es: ['eso', 'esto', 'ese', 'esa', 'lo', 'la', 'los', 'las'],
};

/**
 * Spanish "los" and "las" are also articles: before a plural noun ("las devoluciones", "los domingos") they point
 * at nothing said before, while before a verb ("¿los puedo devolver?", "¿las aceptan?") they do.
 */
const PLURAL_ARTICLES: ReadonlySet<string> = new Set(['los', 'las']);

/** Whether a text says a word that points back, in the language of a Lex locale id (`en_US`, `es_US`). */
export function pointsBack(text: string, localeId: string): boolean {
  const pointing = POINTING_WORDS[localeId.split('_')[0] ?? ''] ?? [];
  const words = plainWords(text).split(' ');
  return words.some(
    (word, index) =>
      pointing.includes(word) && !(PLURAL_ARTICLES.has(word) && words[index + 1]?.endsWith('s') === true),
  );
}
