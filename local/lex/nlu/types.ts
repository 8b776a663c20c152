import type { SlotValue } from '../slots/types';

export interface IntentCandidate {
  intentName: string;
  /** 0..1, comparable with the locale's NluConfidenceThreshold. */
  score: number;
  /** Slot values extracted from the utterance for this intent, by slot name. */
  slots: Record<string, SlotValue>;
}

export interface ClassifyOptions {
  /** Intents that may be chosen (e.g. after InputContexts filtering); all when omitted. */
  eligibleIntents?: ReadonlySet<string>;
}

export interface IntentClassifier {
  /** Ranked candidates, best first, FallbackIntent excluded (the dialog engine adds it by threshold). */
  classify(utterance: string, options?: ClassifyOptions): IntentCandidate[];
  /** Fills one slot from an answer to its prompt, honouring the slot's own SampleUtterances. */
  fillSlot(intentName: string, slotName: string, answer: string): SlotValue | undefined;
  /** How many words of a text say something (not stop words). */
  contentWordCount(text: string): number;
}
