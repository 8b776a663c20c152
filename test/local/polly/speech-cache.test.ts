import fc from 'fast-check';
import { SizeBoundedCache, type CachedSpeech } from '../../../local/polly/speech-cache';

const speech = (bytes: number): CachedSpeech => ({
  body: Buffer.alloc(bytes),
  contentType: 'audio/pcm',
  requestCharacters: 1,
});

describe('SizeBoundedCache', () => {
  it('counts hits and misses', () => {
    const cache = new SizeBoundedCache<CachedSpeech>(1000, (entry) => entry.body.length);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', speech(10));
    expect(cache.get('a')?.body.length).toBe(10);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, entries: 1, bytes: 12, maxBytes: 1000 });
  });

  it('evicts the least recently used answers to stay within its bytes', () => {
    const cache = new SizeBoundedCache<CachedSpeech>(300, (entry) => entry.body.length);
    cache.set('a', speech(98));
    cache.set('b', speech(98));
    cache.set('c', speech(98));
    cache.get('a');
    cache.set('d', speech(98));
    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key) !== undefined)).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(cache.stats().bytes).toBe(300);
  });

  it('serves but does not keep an answer larger than the whole cache, and replaces a key in place', () => {
    const cache = new SizeBoundedCache<CachedSpeech>(100, (entry) => entry.body.length);
    cache.set('small', speech(10));
    cache.set('huge', speech(200));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('small', speech(20));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 30 });
  });

  it('never holds more bytes than its bound, whatever is stored', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 300 }))),
        (maxBytes, writes) => {
          const cache = new SizeBoundedCache<CachedSpeech>(maxBytes, (entry) => entry.body.length);
          for (const [key, bytes] of writes) cache.set(key, speech(bytes));
          const stats = cache.stats();
          expect(stats.bytes).toBeLessThanOrEqual(maxBytes);
          expect(stats.entries).toBeLessThanOrEqual(new Set(writes.map(([key]) => key)).size);
        },
      ),
    );
  });
});
