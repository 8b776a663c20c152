/**
 * Personal data that must not be stored: email addresses, phone numbers and payment card numbers become
 * `[email]`, `[phone]` and `[card]`. Tuned to over-redact rather than leak: an all-digit tracking number,
 * or two order numbers with only a space between them, come out as `[phone]`; a lone order number
 * (5 digits), times, prices and calendar dates stay, because the conversation needs them.
 */
export function redactPii(text: string): string {
  return text.replace(EMAIL, '[email]').replace(NUMBER_RUN, redactNumberRun);
}

/** Starts at the beginning of a word, so a long non-address cannot make the search quadratic. */
// The characters RFC 5322 allows in the local part without quoting (\u0060 is the backquote).
const EMAIL_LOCAL_CHARACTER = String.raw`\p{L}\p{N}.!#$%&'*+/=?^_\u0060{|}~\-`;
const EMAIL = new RegExp(
  String.raw`(?<![${EMAIL_LOCAL_CHARACTER}])[${EMAIL_LOCAL_CHARACTER}]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`,
  'gu',
);

/**
 * Digit groups joined by single separators, as people write phone and card numbers: "+1 (509) 555-1212",
 * "4111-1111-1111-1111". Not inside a word, so "1Z999AA10123456784" (a tracking number) is left alone.
 */
const GROUP = String.raw`\+?(?:\(\d+\)\d*|\d+)`;
const NUMBER_RUN = new RegExp(String.raw`(?<![\p{L}\p{N}_])${GROUP}(?:[ .\-]${GROUP})*`, 'gu');
const GROUP_IN_RUN = new RegExp(GROUP, 'g');

const CARD_DIGITS = { min: 13, max: 19 };
/** The shortest local numbers have 7 digits; E.164 allows at most 15. */
const PHONE_DIGITS = { min: 7, max: 15 };
const CALENDAR_DATE = /^(?:\d{4}([./-])\d{1,2}\1\d{1,2}|\d{1,2}([./-])\d{1,2}\2\d{4})$/;

/**
 * A run can hold several numbers ("card 4111 1111 1111 1111 5095551212" is one run), so it is cut at its
 * separators: from each group, the longest stretch of groups that reads as a card or a phone is replaced.
 */
function redactNumberRun(run: string): string {
  const groups = [...run.matchAll(GROUP_IN_RUN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    digits: match[0].replace(/\D/g, ''),
  }));
  let redacted = '';
  let copiedUpTo = 0;
  let first = 0;
  while (first < groups.length) {
    const found = longestSensitiveStretch(run, groups, first);
    if (!found) {
      first += 1;
      continue;
    }
    const start = groups[first]?.start ?? 0;
    redacted += run.slice(copiedUpTo, start) + found.label;
    copiedUpTo = groups[found.last]?.end ?? run.length;
    first = found.last + 1;
  }
  return redacted + run.slice(copiedUpTo);
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

function longestSensitiveStretch(
  run: string,
  groups: readonly Group[],
  first: number,
): { last: number; label: string } | undefined {
  let digits = '';
  const candidates: { last: number; digits: string }[] = [];
  for (let last = first; last < groups.length; last += 1) {
    digits += groups[last]?.digits ?? '';
    if (digits.length > CARD_DIGITS.max) break;
    candidates.push({ last, digits });
  }
  for (const candidate of candidates.reverse()) {
    const text = run.slice(groups[first]?.start, groups[candidate.last]?.end);
    const label = sensitiveLabel(candidate.digits, text);
    if (label) return { last: candidate.last, label };
  }
  return undefined;
}

function sensitiveLabel(digits: string, text: string): string | undefined {
  const length = digits.length;
  if (length >= CARD_DIGITS.min && length <= CARD_DIGITS.max && isLuhnValid(digits)) return '[card]';
  if (length >= PHONE_DIGITS.min && length <= PHONE_DIGITS.max && !CALENDAR_DATE.test(text)) return '[phone]';
  return undefined;
}

/** The check digit every payment card number carries; it tells a card from any other 16-digit number. */
function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}
