import { phraseWords, type Token } from './text';

export interface PhraseHit<T> {
  /** Number of tokens the phrase covers. */
  length: number;
  /** Every value registered under that phrase, in registration order. */
  values: T[];
}

/**
 * Multi-word phrases looked up by token position, longest phrase first, so "not really" wins over "not" and
 * "no sé" over "no". Words are compared after `wordKey`, which lets a caller also ignore plurals or apostrophes.
 */
export class PhraseIndex<T> {
  private readonly byKey = new Map<string, T[]>();
  private longest = 0;

  constructor(
    entries: Iterable<readonly [phrase: string, value: T]> = [],
    private readonly wordKey: (norm: string) => string = (norm) => norm,
  ) {
    for (const [phrase, value] of entries) this.add(phraseWords(phrase), value);
  }

  add(words: readonly string[], value: T): void {
    const keys = words.map(this.wordKey).filter((w) => w.length > 0);
    if (keys.length === 0) return;
    const key = keys.join(' ');
    const values = this.byKey.get(key);
    if (values === undefined) this.byKey.set(key, [value]);
    else if (!values.includes(value)) values.push(value);
    this.longest = Math.max(this.longest, keys.length);
  }

  get maxLength(): number {
    return this.longest;
  }

  /** Phrases of exactly `length` tokens starting at `start`. */
  exactly(tokens: readonly Token[], start: number, length: number): T[] | undefined {
    if (start < 0 || start + length > tokens.length) return undefined;
    const key = tokens
      .slice(start, start + length)
      .map((t) => this.wordKey(t.norm))
      .join(' ');
    return this.byKey.get(key);
  }

  /** The longest phrase starting at `tokens[start]` and ending before `limit`. */
  longestAt(tokens: readonly Token[], start: number, limit = tokens.length): PhraseHit<T> | undefined {
    for (let length = Math.min(this.longest, limit - start); length > 0; length--) {
      const values = this.exactly(tokens, start, length);
      if (values) return { length, values };
    }
    return undefined;
  }

  /** The longest phrase whose last token is `tokens[end - 1]`, starting at or after `floor`. */
  longestEndingAt(tokens: readonly Token[], end: number, floor = 0): PhraseHit<T> | undefined {
    for (let length = Math.min(this.longest, end - floor); length > 0; length--) {
      const values = this.exactly(tokens, end - length, length);
      if (values) return { length, values };
    }
    return undefined;
  }

  has(tokens: readonly Token[], start: number, length: number): boolean {
    return this.exactly(tokens, start, length) !== undefined;
  }
}
