import { LexServiceError } from '../runtime/types';

/** Lex's defaults (session-attribs-speech docs): `#` ends input, `*` clears it, at most 1,024 digits. */
const DEFAULTS = { endCharacter: '#', deletionCharacter: '*', maxLength: 1024 } as const;

/** Request attribute that marks a RecognizeUtterance text body as keypad input (see operations.ts). */
export const DTMF_INPUT_ATTRIBUTE = 'parley:input-mode';

const KEYPAD = /^[0-9*#]*$/;

export interface DtmfSettings {
  endCharacter: string;
  deletionCharacter: string;
  maxLength: number;
}

/** Where the caller is in the dialog: the behaviour keys are scoped by intent and slot. */
export interface DtmfScope {
  intentName?: string;
  slotName?: string;
}

/**
 * The `x-amz-lex:dtmf:*` session attributes that apply to `scope`: the most specific key wins
 * (`<intent>:<slot>`, then `<intent>:*`, then `*:*`), as in Lex V2. A value that is not a single keypad
 * character (or, for max-length, a number from 1 to 1024) is ignored rather than trusted.
 */
export function dtmfSettings(sessionAttributes: Record<string, string>, scope: DtmfScope): DtmfSettings {
  const lookup = (behavior: string): string | undefined => {
    const intent = scope.intentName ?? '*';
    const slot = scope.slotName ?? '*';
    for (const suffix of [`${intent}:${slot}`, `${intent}:*`, '*:*']) {
      const value = sessionAttributes[`x-amz-lex:dtmf:${behavior}:${suffix}`];
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const keypadCharacter = (value: string | undefined, fallback: string): string =>
    value !== undefined && /^[0-9*#]$/.test(value) ? value : fallback;
  const maxLength = Number(lookup('max-length'));
  return {
    endCharacter: keypadCharacter(lookup('end-character'), DEFAULTS.endCharacter),
    deletionCharacter: keypadCharacter(lookup('deletion-character'), DEFAULTS.deletionCharacter),
    maxLength:
      Number.isInteger(maxLength) && maxLength >= 1 && maxLength <= 1024 ? maxLength : DEFAULTS.maxLength,
  };
}

/**
 * The digits Lex hands to the bot for keys pressed in this order: the deletion character clears what came
 * before it, the end character (or reaching max-length) ends the input, and neither is part of the result.
 */
export function dtmfDigits(keys: string, settings: DtmfSettings): string {
  if (!KEYPAD.test(keys)) {
    throw new LexServiceError(
      'ValidationException',
      'DTMF input may contain only the keypad characters 0-9, * and #',
    );
  }
  let digits = '';
  for (const key of keys) {
    if (key === settings.endCharacter) break;
    if (key === settings.deletionCharacter) digits = '';
    else if (/[0-9]/.test(key)) digits += key;
    if (digits.length >= settings.maxLength) break;
  }
  return digits;
}
