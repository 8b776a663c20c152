import fc from 'fast-check';
import type { SlotValue } from '../../../../local/lex/slots/types';
import { expectWellFormedMatches, resolverFor } from './helpers';

const english = resolverFor('AMAZON.Time', 'en_US');
const spanish = resolverFor('AMAZON.Time', 'es_US');

const clock = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
const ambiguous = (hour: number, minute = 0): Pick<SlotValue, 'interpretedValue' | 'resolvedValues'> => ({
  interpretedValue: null,
  resolvedValues: [clock(hour, minute), clock(hour + 12, minute)],
});
const exactly = (value: string): Pick<SlotValue, 'interpretedValue' | 'resolvedValues'> => ({
  interpretedValue: value,
  resolvedValues: [value],
});

const reading = (value: SlotValue | undefined) =>
  value && { interpretedValue: value.interpretedValue, resolvedValues: value.resolvedValues };

describe('AMAZON.Time', () => {
  it.each([
    ['3pm', exactly('15:00')],
    ['3 p.m.', exactly('15:00')],
    ['1:05 AM', exactly('01:05')],
    ['12am', exactly('00:00')],
    ['12 pm', exactly('12:00')],
    ['21:15', exactly('21:15')],
    ['noon', exactly('12:00')],
    ['midnight', exactly('00:00')],
    ['twelve noon', exactly('12:00')],
    ['quarter past nine in the morning', exactly('09:15')],
    ['half past seven in the evening', exactly('19:30')],
    ['at ten thirty pm', exactly('22:30')],
    ['around 8 tonight', exactly('20:00')],
    ['at 10', ambiguous(10)],
    ["10 o'clock", ambiguous(10)],
    ['ten', ambiguous(10)],
    ['ten thirty', ambiguous(10, 30)],
    ['9:30', ambiguous(9, 30)],
    ['ten to five', ambiguous(4, 50)],
    ['quarter to one', exactly('12:45')],
    ['at 12', exactly('12:00')],
    ['book a table for 10 people at 7:30 p.m. please', exactly('19:30')],
  ])('en %j', (input, expected) => {
    expect(reading(english.resolve(input))).toEqual(expected);
  });

  it.each([
    ['a las tres de la tarde', exactly('15:00')],
    ['a las ocho de la noche', exactly('20:00')],
    ['a las dos de la madrugada', exactly('02:00')],
    ['a la una del mediodía', exactly('13:00')],
    ['a las 15:00', exactly('15:00')],
    ['a las 3 pm', exactly('15:00')],
    ['mediodía', exactly('12:00')],
    ['medianoche', exactly('00:00')],
    ['a las diez', ambiguous(10)],
    ['las tres y media', ambiguous(3, 30)],
    ['tres y cuarto', ambiguous(3, 15)],
    ['a las cinco menos diez', ambiguous(4, 50)],
    ['a la una menos cuarto', exactly('12:45')],
    ['las doce y diez', exactly('12:10')],
    ['diez', ambiguous(10)],
  ])('es %j', (input, expected) => {
    expect(reading(spanish.resolve(input))).toEqual(expected);
  });

  it('keeps lead-ins out of the original value', () => {
    expect(spanish.find('mejor a las tres y media de la tarde')).toEqual([
      {
        originalValue: 'tres y media de la tarde',
        interpretedValue: '15:30',
        resolvedValues: ['15:30'],
        start: 12,
        end: 36,
      },
    ]);
  });

  it.each(['I have 3 items', 'order 12345', 'no idea', '', 'quiero 3 camisas'])(
    'finds no time in %j',
    (input) => {
      expect(english.resolve(input)).toBeUndefined();
      expect(spanish.resolve(input)).toBeUndefined();
    },
  );

  it('needs a marker ("at", ":", "pm", ...) to see a time inside a sentence, but not in a bare answer', () => {
    expect(english.find('give me ten')).toEqual([]);
    expect(english.find('give me ten at ten')).toHaveLength(1);
    expect(reading(english.resolve('ten'))).toEqual(ambiguous(10));
  });
});

const HH_MM = /^\d\d:\d\d$/;

function expectClockOutputs(value: SlotValue | undefined) {
  if (value === undefined) return;
  if (value.interpretedValue !== null) expect(value.interpretedValue).toMatch(HH_MM);
  for (const resolved of value.resolvedValues) expect(resolved).toMatch(HH_MM);
  expect(value.interpretedValue === null ? value.resolvedValues.length : 1).toBeGreaterThan(0);
}

const hour12 = fc.integer({ min: 1, max: 12 });
const minute = fc.integer({ min: 0, max: 59 });
const timeWords = fc.constantFrom(
  'at',
  'a las',
  'a la',
  'pm',
  'am',
  'p.m.',
  "o'clock",
  'noon',
  'midnight',
  'quarter',
  'half',
  'past',
  'to',
  'y',
  'menos',
  'cuarto',
  'media',
  'de la tarde',
  'de la noche',
  'in the morning',
  'tonight',
  'ten',
  'twelve',
  'tres',
  'doce',
  'thirty',
  'oh',
  'five',
  '7',
  '12',
  '23',
  '30',
  ':',
  '99',
  '24',
  '0',
);

describe('AMAZON.Time properties', () => {
  it('every value is HH:MM, whatever the input', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(timeWords, { maxLength: 8 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(anything, (input) => {
        for (const resolver of [english, spanish]) {
          expectClockOutputs(resolver.resolve(input));
          const matches = resolver.find(input);
          expectWellFormedMatches(input, matches);
          matches.forEach(expectClockOutputs);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('reads H:MM with am/pm exactly', () => {
    fc.assert(
      fc.property(
        hour12,
        minute,
        fc.constantFrom('am', 'pm', 'AM', 'PM', 'a.m.', 'p.m.'),
        (hour, min, half) => {
          const pm = half.toLowerCase().startsWith('p');
          const expected = clock(pm ? (hour % 12) + 12 : hour % 12, min);
          const input = `at ${hour}:${String(min).padStart(2, '0')} ${half}`;
          expect(reading(english.resolve(input))).toEqual(exactly(expected));
        },
      ),
    );
  });

  it('reads 24-hour clock times from 13:00 exactly and leaves 1-11 ambiguous', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), minute, (hour, min) => {
        const input = `a las ${hour}:${String(min).padStart(2, '0')}`;
        const expected = hour >= 1 && hour <= 11 ? ambiguous(hour, min) : exactly(clock(hour, min));
        expect(reading(spanish.resolve(input))).toEqual(expected);
      }),
    );
  });
});
