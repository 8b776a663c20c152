/** Numbers as English speakers say them, in the words the pronouncing dictionary lists. */

export const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
export const TEEN_WORDS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
/** Index i is the word for (i + 2) * 10. */
export const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: readonly [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];
const ORDINAL_UNITS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const ORDINAL_TENS = [
  'twentieth',
  'thirtieth',
  'fortieth',
  'fiftieth',
  'sixtieth',
  'seventieth',
  'eightieth',
  'ninetieth',
];

function belowHundred(value: number): string[] {
  if (value < 10) return [DIGIT_WORDS[value]!];
  if (value < 20) return [TEEN_WORDS[value - 10]!];
  const tens = TENS_WORDS[Math.floor(value / 10) - 2]!;
  return value % 10 === 0 ? [tens] : [tens, DIGIT_WORDS[value % 10]!];
}

function belowThousand(value: number): string[] {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const words = hundreds > 0 ? [DIGIT_WORDS[hundreds]!, 'hundred'] : [];
  return rest > 0 || hundreds === 0 ? [...words, ...belowHundred(rest)] : words;
}

/**
 * A whole number as a cardinal ("10002" gives "ten thousand two"). Numbers too long to be read as one
 * (an account or order number) are read digit by digit, as people do.
 */
export function cardinalWords(digits: string): string[] {
  const value = Number(digits);
  if (digits.length > 1 && digits.startsWith('0')) return digitByDigit(digits);
  if (!Number.isSafeInteger(value) || value >= 1e12) return digitByDigit(digits);
  if (value === 0) return ['zero'];
  const words: string[] = [];
  let rest = value;
  for (const [scale, name] of SCALES) {
    if (rest >= scale) {
      words.push(...belowThousand(Math.floor(rest / scale)), name);
      rest %= scale;
    }
  }
  if (rest > 0) words.push(...belowThousand(rest));
  return words;
}

export function digitByDigit(digits: string): string[] {
  return [...digits].map((digit) => DIGIT_WORDS[Number(digit)]!);
}

/** "1st", "22nd", "103rd": the cardinal with its last word made ordinal. */
export function ordinalWords(digits: string): string[] {
  const words = cardinalWords(digits);
  const last = words.pop()!;
  return [...words, ordinalOf(last)];
}

function ordinalOf(word: string): string {
  const unit = [...DIGIT_WORDS, ...TEEN_WORDS].indexOf(word);
  if (unit >= 0) return ORDINAL_UNITS[unit]!;
  const tens = TENS_WORDS.indexOf(word);
  if (tens >= 0) return ORDINAL_TENS[tens]!;
  return `${word}th`;
}

/** The ordinals 1..31 as words, for days of the month. */
export function dayOrdinals(): string[] {
  return Array.from({ length: 31 }, (_, index) => ordinalWords(String(index + 1)).join(' '));
}
