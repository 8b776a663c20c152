import * as chrono from 'chrono-node';
import { addDays, isoDate, monthDay, periodDay, startOfDay, yearDay, type PeriodUnit } from './calendar';
import { findBasedResolver } from './find-based';
import type { Language } from './language';
import type { LanguageTables } from './lang/types';
import { longestNonOverlapping, slotMatch, type Span } from './matches';
import { numberWordsFor, type NumberWords } from './number-words';
import { PhraseIndex } from './phrases';
import { tokenize } from './text';
import type { ResolverContext, SlotMatch, SlotTypeResolver } from './types';

type DatePhrase = { kind: 'period'; unit: PeriodUnit; offset: number } | { kind: 'days'; offset: number };

const PARSERS: Record<Language, chrono.Chrono> = { en: chrono.en.casual, es: chrono.es.casual };

/** Text handed to chrono, with a way back to spans of the original utterance. */
interface Rewritten {
  text: string;
  toOriginal(start: number, end: number): Span;
}

/** chrono reads "3 de diciembre" but not "tres de diciembre": spell-out cardinals become digits first. */
function digitize(utterance: string, words: NumberWords): Rewritten {
  const tokens = tokenize(utterance);
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  let copied = 0;
  const copy = (until: number) => {
    for (let at = copied; at < until; at++) {
      starts.push(at);
      ends.push(at + 1);
    }
    text += utterance.slice(copied, until);
    copied = until;
  };
  for (let at = 0; at < tokens.length;) {
    const cardinal = words.cardinalAt(utterance, tokens, at);
    if (cardinal === undefined) {
      at++;
      continue;
    }
    const span = { start: tokens[at]!.start, end: tokens[cardinal.next - 1]!.end };
    copy(span.start);
    const digits = String(cardinal.value);
    for (let k = 0; k < digits.length; k++) {
      starts.push(span.start);
      ends.push(span.end);
    }
    text += digits;
    copied = span.end;
    at = cardinal.next;
  }
  copy(utterance.length);
  return { text, toOriginal: (start, end) => ({ start: starts[start]!, end: ends[end - 1]! }) };
}

const unchanged = (utterance: string): Rewritten => ({
  text: utterance,
  toOriginal: (start, end) => ({ start, end }),
});

/** The day a chrono result names, or undefined when it names only a time of day. */
/**
 * chrono reads "the hours" (as in "what are the hours") as "an hour from now"; a stretch of hours, minutes or
 * seconds names a time, never a day.
 */
const TIME_SPAN_ONLY = /^[^\d]*\b(hours?|minutes?|mins?|seconds?|secs?|horas?|minutos?|segundos?)\b/iu;

/**
 * A stretch of days, weeks or months is a date only when it says which way it runs ("in 2 months", "3 weeks
 * ago", "dentro de 3 días", "hace 5 meses"); "it's been like 2 months" is a duration.
 */
const RELATIVE_DIRECTION =
  /\b(in|within|from|ago|later|after|before|next|last|this|en|dentro|hace|despu[eé]s|antes|pr[oó]xim[oa]s?|pasad[oa]s?|que viene|siguientes?)\b/iu;

function dayOfResult(result: chrono.ParsedResult, today: Date): Date | undefined {
  const { start } = result;
  if (start.tags().has('result/relativeDate')) {
    if (TIME_SPAN_ONLY.test(result.text) || !RELATIVE_DIRECTION.test(result.text)) return undefined;
  }
  if (start.isCertain('day') || start.isCertain('weekday')) return startOfDay(start.date());
  const year = start.get('year');
  const month = start.get('month');
  if (start.isCertain('month') && year !== null && month !== null) {
    // forwardDate moves a bare "november" said in November to next year; Lex means the current month.
    const named = start.isCertain('year') || month - 1 !== today.getMonth() ? year : today.getFullYear();
    return monthDay(today, named, month - 1);
  }
  if (start.isCertain('year') && year !== null) return yearDay(today, year);
  return undefined;
}

class DateFinder {
  private readonly phrases: PhraseIndex<DatePhrase>;
  private readonly parser: chrono.Chrono;
  private readonly words: NumberWords;

  constructor(
    private readonly tables: LanguageTables,
    language: Language,
    private readonly context: ResolverContext,
  ) {
    this.phrases = new PhraseIndex<DatePhrase>([
      ...Object.entries(tables.dates.periods).map(
        ([phrase, p]) => [phrase, { kind: 'period', ...p }] as const,
      ),
      ...Object.entries(tables.dates.relativeDays).map(
        ([phrase, offset]) => [phrase, { kind: 'days', offset }] as const,
      ),
    ]);
    this.parser = PARSERS[language];
    this.words = numberWordsFor(tables.numbers);
  }

  find(utterance: string): SlotMatch[] {
    const now = this.context.now();
    const today = startOfDay(now);
    const own = this.phraseMatches(utterance, today);
    const fromChrono = this.chronoMatches(utterance, now).filter((c) =>
      own.every((o) => c.end <= o.start || c.start >= o.end),
    );
    return longestNonOverlapping([...own, ...fromChrono]);
  }

  /** Periods and day offsets from the word tables, which take precedence over chrono's reading. */
  private phraseMatches(utterance: string, today: Date): SlotMatch[] {
    const tokens = tokenize(utterance);
    const matches: SlotMatch[] = [];
    for (let at = 0; at < tokens.length; at++) {
      const hit = this.phrases.longestAt(tokens, at);
      if (!hit) continue;
      const phrase = hit.values[0]!;
      const day =
        phrase.kind === 'period'
          ? periodDay(today, phrase.unit, phrase.offset)
          : addDays(today, phrase.offset);
      const span = { start: tokens[at]!.start, end: tokens[at + hit.length - 1]!.end };
      matches.push(slotMatch(utterance, span, isoDate(day)));
      at += hit.length - 1;
    }
    return matches;
  }

  private chronoMatches(utterance: string, now: Date): SlotMatch[] {
    const today = startOfDay(now);
    const rewritten = this.tables.dates.digitizeNumberWords
      ? digitize(utterance, this.words)
      : unchanged(utterance);
    const results = this.parser.parse(rewritten.text, now, { forwardDate: true });
    return results.flatMap((result) => {
      const day = dayOfResult(result, today);
      if (day === undefined) return [];
      const span = rewritten.toOriginal(result.index, result.index + result.text.length);
      return [slotMatch(utterance, span, isoDate(day))];
    });
  }
}

export function createDateResolver(
  tables: LanguageTables,
  language: Language,
  context: ResolverContext,
): SlotTypeResolver {
  const finder = new DateFinder(tables, language, context);
  return findBasedResolver('AMAZON.Date', tables.fillers, (utterance) => finder.find(utterance));
}
