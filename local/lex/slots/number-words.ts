import type { NumberVocabulary } from './lang/types';
import { gapBefore, isWordGap, normalize, type Token } from './text';

type WordKind =
  | 'zero'
  | 'unit'
  | 'teen'
  | 'tens'
  | 'hundredMultiplier'
  | 'hundreds'
  | 'scale'
  | 'connector'
  | 'decimalPoint'
  | 'negative'
  | 'indefiniteOne'
  | 'digitOnly';

export interface NumberWord {
  kind: WordKind;
  value: number;
}

/** What the last word of a cardinal allows next; `start` is before any word. */
type CardinalState = 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'connector';

export interface CardinalParse {
  value: number;
  /** Index of the first token after the cardinal. */
  next: number;
}

export interface DigitStringParse {
  digits: string;
  next: number;
}

/** Reads spelled-out numbers from tokens, using one language's number vocabulary. */
export class NumberWords {
  private readonly words = new Map<string, NumberWord>();

  constructor(private readonly vocabulary: NumberVocabulary) {
    const add = (kind: WordKind, entries: Record<string, number> | string[]) => {
      const pairs = Array.isArray(entries) ? entries.map((w) => [w, 0] as const) : Object.entries(entries);
      for (const [word, value] of pairs) this.words.set(normalize(word), { kind, value });
    };
    add('zero', vocabulary.zero);
    add('unit', vocabulary.units);
    add('teen', vocabulary.teens);
    add('tens', vocabulary.tens);
    add('hundredMultiplier', vocabulary.hundredMultiplier);
    add('hundreds', vocabulary.hundreds);
    add('scale', vocabulary.scales);
    add('connector', vocabulary.connector.words);
    add('decimalPoint', vocabulary.decimalPoint);
    add('negative', vocabulary.negative);
    add('indefiniteOne', vocabulary.indefiniteOne);
    add('digitOnly', vocabulary.digitOnly);
  }

  classify(token: Token | undefined): NumberWord | undefined {
    return token === undefined ? undefined : this.words.get(token.norm);
  }

  /** A single-digit word ("five", "cinco", "oh"), given in normalized form, as the digit it stands for. */
  digitOf(norm: string | undefined): number | undefined {
    const word = norm === undefined ? undefined : this.words.get(norm);
    if (word === undefined) return undefined;
    if (word.kind === 'zero') return 0;
    return word.kind === 'unit' || word.kind === 'digitOnly' ? word.value : undefined;
  }

  /** One cardinal number: "ten thousand and one", "ciento veintitrés", "a hundred". */
  cardinalAt(text: string, tokens: readonly Token[], first: number): CardinalParse | undefined {
    let total = 0;
    let group = 0;
    let state: CardinalState = 'start';
    let smallestScale = Infinity;
    let index = first;
    const adjacent = (at: number) =>
      at < tokens.length && (at === first || isWordGap(gapBefore(text, tokens, at)));

    while (adjacent(index)) {
      const word = this.classify(tokens[index]);
      if (word === undefined) break;
      if (word.kind === 'zero') {
        if (state !== 'start') break;
        return { value: 0, next: index + 1 };
      }
      if (word.kind === 'indefiniteOne') {
        const following = this.classify(tokens[index + 1]);
        const multiplies = following?.kind === 'hundredMultiplier' || following?.kind === 'scale';
        if (state !== 'start' || !adjacent(index + 1) || !multiplies) break;
        group = 1;
        state = 'unit';
      } else if (word.kind === 'unit' && ['start', 'scale', 'hundred', 'tens', 'connector'].includes(state)) {
        group += word.value;
        state = 'unit';
      } else if (
        (word.kind === 'teen' || word.kind === 'tens') &&
        ['start', 'scale', 'hundred', 'connector'].includes(state)
      ) {
        group += word.value;
        state = word.kind;
      } else if (
        word.kind === 'hundredMultiplier' &&
        (state === 'start' || (group < 100 && ['unit', 'teen', 'tens'].includes(state)))
      ) {
        group = (group || 1) * 100;
        state = 'hundred';
      } else if (word.kind === 'hundreds' && (state === 'start' || state === 'scale')) {
        group += word.value;
        state = 'hundred';
      } else if (
        word.kind === 'scale' &&
        word.value < smallestScale &&
        state !== 'scale' &&
        state !== 'connector'
      ) {
        total += (group || 1) * word.value;
        group = 0;
        smallestScale = word.value;
        state = 'scale';
      } else if (
        word.kind === 'connector' &&
        adjacent(index + 1) &&
        this.connectorJoins(state, tokens[index + 1])
      ) {
        state = 'connector';
      } else {
        break;
      }
      index++;
    }
    return state === 'start' ? undefined : { value: total + group, next: index };
  }

  /**
   * Cardinals said one after another, read as one digit string: "one zero zero zero one" is 10001, "nineteen
   * eighty four" 1984, "one oh one" 101. A single cardinal is its own digit string.
   */
  digitStringAt(text: string, tokens: readonly Token[], first: number): DigitStringParse | undefined {
    let digits = '';
    let index = first;
    let cardinals = 0;
    while (index < tokens.length && (index === first || isWordGap(gapBefore(text, tokens, index)))) {
      const word = this.classify(tokens[index]);
      if (word?.kind === 'digitOnly') {
        digits += String(word.value);
        index++;
        continue;
      }
      const cardinal = this.cardinalAt(text, tokens, index);
      if (cardinal === undefined) break;
      digits += String(cardinal.value);
      index = cardinal.next;
      cardinals++;
    }
    return cardinals === 0 ? undefined : { digits, next: index };
  }

  private connectorJoins(state: CardinalState, following: Token | undefined): boolean {
    const next = this.classify(following)?.kind;
    if (this.vocabulary.connector.joins === 'betweenTensAndUnit') return state === 'tens' && next === 'unit';
    return (
      (state === 'hundred' || state === 'scale') && (next === 'unit' || next === 'teen' || next === 'tens')
    );
  }
}

const cache = new WeakMap<NumberVocabulary, NumberWords>();

export function numberWordsFor(vocabulary: NumberVocabulary): NumberWords {
  let words = cache.get(vocabulary);
  if (!words) {
    words = new NumberWords(vocabulary);
    cache.set(vocabulary, words);
  }
  return words;
}
