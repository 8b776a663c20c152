import type { SlotMatch, SlotValue } from './types';

export interface Span {
  start: number;
  end: number;
}

/** A match whose originalValue is exactly the text it covers; resolvedValues default to the interpreted value. */
export function slotMatch(
  text: string,
  span: Span,
  interpretedValue: string | null,
  resolvedValues: string[] = interpretedValue === null ? [] : [interpretedValue],
): SlotMatch {
  return {
    originalValue: text.slice(span.start, span.end),
    interpretedValue,
    resolvedValues,
    start: span.start,
    end: span.end,
  };
}

export function toSlotValue(match: SlotMatch): SlotValue {
  return {
    originalValue: match.originalValue,
    interpretedValue: match.interpretedValue,
    resolvedValues: match.resolvedValues,
  };
}

/** Of overlapping candidates the longest wins (the earliest on a tie); the survivors come back in text order. */
export function longestNonOverlapping<T extends Span>(candidates: readonly T[]): T[] {
  const byPreference = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const candidate of byPreference) {
    if (candidate.end <= candidate.start) continue;
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The value an elicited answer gives: the first match touching the answer's core (the input without lead-ins
 * such as "my number is" or a closing "please"), else the first match anywhere.
 */
export function pickAnswer<T extends Span>(matches: readonly T[], core: Span): T | undefined {
  return matches.find((m) => m.start < core.end && m.end > core.start) ?? matches[0];
}
