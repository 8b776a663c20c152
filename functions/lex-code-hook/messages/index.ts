import type { MessageCatalogue } from './catalogue';
import { enUS } from './en_US';
import { esUS } from './es_US';

export type { MessageCatalogue } from './catalogue';

const CATALOGUES = new Map<string, MessageCatalogue>([
  ['en_US', enUS],
  ['es_US', esUS],
]);

/** The catalogue for a Lex locale id; English for a locale Parley has no words for yet. */
export function messagesFor(localeId: string): MessageCatalogue {
  return CATALOGUES.get(localeId) ?? enUS;
}
