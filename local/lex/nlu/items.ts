import type { TextAnalyzer, Word } from './analyzer';
import type { SlotSpotter, SpottedSpan } from './slot-spotter';

/** One unit of a compared utterance: a word, or a slot value standing in for the words that spell it. */
export interface Item {
  kind: 'word' | 'stopWord' | 'slot';
  /** A word's stem, or `{SlotType}` for each slot type the value can be read as. */
  keys: readonly string[];
  /** Other stems the word may have (without an attached pronoun); used only when its own stem is unknown. */
  alternativeKeys: readonly string[];
  /** Synonym groups of a word. */
  concepts: readonly string[];
  /** Offsets in the text the item comes from. */
  start: number;
  end: number;
  /** For a template placeholder, the slot it stands for. */
  slotName?: string;
  /** For a value found in an input: the span and what each slot type reads there. */
  span?: SpottedSpan;
}

function slotKey(slotTypeName: string): string {
  return `{${slotTypeName}}`;
}

/** The items of an input utterance: slot values found in it replace the words that spell them. */
export function inputItems(text: string, spans: readonly SpottedSpan[], analyzer: TextAnalyzer): Item[] {
  const words = analyzer.words(text).filter((word) => !spans.some((span) => overlaps(word, span)));
  const slots = spans.map((span): Item => ({
    kind: 'slot',
    keys: [...span.values.keys()].map(slotKey),
    alternativeKeys: [],
    concepts: [],
    start: span.start,
    end: span.end,
    span,
  }));
  return [...words.map(wordItem), ...slots].sort((a, b) => a.start - b.start);
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * The items of a sample utterance such as "call me {CallbackDate} at {CallbackTime}". Its literal words go
 * through the same slot finding as an input, so that "are you open today" and "are you open tomorrow" still
 * read alike. A placeholder naming no slot of the intent stands for nothing.
 */
export function templateItems(
  template: string,
  slotTypeOf: (slotName: string) => string | undefined,
  analyzer: TextAnalyzer,
  spotter: SlotSpotter,
): Item[] {
  const placeholders: Item[] = [];
  const literal = template.replace(PLACEHOLDER, (whole: string, slotName: string, offset: number) => {
    const slotType = slotTypeOf(slotName.trim());
    if (slotType !== undefined) {
      placeholders.push({
        kind: 'slot',
        keys: [slotKey(slotType)],
        alternativeKeys: [],
        concepts: [],
        start: offset,
        end: offset + whole.length,
        slotName: slotName.trim(),
      });
    }
    return ' '.repeat(whole.length);
  });
  const literalItems = inputItems(literal, spotter.spot(literal).spans, analyzer);
  return [...literalItems, ...placeholders].sort((a, b) => a.start - b.start);
}

function wordItem(word: Word): Item {
  return {
    kind: word.isStopWord ? 'stopWord' : 'word',
    keys: word.stems,
    alternativeKeys: word.stemsWithoutClitic,
    concepts: word.concepts,
    start: word.start,
    end: word.end,
  };
}

function overlaps(word: Word, span: SpottedSpan): boolean {
  return word.start < span.end && word.end > span.start;
}
