import type { LexV2ResultIntent, LexV2SlotValue } from './lex-event';

/** The value Lex captured for a scalar slot, or undefined when the slot is empty. */
export function slotValue(intent: LexV2ResultIntent, slotName: string): LexV2SlotValue | undefined {
  return intent.slots[slotName]?.value;
}

/** The slot's resolved value: undefined when empty, null when Lex left it ambiguous. */
export function interpretedValue(intent: LexV2ResultIntent, slotName: string): string | null | undefined {
  return slotValue(intent, slotName)?.interpretedValue;
}

/** The intent with one slot settled on `value` (the original words are kept for the transcript). */
export function withSlotValue(intent: LexV2ResultIntent, slotName: string, value: string): LexV2ResultIntent {
  const slot = intent.slots[slotName];
  return {
    ...intent,
    slots: {
      ...intent.slots,
      [slotName]: {
        ...slot,
        shape: slot?.shape ?? 'Scalar',
        value: {
          originalValue: slot?.value?.originalValue ?? value,
          interpretedValue: value,
          resolvedValues: [value],
        },
      },
    },
  };
}

/** The intent with one slot emptied, so Lex asks for it afresh. */
export function withoutSlot(intent: LexV2ResultIntent, slotName: string): LexV2ResultIntent {
  return { ...intent, slots: { ...intent.slots, [slotName]: null } };
}
