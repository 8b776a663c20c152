import fc from 'fast-check';
import { expectWellFormedMatches, resolverFor } from './helpers';

const english = resolverFor('AMAZON.PhoneNumber', 'en_US');
const spanish = resolverFor('AMAZON.PhoneNumber', 'es_US');

describe('AMAZON.PhoneNumber', () => {
  it.each([
    ['+1 (509) 555-1212', '+15095551212'],
    ['555 1212', '5551212'],
    ['5551212', '5551212'],
    ['(509) 555.1212', '5095551212'],
    ['my number is 509-555-1212 thanks', '5095551212'],
    ['five five five one two one two', '5551212'],
    ['plus one five zero nine five five five one two one two', '+15095551212'],
    ['five five five twelve twelve', '5551212'],
    ['five five five 1212', '5551212'],
  ])('en %j -> %s', (input, expected) => {
    expect(english.resolve(input)?.interpretedValue).toBe(expected);
  });

  it.each([
    ['cinco cinco cinco uno dos uno dos', '5551212'],
    ['mi número es el 555 1212 por favor', '5551212'],
    ['más cincuenta y dos cinco cinco cinco uno dos uno dos', '+525551212'],
  ])('es %j -> %s', (input, expected) => {
    expect(spanish.resolve(input)?.interpretedValue).toBe(expected);
  });

  it('includes a written "+" and an opening bracket in the original value', () => {
    expect(english.find('call +1 (509) 555-1212 now').map((m) => m.originalValue)).toEqual([
      '+1 (509) 555-1212',
    ]);
    expect(english.find('call (509) 555-1212 now').map((m) => m.originalValue)).toEqual(['(509) 555-1212']);
  });

  it.each(['12345', 'I have 2 kids', '1234567890123456', 'abc5551212', 'no', ''])(
    'finds no phone number in %j',
    (input) => {
      expect(english.resolve(input)).toBeUndefined();
    },
  );

  it('keeps two numbers apart when words separate them', () => {
    expect(english.find('555 1212 or 555 3434').map((m) => m.interpretedValue)).toEqual([
      '5551212',
      '5553434',
    ]);
  });
});

describe('AMAZON.PhoneNumber properties', () => {
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

  it('reads any North American number in its usual layouts', () => {
    fc.assert(
      fc.property(
        digits(3, 3),
        digits(3, 3),
        digits(4, 4),
        fc.integer({ min: 0, max: 3 }),
        (area, exchange, line, layout) => {
          const written = [
            `(${area}) ${exchange}-${line}`,
            `${area}-${exchange}-${line}`,
            `${area}.${exchange}.${line}`,
            `+1 ${area} ${exchange} ${line}`,
          ][layout]!;
          const utterance = `you can reach me at ${written} after five`;
          const matches = english.find(utterance);
          expectWellFormedMatches(utterance, matches);
          const expected = `${layout === 3 ? '+1' : ''}${area}${exchange}${line}`;
          expect(matches.map((m) => [m.originalValue, m.interpretedValue])).toEqual([[written, expected]]);
        },
      ),
    );
  });

  it('reads any 7 to 15 spoken digits', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const palabras = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 15 }), (spoken) => {
        expect(english.resolve(spoken.map((d) => words[d]).join(' '))?.interpretedValue).toBe(
          spoken.join(''),
        );
        expect(spanish.resolve(spoken.map((d) => palabras[d]).join(' '))?.interpretedValue).toBe(
          spoken.join(''),
        );
      }),
    );
  });
});
