const SEPARATORS = /[\s().-]/g;
const PHONE_NUMBER = /^\+?\d{10,15}$/;

/**
 * AMAZON.PhoneNumber gives digits with an optional leading "+", but typed input can keep spaces, dashes or
 * brackets; those are dropped. A full number has 10 to 15 digits (E.164 allows at most 15).
 */
export function normalizePhoneNumber(value: string): string | undefined {
  const compact = value.replace(SEPARATORS, '');
  return PHONE_NUMBER.test(compact) ? compact : undefined;
}

/** The last four digits, which is how agents and customers refer to a number aloud. */
export function lastFourDigits(phoneNumber: string): string {
  return phoneNumber.replace(/\D/g, '').slice(-4);
}
