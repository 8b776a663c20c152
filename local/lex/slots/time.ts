import { answerCore } from './filler';
import type { DayPart, LanguageTables, TimeVocabulary } from './lang/types';
import { pickAnswer, slotMatch, toSlotValue, type Span } from './matches';
import { numberWordsFor, type NumberWords } from './number-words';
import { PhraseIndex } from './phrases';
import { gapBefore, isDigits, tokenize, type Token } from './text';
import type { SlotMatch, SlotTypeResolver } from './types';

type HalfOfDay = 'am' | 'pm' | DayPart;

interface Reading {
  hour: number;
  minute: number;
  half?: HalfOfDay;
  start: number;
  end: number;
  /** Index of the first token after the reading. */
  next: number;
  /** Something besides a bare number says this is a time: "at", ":", "pm", "o'clock", "past", "de la tarde"... */
  marked: boolean;
}

interface Step<T> {
  value: T;
  next: number;
}

class TimeGrammar {
  private readonly leadIns: PhraseIndex<true>;
  private readonly oClock: PhraseIndex<true>;
  private readonly halves: PhraseIndex<HalfOfDay>;
  private readonly fixed: PhraseIndex<number>;
  private readonly past: PhraseIndex<1 | -1>;
  private readonly hourOffset: PhraseIndex<1 | -1>;
  private readonly fractions: PhraseIndex<number>;
  private readonly minuteWords: PhraseIndex<true>;

  constructor(
    vocabulary: TimeVocabulary,
    private readonly numbers: NumberWords,
  ) {
    const flags = (phrases: string[]) => new PhraseIndex<true>(phrases.map((p) => [p, true] as const));
    const tagged = <T>(phrases: string[], value: T) => phrases.map((p) => [p, value] as const);
    this.leadIns = flags(vocabulary.leadIns);
    this.oClock = flags(vocabulary.oClock);
    this.halves = new PhraseIndex<HalfOfDay>([
      ...tagged(vocabulary.am, 'am' as const),
      ...tagged(vocabulary.pm, 'pm' as const),
      ...Object.entries(vocabulary.dayParts),
    ]);
    this.fixed = new PhraseIndex<number>([...tagged(vocabulary.noon, 12), ...tagged(vocabulary.midnight, 0)]);
    this.past = new PhraseIndex([
      ...tagged<1 | -1>(vocabulary.minutesPast, 1),
      ...tagged<1 | -1>(vocabulary.minutesTo, -1),
    ]);
    this.hourOffset = new PhraseIndex([
      ...tagged<1 | -1>(vocabulary.hourPlus, 1),
      ...tagged<1 | -1>(vocabulary.hourMinus, -1),
    ]);
    this.fractions = new PhraseIndex<number>([
      ...tagged(vocabulary.quarter, 15),
      ...tagged(vocabulary.half, 30),
    ]);
    this.minuteWords = flags(vocabulary.minuteWords);
  }

  /** A time starting at `at`, or right after a lead-in starting there ("at", "a las"). */
  readingAt(text: string, tokens: readonly Token[], at: number): Reading | undefined {
    const leadIn = this.leadIns.longestAt(tokens, at);
    const led = leadIn ? this.bodyAt(text, tokens, at + leadIn.length) : undefined;
    if (led) return { ...led, marked: true };
    return this.bodyAt(text, tokens, at);
  }

  private bodyAt(text: string, tokens: readonly Token[], at: number): Reading | undefined {
    const first = tokens[at];
    if (first === undefined) return undefined;
    const fixed = this.fixed.longestAt(tokens, at);
    if (fixed) {
      const next = at + fixed.length;
      return {
        hour: fixed.values[0]!,
        minute: 0,
        start: first.start,
        end: tokens[next - 1]!.end,
        next,
        marked: true,
      };
    }
    const clock = this.minutesBeforeHourAt(text, tokens, at) ?? this.hourFirstAt(text, tokens, at);
    if (clock === undefined) return undefined;
    return this.withSuffix(text, tokens, { ...clock, start: first.start, end: tokens[clock.next - 1]!.end });
  }

  /** English "quarter past nine", "ten to five", "twenty five minutes after three". */
  private minutesBeforeHourAt(text: string, tokens: readonly Token[], at: number) {
    const minutes = this.minuteCountAt(text, tokens, at);
    if (minutes === undefined) return undefined;
    const direction = this.past.longestAt(tokens, minutes.next);
    if (direction === undefined) return undefined;
    const hour = this.hourAt(text, tokens, minutes.next + direction.length);
    if (hour === undefined || hour.value > 12 || minutes.value < 1 || minutes.value > 59) return undefined;
    return this.offsetClock(hour.value, minutes.value * direction.values[0]!, hour.next);
  }

  /** "9:30", "nine thirty", "one oh five", Spanish "tres y media", "dos menos cuarto", or a bare hour. */
  private hourFirstAt(text: string, tokens: readonly Token[], at: number) {
    const hour = this.hourAt(text, tokens, at);
    if (hour === undefined) return undefined;
    const colonMinutes = tokens[hour.next];
    if (
      colonMinutes &&
      isDigits(colonMinutes) &&
      colonMinutes.text.length === 2 &&
      gapBefore(text, tokens, hour.next) === ':' &&
      Number(colonMinutes.text) < 60
    ) {
      return { hour: hour.value, minute: Number(colonMinutes.text), next: hour.next + 1, marked: true };
    }
    const offset = this.hourOffset.longestAt(tokens, hour.next);
    if (offset) {
      const minutes = this.minuteCountAt(text, tokens, hour.next + offset.length);
      if (minutes && minutes.value >= 1 && minutes.value <= 59 && hour.value <= 12) {
        return this.offsetClock(hour.value, minutes.value * offset.values[0]!, minutes.next);
      }
    }
    const spoken = this.spokenMinutesAt(text, tokens, hour.next);
    if (spoken) return { hour: hour.value, minute: spoken.value, next: spoken.next, marked: false };
    return { hour: hour.value, minute: 0, next: hour.next, marked: false };
  }

  /** Minutes after (or, when negative, before) an hour; going back from one o'clock gives twelve. */
  private offsetClock(hour: number, minutes: number, next: number) {
    if (minutes >= 0) return { hour, minute: minutes, next, marked: true };
    const previousHour = hour === 0 ? 23 : hour === 1 ? 12 : hour - 1;
    return { hour: previousHour, minute: 60 + minutes, next, marked: true };
  }

  private hourAt(text: string, tokens: readonly Token[], at: number): Step<number> | undefined {
    const token = tokens[at];
    if (token === undefined) return undefined;
    if (isDigits(token)) {
      const attached = /[\p{L}\p{N}]/u.test(text.charAt(token.start - 1));
      const hour = Number(token.text);
      return attached || token.text.length > 2 || hour > 23 ? undefined : { value: hour, next: at + 1 };
    }
    const cardinal = this.numbers.cardinalAt(text, tokens, at);
    return cardinal && cardinal.value <= 23 ? { value: cardinal.value, next: cardinal.next } : undefined;
  }

  /** "quarter", "half", "ten", "twenty five minutes", "cuarto", "media". */
  private minuteCountAt(text: string, tokens: readonly Token[], at: number): Step<number> | undefined {
    const fraction = this.fractions.longestAt(tokens, at);
    if (fraction) return { value: fraction.values[0]!, next: at + fraction.length };
    const token = tokens[at];
    const count =
      token && isDigits(token) && token.text.length <= 2
        ? { value: Number(token.text), next: at + 1 }
        : this.numbers.cardinalAt(text, tokens, at);
    if (count === undefined) return undefined;
    const unit = this.minuteWords.longestAt(tokens, count.next);
    return unit ? { value: count.value, next: count.next + unit.length } : count;
  }

  /** Minutes said straight after the hour: "thirty" in "nine thirty", "oh five" in "one oh five". */
  private spokenMinutesAt(text: string, tokens: readonly Token[], at: number): Step<number> | undefined {
    const first = tokens[at];
    if (first === undefined || isDigits(first)) return undefined;
    if (this.numbers.classify(first)?.kind === 'digitOnly') {
      const digit = this.numbers.digitOf(tokens[at + 1]?.norm);
      return digit === undefined ? undefined : { value: digit, next: at + 2 };
    }
    const cardinal = this.numbers.cardinalAt(text, tokens, at);
    return cardinal && cardinal.value >= 10 && cardinal.value <= 59
      ? { value: cardinal.value, next: cardinal.next }
      : undefined;
  }

  /** "o'clock", "pm", "a.m.", "in the evening", "de la tarde" after the clock. */
  private withSuffix(text: string, tokens: readonly Token[], reading: Reading): Reading {
    let result = reading;
    const oClock = this.oClock.longestAt(tokens, result.next);
    if (oClock) {
      const next = result.next + oClock.length;
      result = { ...result, next, end: tokens[next - 1]!.end, marked: true };
    }
    const half = this.halves.longestAt(tokens, result.next);
    if (half) {
      const next = result.next + half.length;
      const abbreviatedWithDots =
        half.length > 1 &&
        text.charAt(tokens[next - 1]!.end) === '.' &&
        gapBefore(text, tokens, next - 1) === '.';
      const end = tokens[next - 1]!.end + (abbreviatedWithDots ? 1 : 0);
      result = { ...result, half: half.values[0]!, next, end, marked: true };
    }
    return result;
  }
}

function hourIn24(hour: number, half: HalfOfDay): number {
  if (hour === 0 || hour > 12) return hour;
  switch (half) {
    case 'am':
    case 'morning':
    case 'earlyHours':
      return hour === 12 ? 0 : hour;
    case 'pm':
    case 'afternoon':
    case 'evening':
      return hour === 12 ? 12 : hour + 12;
    case 'night':
      if (hour === 12) return 0;
      return hour <= 4 ? hour : hour + 12;
    case 'midday':
      return hour <= 5 ? hour + 12 : hour;
  }
}

const clock = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/**
 * Lex leaves hours 1-11 without am/pm ambiguous (`interpretedValue` null, both readings resolved); twelve is
 * read as noon, and 0 or 13-23 are unambiguous.
 */
function toMatch(text: string, reading: Reading): SlotMatch {
  const span = { start: reading.start, end: reading.end };
  if (reading.half !== undefined)
    return slotMatch(text, span, clock(hourIn24(reading.hour, reading.half), reading.minute));
  if (reading.hour >= 1 && reading.hour <= 11) {
    return slotMatch(text, span, null, [
      clock(reading.hour, reading.minute),
      clock(reading.hour + 12, reading.minute),
    ]);
  }
  return slotMatch(text, span, clock(reading.hour, reading.minute));
}

function findTimes(grammar: TimeGrammar, utterance: string): SlotMatch[] {
  const tokens = tokenize(utterance);
  const matches: SlotMatch[] = [];
  let at = 0;
  while (at < tokens.length) {
    const reading = grammar.readingAt(utterance, tokens, at);
    if (reading?.marked) {
      matches.push(toMatch(utterance, reading));
      at = reading.next;
    } else {
      at++;
    }
  }
  return matches;
}

/** An elicited answer may be a bare hour ("ten", "9:30" aside): accepted when it is the whole core of the answer. */
function bareAnswer(grammar: TimeGrammar, input: string, core: Span): SlotMatch | undefined {
  const tokens = tokenize(input);
  const first = tokens.findIndex((t) => t.start === core.start);
  if (first < 0) return undefined;
  const reading = grammar.readingAt(input, tokens, first);
  return reading && reading.end === core.end ? toMatch(input, reading) : undefined;
}

export function createTimeResolver(tables: LanguageTables): SlotTypeResolver {
  const grammar = new TimeGrammar(tables.time, numberWordsFor(tables.numbers));
  return {
    slotTypeName: 'AMAZON.Time',
    find: (utterance) => findTimes(grammar, utterance),
    resolve(input) {
      const core = answerCore(input, tables.fillers);
      const match = pickAnswer(findTimes(grammar, input), core) ?? bareAnswer(grammar, input, core);
      return match && toSlotValue(match);
    },
  };
}
