const SEPARATORS = /[\s().-]/g;
/** E.164 allows at most 15 digits; fewer than 10 is never a whole number with its area code. */
export const PHONE_NUMBER_MAX_DIGITS = 15;
const PHONE_NUMBER = new RegExp(`^\\+?\\d{10,${PHONE_NUMBER_MAX_DIGITS}}$`);
const NORTH_AMERICAN = /^(?:\+?1)?(\d{3})(\d{3})(\d{4})$/;

/**
 * AMAZON.PhoneNumber gives digits with an optional leading "+", but typed input can keep spaces, dashes or
 * brackets; those are dropped. A full number has 10 to 15 digits.
 */
export function normalizePhoneNumber(value: string): string | undefined {
  const compact = value.replace(SEPARATORS, '');
  return PHONE_NUMBER.test(compact) ? compact : undefined;
}

/** The last four digits, which is how agents and customers refer to a number aloud. */
export function lastFourDigits(phoneNumber: string): string {
  return phoneNumber.replace(/\D/g, '').slice(-4);
}

/**
 * A normalized number written the way people read it back: a North American number as "(509) 555-1212",
 * which the SSML renderer speaks as a telephone number, group by group; any other number as it is.
 */
export function readablePhoneNumber(phoneNumber: string): string {
  const groups = NORTH_AMERICAN.exec(phoneNumber);
  return groups ? `(${groups[1]}) ${groups[2]}-${groups[3]}` : phoneNumber;
}
