import type { IntentClassifier } from '../types';
import type { HeldOutItem } from './heldout-set';

export interface IntentAccuracy {
  intent: string;
  n: number;
  correct: number;
  accuracy: number;
}

export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
  examples: string[];
}

export interface Miss {
  text: string;
  expected: string;
  predicted: string;
  /** The best score, which the threshold was compared with. */
  score: number;
}

export interface LocaleAccuracy {
  localeId: string;
  threshold: number;
  n: number;
  correct: number;
  /** Top-1 accuracy over all items, out-of-domain ones included (right when they fall back). */
  accuracy: number;
  perIntent: IntentAccuracy[];
  outOfDomain: { n: number; fellBack: number; rate: number };
  /** Expected slot values, read from the expected intent's candidate (independent of the intent decision). */
  slots: { items: number; itemsAllCorrect: number; values: number; valuesCorrect: number; accuracy: number };
  confusions: Confusion[];
  misses: Miss[];
}

export interface AccuracyInput {
  localeId: string;
  threshold: number;
  fallbackIntent: string;
  classifier: IntentClassifier;
  /**
   * The intents a first utterance can reach: those that need no active context. A follow-up intent is only
   * eligible after the turn that sets its context, which a set of single utterances never has.
   */
  eligibleIntents?: ReadonlySet<string>;
  items: readonly HeldOutItem[];
  onItem?: (done: number, total: number) => void;
}

/** Scores a held-out set the way the dialog engine decides: a best score under the threshold means fallback. */
export function measureAccuracy(input: AccuracyInput): LocaleAccuracy {
  const { items, fallbackIntent } = input;
  const perIntent = new Map<string, { n: number; correct: number }>();
  const confusions = new Map<string, Confusion>();
  const misses: Miss[] = [];
  const slots = { items: 0, itemsAllCorrect: 0, values: 0, valuesCorrect: 0 };

  items.forEach((item, index) => {
    const candidates = input.classifier.classify(
      item.text,
      input.eligibleIntents ? { eligibleIntents: input.eligibleIntents } : {},
    );
    const top = candidates[0];
    const score = top?.score ?? 0;
    const predicted = top !== undefined && score >= input.threshold ? top.intentName : fallbackIntent;
    const tally = perIntent.get(item.intent) ?? { n: 0, correct: 0 };
    tally.n += 1;
    if (predicted === item.intent) {
      tally.correct += 1;
    } else {
      misses.push({ text: item.text, expected: item.intent, predicted, score });
      const key = `${item.intent}\u0000${predicted}`;
      const confusion = confusions.get(key) ?? { expected: item.intent, predicted, count: 0, examples: [] };
      confusion.count += 1;
      confusion.examples.push(item.text);
      confusions.set(key, confusion);
    }
    perIntent.set(item.intent, tally);

    const expectedSlots = Object.entries(item.slots ?? {});
    if (expectedSlots.length > 0) {
      const found = candidates.find((candidate) => candidate.intentName === item.intent)?.slots ?? {};
      const right = expectedSlots.filter(([name, value]) => found[name]?.interpretedValue === value).length;
      slots.items += 1;
      slots.values += expectedSlots.length;
      slots.valuesCorrect += right;
      if (right === expectedSlots.length) slots.itemsAllCorrect += 1;
    }
    input.onItem?.(index + 1, items.length);
  });

  const correct = [...perIntent.values()].reduce((sum, tally) => sum + tally.correct, 0);
  const outOfDomain = perIntent.get(fallbackIntent) ?? { n: 0, correct: 0 };
  return {
    localeId: input.localeId,
    threshold: input.threshold,
    n: items.length,
    correct,
    accuracy: ratio(correct, items.length),
    perIntent: [...perIntent].map(([intent, tally]) => ({
      intent,
      ...tally,
      accuracy: ratio(tally.correct, tally.n),
    })),
    outOfDomain: {
      n: outOfDomain.n,
      fellBack: outOfDomain.correct,
      rate: ratio(outOfDomain.correct, outOfDomain.n),
    },
    slots: { ...slots, accuracy: ratio(slots.valuesCorrect, slots.values) },
    confusions: [...confusions.values()].sort(
      (a, b) => b.count - a.count || a.expected.localeCompare(b.expected),
    ),
    misses,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
