/**
 * Words that point back at what was just said or asked ("where do I find that?", "¿y dónde lo encuentro?"),
 * lowercase without accents, by language (`en`, `es`).
 */
export const POINTING_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['that', 'it', 'this', 'those', 'these', 'them', 'one'],
  es: ['eso', 'esto', 'ese', 'esa', 'lo', 'la', 'los', 'las'],
};
