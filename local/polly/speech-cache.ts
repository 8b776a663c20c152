/** A finished SynthesizeSpeech answer. */
export interface CachedSpeech {
  body: Buffer;
  contentType: string;
  requestCharacters: number;
}

export interface SpeechCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}

/**
 * Least-recently-used values, bounded by their total size. Keys count toward the bound (two bytes a UTF-16
 * unit), so a flood of long distinct texts cannot grow it past the limit; a value larger than the whole bound
 * is not kept.
 */
export class SizeBoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOfValue: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(key, value);
    this.remove(key);
    if (size > this.maxBytes) return;
    for (const [oldestKey] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.remove(oldestKey);
    }
    this.entries.set(key, value);
    this.bytes += size;
  }

  stats(): SpeechCacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
    };
  }

  private remove(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.bytes -= this.sizeOf(key, value);
  }

  private sizeOf(key: string, value: V): number {
    return key.length * 2 + this.sizeOfValue(value);
  }
}
