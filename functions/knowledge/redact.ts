/**
 * Takes personal data out of a customer's question before it is stored for the FAQ owners: they need the
 * question, not the email address, phone or card number that came with it. Order numbers (5 digits) stay.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** An address as speech recognition writes it: "jane dot doe at example dot com", "juan arroba correo punto mx". */
const SPOKEN_EMAIL =
  /\b[\p{L}\p{N}]+(?:\s+(?:dot|punto)\s+[\p{L}\p{N}]+)*\s+(?:at|arroba)\s+[\p{L}\p{N}]+(?:\s+(?:dot|punto)\s+[\p{L}\p{N}]+)+\b/giu;

/**
 * Digits in groups, optionally in parentheses or after "+", joined by up to three spaces, dots or hyphens: how
 * people write phone and card numbers. The digit count decides which one it is.
 */
const DIGIT_RUN = /\+?\(?\d+\)?(?:[ \t.-]{0,3}\(?\d+\)?)*/g;

/** Fewer digits than a phone number: order numbers, amounts, dates, ZIP codes. */
const MIN_PHONE_DIGITS = 10;
/** Card numbers have 13-19 digits; anything this long is treated as one. */
const MIN_CARD_DIGITS = 13;
/** A local number without area code, "555-0142". */
const LOCAL_PHONE = /^\d{3}[.-]\d{4}$/;

export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(SPOKEN_EMAIL, '[email]')
    .replace(DIGIT_RUN, (run) => {
      const digits = run.replace(/\D/g, '').length;
      if (digits >= MIN_CARD_DIGITS) return '[card]';
      if (digits >= MIN_PHONE_DIGITS || LOCAL_PHONE.test(run)) return '[phone]';
      return run;
    });
}
