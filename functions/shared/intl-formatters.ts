/**
 * Intl objects for a locale and options, built once per container. Building an Intl.DateTimeFormat takes
 * about 0.2 ms and using one about a microsecond; a store-hours reply formats a dozen times, so building
 * each time was most of a business turn's own time (npm run bench, handler time).
 */

/** Locales and options come from the bot's locales and the code; the cap only guards against a surprise. */
const MAX_ENTRIES_PER_KIND = 200;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const segmenters = new Map<string, Intl.Segmenter>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  return cached(listFormats, locale, options, () => new Intl.ListFormat(locale, options));
}

export function segmenter(locale: string, options: Intl.SegmenterOptions): Intl.Segmenter {
  return cached(segmenters, locale, options, () => new Intl.Segmenter(locale, options));
}

function cached<T>(cache: Map<string, T>, locale: string, options: object, build: () => T): T {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  const found = cache.get(key);
  if (found) return found;
  // Built before it is stored: a locale or option Intl rejects throws here, as it did, and is not kept.
  const built = build();
  if (cache.size >= MAX_ENTRIES_PER_KIND) cache.clear();
  cache.set(key, built);
  return built;
}
