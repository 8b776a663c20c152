import type { GenerativeMessages } from './catalogue';
import { enUS } from './en_US';
import { esUS } from './es_US';

export type { GenerativeMessages } from './catalogue';

const CATALOGUES = new Map<string, GenerativeMessages>([
  ['en_US', enUS],
  ['es_US', esUS],
]);

/** The catalogue for a Lex locale id; English for a locale Parley has no words for yet. */
export function generativeMessagesFor(localeId: string): GenerativeMessages {
  return CATALOGUES.get(localeId) ?? enUS;
}
