import type { IntentCandidate, IntentClassifier } from '../nlu/types';
import type { SlotValue } from '../slots/types';
import type { LocaleDefinition } from './intent-definitions';

/**
 * The request attribute that keeps the user in the current intent while a slot or a confirmation is asked
 * (Lex V2 docs, "Setting request attributes"): only the value DISABLE counts, and only for that request.
 */
export const INTENT_SWITCH_ATTRIBUTE = 'x-amz-lex:intent-switch';

/**
 * Whether another intent's reading of the words gives it a value of its own, beyond those the intent under way
 * takes from them: "no, better tell me how late the airport store is open today" names a store, which no
 * callback date does, so it is that request even when it matches less than CLEAR_REQUEST_SCORE; "better make
 * it Friday, same time" names nothing a callback does not, so it stays the callback's.
 */
export function namesValuesOfItsOwn(candidate: IntentCandidate, values: readonly SlotValue[]): boolean {
  const answered = values.map((value) => value.originalValue.toLowerCase());
  return Object.values(candidate.slots).some(
    (slotValue) => !answered.some((said) => said.includes(slotValue.originalValue.toLowerCase())),
  );
}

/** A request around a slot value must say this many more words than the value to be taken as a request. */
const MIN_WORDS_BEYOND_VALUE = 2;
/** ...and match another intent at least this well. */
export const CLEAR_REQUEST_SCORE = 0.7;

export interface IntentSwitch {
  top: IntentCandidate;
  candidates: IntentCandidate[];
}

export interface SwitchQuestion {
  classifier: IntentClassifier;
  definition: LocaleDefinition;
  text: string;
  requestAttributes: Record<string, string> | undefined;
  /** The intent under way. */
  intentName: string;
  contexts: ReadonlySet<string>;
  /**
   * The least score for a switch, or how to work it out from the best other candidate. Below the locale's
   * threshold the threshold counts instead.
   */
  minimumScore?: number | ((top: IntentCandidate) => number | undefined);
}

/**
 * Lex V2 switches intents mid-dialog by default: an answer that is not the value asked for, but matches
 * another intent with enough confidence, starts that intent and the current one is left. Returns that
 * classification, or undefined when the turn stays with the current intent.
 */
export function clearlyAskedIntent(question: SwitchQuestion): IntentSwitch | undefined {
  const { classifier, definition } = question;
  if (question.requestAttributes?.[INTENT_SWITCH_ATTRIBUTE]?.toUpperCase() === 'DISABLE') return undefined;
  const candidates = classifier.classify(question.text, {
    eligibleIntents: definition.eligibleIntents(question.contexts),
  });
  const top = candidates[0];
  if (!top || top.intentName === question.intentName) return undefined;
  const asked = question.minimumScore;
  const minimumScore = (typeof asked === 'function' ? asked(top) : asked) ?? definition.threshold;
  if (top.score < Math.max(minimumScore, definition.threshold)) return undefined;
  return { top, candidates };
}

/**
 * A value for the slot asked can come inside a request of its own ("hold on, what time does Northgate close
 * on Saturday?" while a callback date is asked): when the words say at least two more things than the value,
 * they may be that request (if another intent matches them at CLEAR_REQUEST_SCORE). A bare answer
 * ("Saturday", "it's 10002") always stays an answer.
 */
export function saysMoreThanTheValue(classifier: IntentClassifier, text: string, value: SlotValue): boolean {
  return (
    classifier.contentWordCount(text) - classifier.contentWordCount(value.originalValue) >=
    MIN_WORDS_BEYOND_VALUE
  );
}
