import type { MessageKind } from '../intents/intent-handler';
import { ORDER_NUMBER_DIGITS } from '../validation/order-number';
import { PHONE_NUMBER_MAX_DIGITS } from '../validation/phone-number';

/**
 * How Lex listens on a call, set per turn through session attributes (spec aws-wire.md §4). Attributes a
 * code hook returns win over the Connect flow block's and over Lex's defaults, so these are the values a
 * caller gets, wherever the call comes in.
 */

/** A session attribute key for a Lex call behaviour: `x-amz-lex:<behaviour>:<intent|*>:<slot|*>`. */
export function callBehaviourKey(behaviour: string, intent = '*', slot = '*'): string {
  return `x-amz-lex:${behaviour}:${intent}:${slot}`;
}

/** A slot a caller can answer on the keypad. */
export interface DigitSlot {
  intent: string;
  slot: string;
  /** The most digits a real value has. */
  maxDigits: number;
}

/** Every slot whose value is a string of digits: the order number and each phone number slot. */
export const DIGIT_SLOTS: readonly DigitSlot[] = [
  { intent: 'CheckOrderStatus', slot: 'OrderNumber', maxDigits: ORDER_NUMBER_DIGITS },
  { intent: 'BookCallback', slot: 'PhoneNumber', maxDigits: PHONE_NUMBER_MAX_DIGITS },
  { intent: 'SendAnswerDetails', slot: 'PhoneNumber', maxDigits: PHONE_NUMBER_MAX_DIGITS },
];

/** Barge-in on: a caller who already knows what they want should not have to sit through the prompt. */
export const INTERRUPTIBLE = 'true';
/**
 * Barge-in off: a read-back or a disclaimer is said so that the caller hears all of it; a cough or a "yeah"
 * halfway through would otherwise cut off the very digits they were meant to check.
 */
export const UNINTERRUPTIBLE = 'false';

/**
 * Lex's documented 4 s, stated because Connect documents 3 s, and the same as the contact flow's: time for a
 * breath before answering. Shorter would re-prompt callers about to speak, and every re-prompt counts as a
 * silence towards ending the call.
 */
export const START_TIMEOUT_MS = '4000';
/**
 * Callers asked for a number first have to find it (the confirmation email, their phone's settings), so a
 * digit slot waits longer for the first word or key.
 */
export const DIGIT_START_TIMEOUT_MS = '8000';
/**
 * As in the contact flow: Connect's 600 ms cuts off callers who pause mid-sentence ("I'd like to... book a
 * callback"); much longer makes every reply feel slow.
 */
export const END_TIMEOUT_MS = '800';
/**
 * Numbers are said in groups with pauses between them ("five oh nine ... five five five"); a short end
 * timeout would take the first group for the whole number.
 */
export const DIGIT_END_TIMEOUT_MS = '2000';
/** The key callers are told to finish with, and expect to work ("then press pound"). */
export const DTMF_END_CHARACTER = '#';
/** The usual "start over" key on phone menus, for a caller who mistyped a digit. */
export const DTMF_DELETION_CHARACTER = '*';
/**
 * Shorter than Lex's 5 s between keys: a caller who keys the number and forgets "#" is not left in silence
 * for long, and 3 s is still ample to find the next digit.
 */
export const DTMF_END_TIMEOUT_MS = '3000';

/**
 * The call behaviours for one turn whose reply is of `kind`. The keypad settings cap each digit slot at its
 * length, so a five-digit order number is taken at the fifth key without waiting for "#" or a timeout.
 */
export function callBehaviourAttributes(kind: MessageKind | undefined): Record<string, string> {
  const attributes: Record<string, string> = {
    [callBehaviourKey('allow-interrupt')]:
      kind === 'readBack' || kind === 'disclaimer' ? UNINTERRUPTIBLE : INTERRUPTIBLE,
    [callBehaviourKey('audio:start-timeout-ms')]: START_TIMEOUT_MS,
    [callBehaviourKey('audio:end-timeout-ms')]: END_TIMEOUT_MS,
  };
  for (const { intent, slot, maxDigits } of DIGIT_SLOTS) {
    attributes[callBehaviourKey('audio:start-timeout-ms', intent, slot)] = DIGIT_START_TIMEOUT_MS;
    attributes[callBehaviourKey('audio:end-timeout-ms', intent, slot)] = DIGIT_END_TIMEOUT_MS;
    attributes[callBehaviourKey('dtmf:end-character', intent, slot)] = DTMF_END_CHARACTER;
    attributes[callBehaviourKey('dtmf:deletion-character', intent, slot)] = DTMF_DELETION_CHARACTER;
    attributes[callBehaviourKey('dtmf:end-timeout-ms', intent, slot)] = DTMF_END_TIMEOUT_MS;
    attributes[callBehaviourKey('dtmf:max-length', intent, slot)] = String(maxDigits);
  }
  return attributes;
}
