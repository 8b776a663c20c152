import { answerCore } from './filler';
import type { LanguageTables } from './lang/types';
import { pickAnswer, slotMatch, toSlotValue, type Span } from './matches';
import { numberWordsFor } from './number-words';
import { normalize, tokenize } from './text';
import type { SlotMatch, SlotTypeResolver } from './types';

/** Lex's limit for a value checked against a RegexFilter. */
const MAX_FILTERED_LENGTH = 30;
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z0-9]+(?![\p{L}\p{N}])/gu;

/**
 * The span widened to whole words: fillers are stripped token by token, and a digit run and a letter run are
 * separate tokens, so "my code is 0ok" would keep "0" (without the closing "ok") and "my code is be9" "9"
 * (after the copula "be"). A code typed as one word is read whole; tokens that touch with nothing between are
 * one word.
 */
function wholeWords(input: string, span: Span): Span {
  const tokens = tokenize(input);
  let { start, end } = span;
  for (const token of [...tokens].reverse()) if (token.end === start) start = token.start;
  for (const token of tokens) if (token.start === end) end = token.end;
  return { start, end };
}

export interface AlphaNumericOptions {
  slotTypeName: string;
  /** `ValueSelectionSetting.RegexFilter.Pattern` of a custom type built on AMAZON.AlphaNumeric. */
  pattern?: string;
}

/**
 * Lex rejects infinite repeaters (`*`, `+`, `{n,}`) and the wildcard `.` in a RegexFilter; so do we, naming the
 * slot type, rather than accept a bot that would not deploy.
 */
export function compileRegexFilter(slotTypeName: string, pattern: string): RegExp {
  const fail = (reason: string) =>
    new Error(`slot type "${slotTypeName}": RegexFilter.Pattern ${JSON.stringify(pattern)} ${reason}`);
  let inClass = false;
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at];
    if (char === '\\') {
      at++;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '*' || char === '+' || /^\{\d+,\}/.test(pattern.slice(at))) {
      throw fail('uses an infinite repeater (*, + or {n,}), which Lex does not support');
    } else if (char === '.') {
      throw fail('uses the wildcard ".", which Lex does not support');
    }
  }
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw fail(`is not a valid regular expression: ${(error as Error).message}`);
  }
}

/**
 * Letters and digits. An elicited answer is read whole once lead-ins are gone: "my code is AB 1234" gives
 * "AB1234", spelled "a b c one two three" gives "abc123". Inside a sentence only words with a digit count,
 * or, with a RegexFilter, words the filter accepts.
 */
export function createAlphaNumericResolver(
  tables: LanguageTables,
  options: AlphaNumericOptions,
): SlotTypeResolver {
  const filter =
    options.pattern === undefined ? undefined : compileRegexFilter(options.slotTypeName, options.pattern);
  const numbers = numberWordsFor(tables.numbers);

  /** The value as written, or its upper-case form when only that passes the filter (speech comes lower-case). */
  const accepted = (value: string): string | undefined => {
    if (filter === undefined) return value;
    if (value.length > MAX_FILTERED_LENGTH) return undefined;
    return [value, value.toUpperCase()].find((v) => filter.test(v));
  };

  const compact = (answer: string): string | undefined => {
    const words = answer.split(/\s+/).map((w) => w.replace(/[-_.]/g, ''));
    if (words.some((w) => !/^[A-Za-z0-9]+$/.test(w))) return undefined;
    const spelled = words.map((w) => {
      const digit = numbers.digitOf(normalize(w));
      return digit === undefined ? w : String(digit);
    });
    if (spelled.every((w) => w.length === 1 || /^[0-9]+$/.test(w))) return spelled.join('');
    const oneCode = words.length === 1 || (words.length === 2 && words.some((w) => /[0-9]/.test(w)));
    return oneCode ? words.join('') : undefined;
  };

  const find = (utterance: string): SlotMatch[] =>
    Array.from(utterance.matchAll(CANDIDATE)).flatMap((m) => {
      const value = filter ? accepted(m[0]) : /[0-9]/.test(m[0]) ? m[0] : undefined;
      return value === undefined
        ? []
        : [slotMatch(utterance, { start: m.index, end: m.index + m[0].length }, value)];
    });

  return {
    slotTypeName: options.slotTypeName,
    find,
    resolve(input) {
      const core = wholeWords(input, answerCore(input, tables.fillers));
      const answer = input.slice(core.start, core.end);
      const whole = compact(answer);
      const value = whole === undefined ? undefined : accepted(whole);
      if (value !== undefined && answer !== '')
        return { originalValue: answer, interpretedValue: value, resolvedValues: [value] };
      const match = pickAnswer(find(input), core);
      return match && toSlotValue(match);
    },
  };
}
