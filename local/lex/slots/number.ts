import { findBasedResolver } from './find-based';
import type { LanguageTables } from './lang/types';
import { slotMatch } from './matches';
import { numberWordsFor, type NumberWords } from './number-words';
import { gapBefore, isDigits, isWordGap, tokenize, type Token } from './text';
import type { SlotMatch, SlotTypeResolver } from './types';

interface ParsedNumber {
  negative: boolean;
  integer: string;
  fraction: string;
  start: number;
  /** Index of the first token after the number. */
  next: number;
}

/** "007" is 7, "1.50" is 1.5, "-0" is 0: Lex gives a plain decimal string. */
function canonicalDecimal(negative: boolean, integer: string, fraction: string): string {
  const whole = integer.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  const body = decimals ? `${whole}.${decimals}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Digits glued to letters ("3pm", "5th", "abc123") are not a number on their own. */
function standsAlone(text: string, token: Token): boolean {
  return !LETTER_OR_DIGIT.test(text.charAt(token.start - 1)) && !LETTER_OR_DIGIT.test(text.charAt(token.end));
}

/** "-15" is negative; the "-" in "555-1212" is not a sign. */
function dashSignStart(text: string, token: Token): number | undefined {
  const dash = token.start - 1;
  if (!/[-−]/.test(text.charAt(dash))) return undefined;
  return LETTER_OR_DIGIT.test(text.charAt(dash - 1)) ? undefined : dash;
}

function numeralAt(
  text: string,
  tokens: readonly Token[],
  at: number,
): Omit<ParsedNumber, 'negative'> | undefined {
  const first = tokens[at];
  if (first === undefined || !isDigits(first) || !standsAlone(text, first)) return undefined;
  let integer = first.text;
  let next = at + 1;
  if (first.text.length <= 3) {
    while (
      tokens[next]?.text.length === 3 &&
      isDigits(tokens[next]!) &&
      gapBefore(text, tokens, next) === ','
    ) {
      integer += tokens[next]!.text;
      next++;
    }
  }
  let fraction = '';
  const decimals = tokens[next];
  if (
    decimals &&
    isDigits(decimals) &&
    gapBefore(text, tokens, next) === '.' &&
    standsAlone(text, decimals)
  ) {
    fraction = decimals.text;
    next++;
  }
  return { integer, fraction, start: first.start, next };
}

function spokenAt(text: string, tokens: readonly Token[], at: number, words: NumberWords) {
  const startsWithPoint = words.classify(tokens[at])?.kind === 'decimalPoint';
  const whole = startsWithPoint ? { digits: '0', next: at } : words.digitStringAt(text, tokens, at);
  if (whole === undefined) return undefined;
  let fraction = '';
  let next = whole.next;
  const point = tokens[next];
  if (
    words.classify(point)?.kind === 'decimalPoint' &&
    (next === at || isWordGap(gapBefore(text, tokens, next)))
  ) {
    const decimals = isWordGap(gapBefore(text, tokens, next + 1))
      ? words.digitStringAt(text, tokens, next + 1)
      : undefined;
    if (decimals) {
      fraction = decimals.digits;
      next = decimals.next;
    }
  }
  if (next === at) return undefined;
  return { integer: whole.digits, fraction, start: tokens[at]!.start, next };
}

function numberAt(
  text: string,
  tokens: readonly Token[],
  at: number,
  words: NumberWords,
): ParsedNumber | undefined {
  const signed =
    words.classify(tokens[at])?.kind === 'negative' && isWordGap(gapBefore(text, tokens, at + 1));
  const bodyAt = signed ? at + 1 : at;
  const body = numeralAt(text, tokens, bodyAt) ?? spokenAt(text, tokens, bodyAt, words);
  if (body === undefined) return undefined;
  if (signed) return { ...body, negative: true, start: tokens[at]!.start };
  const dash = isDigits(tokens[bodyAt]!) ? dashSignStart(text, tokens[bodyAt]!) : undefined;
  return dash === undefined ? { ...body, negative: false } : { ...body, negative: true, start: dash };
}

function findNumbers(utterance: string, words: NumberWords): SlotMatch[] {
  const tokens = tokenize(utterance);
  const matches: SlotMatch[] = [];
  let at = 0;
  while (at < tokens.length) {
    const parsed = numberAt(utterance, tokens, at, words);
    if (parsed === undefined) {
      at++;
      continue;
    }
    const end = tokens[parsed.next - 1]!.end;
    const value = canonicalDecimal(parsed.negative, parsed.integer, parsed.fraction);
    matches.push(slotMatch(utterance, { start: parsed.start, end }, value));
    at = parsed.next;
  }
  return matches;
}

export function createNumberResolver(tables: LanguageTables): SlotTypeResolver {
  const words = numberWordsFor(tables.numbers);
  return findBasedResolver('AMAZON.Number', tables.fillers, (utterance) => findNumbers(utterance, words));
}
