import type { SlotMatch, SlotValue } from '../slots/types';
import { meantValue } from './corrections';
import type { Item } from './items';
import type { SpottedValues } from './slot-spotter';

export interface IntentSlot {
  name: string;
  slotTypeName: string;
  /** Custom types prefer values from their list over values they would merely accept. */
  isCustomType: boolean;
}

interface Range {
  start: number;
  end: number;
}

/**
 * The slot values of an input for one intent.
 * 1. Placeholders of the most similar sample utterance bind, in order, to the values found at the same places
 *    ("call me {CallbackDate} at {CallbackTime}" tells which of two dates or numbers is which).
 * 2. Each slot still empty (in priority order) takes the first value of its type that no other slot holds;
 *    a value inside a longer value of another type ("3" in "3 pm") is part of that value, not a value.
 * In both, of several values that could fill a slot, the one said after a correction is meant ("10021, no
 * wait, 10002"; corrections.ts).
 */
export function bindSlots(
  slots: readonly IntentSlot[],
  input: readonly Item[],
  template: readonly Item[] | undefined,
  spotted: SpottedValues,
  correction: { utterance: string; cues: readonly string[] } = { utterance: '', cues: [] },
): Record<string, SlotValue> {
  const bound: Record<string, SlotValue> = {};
  const used: Range[] = [];
  const byName = new Map(slots.map((slot) => [slot.name, slot]));

  const inputValues = input.filter((item) => item.span !== undefined);
  let next = 0;
  for (const placeholder of template ?? []) {
    const slot = placeholder.slotName === undefined ? undefined : byName.get(placeholder.slotName);
    if (slot === undefined || bound[slot.name] !== undefined) continue;
    const candidates = inputValues
      .map((item, index) => ({ index, match: item.span?.values.get(slot.slotTypeName) }))
      .filter((c): c is { index: number; match: SlotMatch } => c.index >= next && c.match !== undefined);
    const meant = meantValue(
      candidates.map((c) => ({ ...c, start: c.match.start })),
      correction.utterance,
      correction.cues,
    );
    if (meant === undefined) continue;
    const { index: position, match } = meant;
    bound[slot.name] = slotValue(match);
    used.push(match);
    next = position + 1;
  }

  for (const slot of slots) {
    if (bound[slot.name] !== undefined) continue;
    const free = (spotted.byType.get(slot.slotTypeName) ?? []).filter(
      (match) => !used.some((range) => overlap(range, match)) && !insideLongerValue(match, spotted),
    );
    const listed = slot.isCustomType ? free.filter((m) => m.resolvedValues.length > 0) : [];
    const match = meantValue(listed.length > 0 ? listed : free, correction.utterance, correction.cues);
    if (match === undefined) continue;
    bound[slot.name] = slotValue(match);
    used.push(match);
  }
  return bound;
}

export function slotValue(match: SlotValue): SlotValue {
  return {
    originalValue: match.originalValue,
    interpretedValue: match.interpretedValue,
    resolvedValues: [...match.resolvedValues],
  };
}

function overlap(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

function insideLongerValue(match: SlotMatch, spotted: SpottedValues): boolean {
  return spotted.spans.some(
    (span) => overlap(span, match) && span.end - span.start > match.end - match.start,
  );
}
