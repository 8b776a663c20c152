import { en } from './lang/en';
import { es } from './lang/es';
import type { LanguageTables } from './lang/types';

export type Language = 'en' | 'es';

/** Spanish rules for any `es_*` locale, English rules for everything else. */
export function languageOf(localeId: string): Language {
  return /^es(?:[_-]|$)/i.test(localeId) ? 'es' : 'en';
}

export function tablesFor(language: Language): LanguageTables {
  return language === 'es' ? es : en;
}
