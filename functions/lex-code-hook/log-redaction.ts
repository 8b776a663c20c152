import type { LexV2Slots } from './lex-event';

export type SlotLogState = 'filled' | 'ambiguous' | 'empty';

/**
 * Which slots hold a value, without the values: slots carry emails and phone numbers, which stay out of
 * the logs.
 */
export function slotStatesForLog(slots: LexV2Slots): Record<string, SlotLogState> {
  return Object.fromEntries(
    Object.entries(slots).map(([name, slot]): [string, SlotLogState] => {
      if (!slot) return [name, 'empty'];
      const hasValue = slot.value?.interpretedValue != null || (slot.values?.length ?? 0) > 0;
      return [name, hasValue ? 'filled' : slot.value ? 'ambiguous' : 'empty'];
    }),
  );
}
