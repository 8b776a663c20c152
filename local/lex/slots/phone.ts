import { findBasedResolver } from './find-based';
import type { LanguageTables } from './lang/types';
import { slotMatch } from './matches';
import { numberWordsFor, type NumberWords } from './number-words';
import { PhraseIndex } from './phrases';
import { gapBefore, isDigits, tokenize, type Token } from './text';
import type { SlotMatch, SlotTypeResolver } from './types';

const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/** What may separate the groups of one number: "555 1212", "555-1212", "(509) 555", "555.1212". */
const GROUP_SEPARATOR = /^[ \t\u00a0().-]{1,4}$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

interface PhoneParse {
  digits: string;
  plus: boolean;
  start: number;
  end: number;
  next: number;
}

class PhoneFinder {
  private readonly plus: PhraseIndex<true>;
  private readonly words: NumberWords;

  constructor(tables: LanguageTables) {
    this.plus = new PhraseIndex(tables.phonePlus.map((p) => [p, true] as const));
    this.words = numberWordsFor(tables.numbers);
  }

  find(utterance: string): SlotMatch[] {
    const tokens = tokenize(utterance);
    const matches: SlotMatch[] = [];
    let at = 0;
    while (at < tokens.length) {
      const phone = this.phoneAt(utterance, tokens, at);
      if (phone && phone.digits.length >= MIN_DIGITS && phone.digits.length <= MAX_DIGITS) {
        matches.push(slotMatch(utterance, phone, (phone.plus ? '+' : '') + phone.digits));
        at = phone.next;
      } else {
        at++;
      }
    }
    return matches;
  }

  /** Digit groups and spoken digits in a row, optionally after "+" or a spoken "plus". */
  private phoneAt(text: string, tokens: readonly Token[], at: number): PhoneParse | undefined {
    const spokenPlus = this.plus.longestAt(tokens, at);
    const first = spokenPlus ? at + spokenPlus.length : at;
    const firstToken = tokens[first];
    if (firstToken === undefined || LETTER_OR_DIGIT.test(text.charAt(firstToken.start - 1))) return undefined;
    const opening = /\+?[ \t]?\(?$/.exec(gapBefore(text, tokens, first))?.[0] ?? '';
    const writtenPlus = !spokenPlus && opening.startsWith('+');
    let digits = '';
    let index = first;
    while (
      index < tokens.length &&
      (index === first || GROUP_SEPARATOR.test(gapBefore(text, tokens, index)))
    ) {
      const group = this.groupAt(text, tokens, index);
      if (group === undefined) break;
      digits += group.digits;
      index = group.next;
    }
    if (index === first) return undefined;
    const last = tokens[index - 1]!;
    if (LETTER_OR_DIGIT.test(text.charAt(last.end))) return undefined;
    const bracket = opening.endsWith('(') ? 1 : 0;
    const start = spokenPlus
      ? tokens[at]!.start
      : firstToken.start - (writtenPlus ? opening.length : bracket);
    return { digits, plus: Boolean(spokenPlus) || writtenPlus, start, end: last.end, next: index };
  }

  private groupAt(text: string, tokens: readonly Token[], index: number) {
    const token = tokens[index]!;
    if (isDigits(token)) return { digits: token.text, next: index + 1 };
    return this.words.digitStringAt(text, tokens, index);
  }
}

export function createPhoneResolver(tables: LanguageTables): SlotTypeResolver {
  const finder = new PhoneFinder(tables);
  return findBasedResolver('AMAZON.PhoneNumber', tables.fillers, (utterance) => finder.find(utterance));
}
