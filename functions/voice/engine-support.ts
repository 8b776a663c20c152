export const POLLY_ENGINES = ['standard', 'neural', 'long-form', 'generative'] as const;
export type PollyEngine = (typeof POLLY_ENGINES)[number];

/** SSML tag name -> attributes Polly accepts on it. */
export type SsmlVocabulary = Readonly<Record<string, readonly string[]>>;

const COMMON: SsmlVocabulary = {
  speak: [],
  break: ['strength', 'time'],
  lang: ['xml:lang'],
  p: [],
  s: [],
  sub: ['alias'],
  w: ['role'],
  'say-as': ['interpret-as', 'format'],
};

/**
 * What each Polly engine accepts (docs "Supported SSML tags"). Generative is kept to the subset every
 * version of the matrix agrees on, because Polly does not say how it treats the rest.
 */
export const SSML_BY_ENGINE: Readonly<Record<PollyEngine, SsmlVocabulary>> = {
  standard: {
    ...COMMON,
    emphasis: ['level'],
    mark: ['name'],
    phoneme: ['alphabet', 'ph'],
    prosody: ['volume', 'rate', 'pitch', 'amazon:max-duration'],
  },
  neural: { ...COMMON, mark: ['name'], phoneme: ['alphabet', 'ph'], prosody: ['volume', 'rate'] },
  'long-form': { ...COMMON, mark: ['name'], phoneme: ['alphabet', 'ph'], prosody: ['volume', 'rate'] },
  generative: COMMON,
};

/**
 * Polly's `telephone` reading exists only for these languages and locales; elsewhere a phone number is
 * read digit by digit instead.
 */
const TELEPHONE_LANGUAGES = new Set(['en', 'es', 'fr', 'pt']);
const TELEPHONE_LOCALES = new Set(['de_DE', 'it_IT', 'ja_JP', 'ru_RU']);

export function supportsTelephone(localeId: string): boolean {
  return TELEPHONE_LOCALES.has(localeId) || TELEPHONE_LANGUAGES.has(localeId.split('_')[0] ?? '');
}
