import type { IntentCandidate } from '../nlu/types';
import type { SlotValue } from '../slots/types';
import type { LocaleDefinition } from './intent-definitions';
import type { WireIntent, WireInterpretation, WireSlot, WireSlots } from './state';

/** How many classified intents Lex lists beside FallbackIntent, which makes five. */
const LISTED_CANDIDATES = 4;

export function toWireSlot(value: SlotValue): WireSlot {
  return {
    shape: 'Scalar',
    value: {
      originalValue: value.originalValue,
      interpretedValue: value.interpretedValue,
      resolvedValues: value.resolvedValues,
    },
  };
}

export function toWireSlots(values: Record<string, SlotValue>): WireSlots {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, toWireSlot(value)]));
}

/** Lex lists up to five interpretations; FallbackIntent goes first when nothing reaches the threshold. */
export function classifiedInterpretations(
  definition: LocaleDefinition,
  candidates: readonly IntentCandidate[],
): WireInterpretation[] {
  const scored: WireInterpretation[] = candidates.slice(0, LISTED_CANDIDATES).map((candidate) => ({
    intent: {
      name: candidate.intentName,
      slots: definition.completeSlots(candidate.intentName, toWireSlots(candidate.slots)),
      state: 'InProgress',
      confirmationState: 'None',
    },
    nluConfidence: { score: Math.round(candidate.score * 100) / 100 },
    interpretationSource: 'Lex',
  }));
  const fallback = fallbackInterpretation(definition);
  if (!fallback) return scored;
  const top = candidates[0];
  return top && top.score >= definition.threshold ? [...scored, fallback] : [fallback, ...scored];
}

/** While an intent is under way Lex interprets the turn as that intent, certain, with FallbackIntent after. */
export function currentIntentInterpretations(
  definition: LocaleDefinition,
  intent: WireIntent,
): WireInterpretation[] {
  const current: WireInterpretation = {
    intent: structuredClone(intent),
    nluConfidence: { score: 1 },
    interpretationSource: 'Lex',
  };
  const fallback = fallbackInterpretation(definition);
  if (!fallback || fallback.intent.name === intent.name) return [current];
  return [current, fallback];
}

/** FallbackIntent as Lex lists it: no slots and no score. */
function fallbackInterpretation(definition: LocaleDefinition): WireInterpretation | undefined {
  const fallback = definition.fallbackIntent();
  if (!fallback) return undefined;
  return {
    intent: { name: fallback.Name, slots: {}, state: 'InProgress', confirmationState: 'None' },
    interpretationSource: 'Lex',
  };
}
