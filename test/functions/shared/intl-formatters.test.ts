import { dateTimeFormat, listFormat, segmenter } from '../../../functions/shared/intl-formatters';

describe('Intl formatters built once', () => {
  it('gives the same formatter for the same locale and options, another for other options', () => {
    const options = { hour: 'numeric', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('en-US', options)).toBe(dateTimeFormat('en-US', { ...options }));
    expect(dateTimeFormat('en-US', options)).not.toBe(dateTimeFormat('es-US', options));
    expect(dateTimeFormat('en-US', options)).not.toBe(
      dateTimeFormat('en-US', { ...options, minute: '2-digit' }),
    );
    expect(listFormat('en-US', { type: 'conjunction' })).toBe(listFormat('en-US', { type: 'conjunction' }));
    expect(segmenter('en-US', { granularity: 'sentence' })).toBe(
      segmenter('en-US', { granularity: 'sentence' }),
    );
  });

  it('formats as a new Intl object does', () => {
    const options = { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
    const day = Date.UTC(2026, 2, 12);
    for (const locale of ['en-US', 'es-US']) {
      expect(dateTimeFormat(locale, options).format(day)).toBe(
        new Intl.DateTimeFormat(locale, options).format(day),
      );
      expect(listFormat(locale, { type: 'conjunction' }).format(['a', 'b', 'c'])).toBe(
        new Intl.ListFormat(locale, { type: 'conjunction' }).format(['a', 'b', 'c']),
      );
    }
  });

  it('throws as Intl does for a time zone it does not know, and keeps nothing for it', () => {
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
