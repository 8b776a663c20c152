import { english } from './en';
import { spanish } from './es';
import type { NluLanguage } from './types';

export type { NluLanguage } from './types';

const BY_LANGUAGE: Readonly<Record<string, NluLanguage>> = { en: english, es: spanish };

/**
 * Languages without tables still classify: words are compared as written, with no stop words or synonyms.
 * That is weaker but honest, where borrowing English rules would stem French words into nonsense.
 */
const WITHOUT_TABLES: NluLanguage = {
  currencyWord: '$',
  stopWords: [],
  contractedWords: {},
  contractedEndings: {},
  encliticPronouns: [],
  synonymGroups: [],
  correctionCues: [],
  questionOpeners: [],
  reasonCues: [],
};

/** The tables for a Lex locale id (`en_US`, `es_419`...), chosen by its language part. */
export function nluLanguageFor(localeId: string): NluLanguage {
  return BY_LANGUAGE[localeId.split('_')[0]?.toLowerCase() ?? ''] ?? WITHOUT_TABLES;
}
