import type { BotLocale } from '../../../../bot-definitions/loader/schema';
import { createSlotTypeResolver } from '../../../../local/lex/slots';
import type { SlotMatch, SlotTypeResolver } from '../../../../local/lex/slots/types';

/** Thursday 26 November 2026, noon, in the process's time zone (the zone chrono reads dates in). */
export const THURSDAY = new Date(2026, 10, 26, 12, 0, 0);

export const LOCALES = ['en_US', 'es_US'] as const;

function locale(localeId: string, slotTypes: BotLocale['SlotTypes'] = []): BotLocale {
  return { LocaleId: localeId, NluConfidenceThreshold: 0.4, SlotTypes: slotTypes };
}

export function resolverFor(
  slotTypeName: string,
  localeId: string,
  options: { now?: Date; slotTypes?: BotLocale['SlotTypes'] } = {},
): SlotTypeResolver {
  const now = options.now ?? THURSDAY;
  return createSlotTypeResolver(slotTypeName, locale(localeId, options.slotTypes), {
    localeId,
    now: () => now,
  });
}

/** The invariants every `find` result must keep, whatever the input. */
export function expectWellFormedMatches(utterance: string, matches: SlotMatch[]): void {
  let previousEnd = 0;
  for (const match of matches) {
    expect(match.start).toBeGreaterThanOrEqual(previousEnd);
    expect(match.end).toBeGreaterThan(match.start);
    expect(match.end).toBeLessThanOrEqual(utterance.length);
    expect(utterance.slice(match.start, match.end)).toBe(match.originalValue);
    previousEnd = match.end;
  }
}
