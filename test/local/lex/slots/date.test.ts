import fc from 'fast-check';
import { expectWellFormedMatches, resolverFor } from './helpers';

const english = resolverFor('AMAZON.Date', 'en_US');
const spanish = resolverFor('AMAZON.Date', 'es_US');

describe('AMAZON.Date (today is Thursday 2026-11-26)', () => {
  it.each([
    ['today', '2026-11-26'],
    ['tomorrow', '2026-11-27'],
    ['next monday', '2026-11-30'],
    ['friday', '2026-11-27'],
    ['thursday', '2026-11-26'],
    ['december 3rd', '2026-12-03'],
    ['december twenty fifth', '2026-12-25'],
    ['3/12', '2027-03-12'],
    ['march 3', '2027-03-03'],
    ['the day after tomorrow', '2026-11-28'],
    ['in two weeks', '2026-12-10'],
    ["I'd like to come in on friday please", '2026-11-27'],
    ['2026-12-01', '2026-12-01'],
    ['yesterday', '2026-11-25'],
  ])('en %j -> %s', (input, expected) => {
    expect(english.resolve(input)?.interpretedValue).toBe(expected);
  });

  it.each([
    ['hoy', '2026-11-26'],
    ['mañana', '2026-11-27'],
    ['manana', '2026-11-27'],
    ['pasado mañana', '2026-11-28'],
    ['el viernes', '2026-11-27'],
    ['el próximo viernes', '2026-12-04'],
    ['3/12', '2026-12-03'],
    ['tres de diciembre', '2026-12-03'],
    ['el veinticinco de diciembre por favor', '2026-12-25'],
    ['el primero de enero', '2027-01-01'],
    ['dentro de dos semanas', '2026-12-10'],
  ])('es %j -> %s', (input, expected) => {
    expect(spanish.resolve(input)?.interpretedValue).toBe(expected);
  });

  describe('periods become one day (future: last day; current or past: first day)', () => {
    it.each([
      ['next week', '2026-11-29'],
      ['this week', '2026-11-23'],
      ['last week', '2026-11-16'],
      ['next month', '2026-12-31'],
      ['this month', '2026-11-01'],
      ['last month', '2026-10-01'],
      ['next year', '2027-12-31'],
      ['this year', '2026-01-01'],
      ['last year', '2025-01-01'],
      ['december', '2026-12-31'],
      ['november', '2026-11-01'],
    ])('en %j -> %s', (input, expected) => {
      expect(english.resolve(input)?.interpretedValue).toBe(expected);
    });

    it.each([
      ['la semana que viene', '2026-11-29'],
      ['la próxima semana', '2026-11-29'],
      ['esta semana', '2026-11-23'],
      ['este mes', '2026-11-01'],
      ['el mes que viene', '2026-12-31'],
      ['el año que viene', '2027-12-31'],
      ['el año pasado', '2025-01-01'],
    ])('es %j -> %s', (input, expected) => {
      expect(spanish.resolve(input)?.interpretedValue).toBe(expected);
    });

    it('reads "next week" on a Sunday as the Sunday after', () => {
      const sunday = resolverFor('AMAZON.Date', 'en_US', { now: new Date(2026, 10, 29, 9) });
      expect(sunday.resolve('next week')?.interpretedValue).toBe('2026-12-06');
    });
  });

  it('gives the date span as the original value', () => {
    expect(spanish.find('quiero ir el tres de diciembre por favor')).toEqual([
      {
        originalValue: 'tres de diciembre',
        interpretedValue: '2026-12-03',
        resolvedValues: ['2026-12-03'],
        start: 13,
        end: 30,
      },
    ]);
    expect(english.find('today or tomorrow').map((m) => m.originalValue)).toEqual(['today', 'tomorrow']);
  });

  it.each(['at 3pm', "it's 10001", 'no idea', ''])('finds no date in %j', (input) => {
    expect(english.resolve(input)).toBeUndefined();
  });

  it('reads no day in "the hours" (chrono takes it for an hour from now), and still reads the day named', () => {
    expect(english.find('what are the hours at downtown on friday').map((m) => m.originalValue)).toEqual([
      'on friday',
    ]);
    expect(spanish.find('las horas del viernes').map((m) => m.interpretedValue)).toEqual(['2026-11-27']);
  });

  it('reads a stretch of time as a date only when it says which way it runs', () => {
    expect(english.find("what if it's been like 2 months?")).toEqual([]);
    expect(english.find('in 2 months').map((m) => m.interpretedValue?.slice(0, 7))).toEqual(['2027-01']);
    expect(english.find('2 months ago').map((m) => m.interpretedValue?.slice(0, 7))).toEqual(['2026-09']);
    expect(spanish.find('ya van 2 meses')).toEqual([]);
    expect(spanish.find('dentro de 3 días').map((m) => m.interpretedValue)).toEqual(['2026-11-29']);
  });

  it('depends only on the injected clock', () => {
    const later = resolverFor('AMAZON.Date', 'en_US', { now: new Date(2030, 0, 1, 8) });
    expect(later.resolve('tomorrow')?.interpretedValue).toBe('2030-01-02');
    expect(english.resolve('tomorrow')?.interpretedValue).toBe('2026-11-27');
  });
});

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const iso = (day: Date) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
const isCalendarDate = (value: string) => {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
};

const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const ES_WEEKDAYS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];
const ES_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

const day = fc.integer({ min: 1, max: 28 });
const englishForward = fc.oneof(
  fc.constantFrom('today', 'tomorrow', 'next week', 'next month', 'next year', 'the day after tomorrow'),
  fc.constantFrom(...EN_WEEKDAYS),
  fc.constantFrom(...EN_WEEKDAYS).map((w) => `next ${w}`),
  fc.integer({ min: 1, max: 90 }).map((n) => `in ${n} days`),
  fc.tuple(fc.constantFrom(...EN_MONTHS), day).map(([m, d]) => `${m} ${d}`),
);
const spanishForward = fc.oneof(
  fc.constantFrom(
    'hoy',
    'mañana',
    'pasado mañana',
    'la semana que viene',
    'el mes que viene',
    'el año que viene',
  ),
  fc.constantFrom(...ES_WEEKDAYS).map((w) => `el ${w}`),
  fc.constantFrom(...ES_WEEKDAYS).map((w) => `el próximo ${w}`),
  fc.integer({ min: 1, max: 90 }).map((n) => `dentro de ${n} días`),
  fc.tuple(day, fc.constantFrom(...ES_MONTHS)).map(([d, m]) => `el ${d} de ${m}`),
);
const now = fc.date({ min: new Date(2000, 0, 1), max: new Date(2090, 11, 31), noInvalidDate: true });

describe('AMAZON.Date properties', () => {
  it.each([
    ['en_US', englishForward],
    ['es_US', spanishForward],
  ] as const)('%s: forward expressions give a valid ISO date on or after today', (localeId, expression) => {
    fc.assert(
      fc.property(now, expression, (today, utterance) => {
        const value = resolverFor('AMAZON.Date', localeId, { now: today }).resolve(
          utterance,
        )?.interpretedValue;
        expect(value).toMatch(ISO);
        expect(isCalendarDate(value!)).toBe(true);
        expect(value! >= iso(today)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('finds a forward expression inside a sentence with its exact span', () => {
    fc.assert(
      fc.property(englishForward, (expression) => {
        const utterance = `please book it for ${expression} thanks`;
        const matches = english.find(utterance);
        expectWellFormedMatches(utterance, matches);
        expect(matches.map((m) => m.interpretedValue)).toEqual([
          english.resolve(expression)?.interpretedValue,
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
