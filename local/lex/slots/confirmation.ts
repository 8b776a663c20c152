import type { ConfirmationValue, LanguageTables } from './lang/types';
import { slotMatch, toSlotValue } from './matches';
import { PhraseIndex } from './phrases';
import { tokenize } from './text';
import type { SlotMatch, SlotTypeResolver } from './types';

/**
 * Yes / No / Maybe / Don't know from their usual phrasings. The longest phrase at a position wins ("not sure"
 * over "sure", "no sé" over "no"), and an answer mixing several ("no, yes") counts as its first one.
 */
export function createConfirmationResolver(tables: LanguageTables): SlotTypeResolver {
  const phrases = new PhraseIndex<ConfirmationValue>(
    Object.entries(tables.confirmation).flatMap(([value, list]) =>
      list.map((phrase) => [phrase, value as ConfirmationValue] as const),
    ),
  );
  const find = (utterance: string): SlotMatch[] => {
    const tokens = tokenize(utterance);
    const matches: SlotMatch[] = [];
    for (let at = 0; at < tokens.length; at++) {
      const hit = phrases.longestAt(tokens, at);
      if (!hit) continue;
      const span = { start: tokens[at]!.start, end: tokens[at + hit.length - 1]!.end };
      matches.push(slotMatch(utterance, span, hit.values[0]!));
      at += hit.length - 1;
    }
    return matches;
  };
  return {
    slotTypeName: 'AMAZON.Confirmation',
    find,
    resolve(input) {
      const [first] = find(input);
      return first && toSlotValue(first);
    },
  };
}
