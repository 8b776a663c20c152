import { SlotSpotter } from '../../../../local/lex/nlu/slot-spotter';
import { createSlotTypeResolver } from '../../../../local/lex/slots';
import { contextFor, englishLocale, spanishLocale } from './fixtures';

function spotterFor(locale: typeof spanishLocale, localeId: string): SlotSpotter {
  const resolvers = new Map(
    ['AMAZON.Number', 'AMAZON.Date', 'AMAZON.Time'].map(
      (type) => [type, createSlotTypeResolver(type, locale, contextFor(localeId))] as const,
    ),
  );
  return new SlotSpotter(resolvers, () => true);
}

describe('SlotSpotter', () => {
  it('keeps the day of the month inside its date, in Spanish as in English', () => {
    const spanish = spotterFor(spanishLocale, 'es_US').spot('¿abren el 25 de diciembre?');
    expect(spanish.byType.get('AMAZON.Date')?.map((match) => match.originalValue)).toEqual([
      '25 de diciembre',
    ]);
    const english = spotterFor(englishLocale, 'en_US').spot('are you open on december 25?');
    expect(english.byType.get('AMAZON.Date')?.map((match) => match.originalValue)).toEqual(['december 25']);
  });

  it('still reads a date and a time apart where a date finder runs them together', () => {
    const spotted = spotterFor(englishLocale, 'en_US').spot('call me tomorrow at 3 pm');
    expect(spotted.byType.get('AMAZON.Date')?.map((match) => match.originalValue)).toEqual(['tomorrow']);
    expect(spotted.byType.get('AMAZON.Time')?.map((match) => match.originalValue)).toEqual(['3 pm']);
  });
});
