import type { SlotMatch, SlotTypeResolver } from '../slots/types';

/** A stretch of an utterance that holds a slot value, with every slot type that reads it exactly there. */
export interface SpottedSpan {
  start: number;
  end: number;
  /** The value each slot type gives this span, by slot type name. */
  values: ReadonlyMap<string, SlotMatch>;
}

/** What every slot type of the locale found in one utterance. */
export interface SpottedValues {
  byType: ReadonlyMap<string, readonly SlotMatch[]>;
  /** Non-overlapping spans, in order; where finds overlap, the longest span wins. */
  spans: readonly SpottedSpan[];
}

/**
 * Finds slot values of all the locale's slot types in an utterance, so "track order 12345" and a sample
 * "track order {OrderNumber}" compare word for word. A span that several types read (a bare number can be an
 * order number or a phone number) keeps all of them; the intent's templates decide which one it is.
 */
export class SlotSpotter {
  /**
   * @param isValueText decides whether found text can stand as a value inside a sentence; the classifier
   *   refuses values spelled only with function words, such as the article "una" read as the number 1.
   */
  constructor(
    private readonly resolvers: ReadonlyMap<string, SlotTypeResolver>,
    private readonly isValueText: (text: string) => boolean,
  ) {}

  spot(text: string): SpottedValues {
    const found = new Map<string, SlotMatch[]>();
    for (const [slotType, resolver] of this.resolvers) {
      found.set(
        slotType,
        resolver
          .find(text)
          .filter((match) => match.end > match.start && this.isValueText(text.slice(match.start, match.end))),
      );
    }
    const byType = this.withNestedValuesApart(text, found);
    const all = [...byType].flatMap(([slotType, matches]) => matches.map((match) => ({ slotType, match })));
    return { byType, spans: chooseSpans(all) };
  }

  /**
   * A value that runs into values of other types, and still reads as its own type without them, is more than
   * one value: a date finder that reads "tomorrow at 3 pm" as one date leaves "tomorrow" for the date and
   * "3 pm" for the time. "3 pm" holding the number 3 stays whole, because "pm" alone is no time.
   */
  private withNestedValuesApart(
    text: string,
    found: ReadonlyMap<string, SlotMatch[]>,
  ): Map<string, SlotMatch[]> {
    const apart = new Map<string, SlotMatch[]>();
    for (const [slotType, matches] of found) {
      const others = [...found].filter(([type]) => type !== slotType).flatMap(([, list]) => list);
      apart.set(
        slotType,
        matches.flatMap((match) => {
          const inner = others.filter((other) => overlaps(match, other) && !holds(other, match));
          return inner.length === 0 ? [match] : this.splitAround(text, slotType, match, inner);
        }),
      );
    }
    return apart;
  }

  private splitAround(
    text: string,
    slotType: string,
    outer: SlotMatch,
    inner: readonly SlotMatch[],
  ): SlotMatch[] {
    let blanked = text;
    for (const value of inner) {
      blanked =
        blanked.slice(0, value.start) + ' '.repeat(value.end - value.start) + blanked.slice(value.end);
    }
    const rest = (this.resolvers.get(slotType)?.find(blanked) ?? []).filter(
      (match) =>
        match.start >= outer.start &&
        match.end <= outer.end &&
        inner.every((value) => match.end <= value.start || match.start >= value.end),
    );
    // "25 de diciembre" without its 25 is "diciembre", another date: the number was part of the value. Only a
    // value that stays the same without the others ("tomorrow" of "tomorrow at 3 pm") is more than one value.
    if (!rest.some((match) => match.interpretedValue === outer.interpretedValue)) return [outer];
    return rest.map((match) => ({ ...match, originalValue: text.slice(match.start, match.end).trim() }));
  }
}

function overlaps(a: SlotMatch, b: SlotMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

function holds(outer: SlotMatch, inner: SlotMatch): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function chooseSpans(found: readonly { slotType: string; match: SlotMatch }[]): SpottedSpan[] {
  const bySpan = new Map<string, { start: number; end: number; values: Map<string, SlotMatch> }>();
  for (const { slotType, match } of found) {
    const key = `${match.start}:${match.end}`;
    const span = bySpan.get(key) ?? {
      start: match.start,
      end: match.end,
      values: new Map<string, SlotMatch>(),
    };
    if (!span.values.has(slotType)) span.values.set(slotType, match);
    bySpan.set(key, span);
  }
  const longestFirst = [...bySpan.values()].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const chosen: SpottedSpan[] = [];
  for (const span of longestFirst) {
    if (chosen.every((other) => span.end <= other.start || span.start >= other.end)) chosen.push(span);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
