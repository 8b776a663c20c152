import fc from 'fast-check';
import { compileRegexFilter } from '../../../../local/lex/slots/alphanumeric';
import { en } from '../../../../local/lex/slots/lang/en';
import { resolverFor } from './helpers';

const ORDER_ID = {
  Name: 'OrderId',
  ParentSlotTypeSignature: 'AMAZON.AlphaNumeric',
  ValueSelectionSetting: {
    ResolutionStrategy: 'ORIGINAL_VALUE' as const,
    RegexFilter: { Pattern: '[A-Z]{3}[0-9]{4}' },
  },
};

const english = resolverFor('AMAZON.AlphaNumeric', 'en_US');
const spanish = resolverFor('AMAZON.AlphaNumeric', 'es_US');
const orderId = resolverFor('OrderId', 'en_US', { slotTypes: [ORDER_ID] });

describe('AMAZON.AlphaNumeric', () => {
  it.each([
    ['APQ123', 'APQ123'],
    ["it's ab12cd", 'ab12cd'],
    ['my order number is AB 1234', 'AB1234'],
    ['a b c 1 2 3', 'abc123'],
    ['A B one two three', 'AB123'],
    ['AB-1234 please', 'AB1234'],
    ['hello', 'hello'],
    ['the code is 90210', '90210'],
  ])('en %j -> %s', (input, expected) => {
    expect(english.resolve(input)?.interpretedValue).toBe(expected);
  });

  it.each([
    ['mi código es AB 1234', 'AB1234'],
    ['es el X Y uno dos', 'XY12'],
    ['el 90210 por favor', '90210'],
  ])('es %j -> %s', (input, expected) => {
    expect(spanish.resolve(input)?.interpretedValue).toBe(expected);
  });

  it('reports the answer without its lead-in as the original value', () => {
    expect(english.resolve('my code is AB 1234 please')).toEqual({
      originalValue: 'AB 1234',
      interpretedValue: 'AB1234',
      resolvedValues: ['AB1234'],
    });
  });

  it.each(['cancel my order', "I don't know what you mean", '', 'código ñandú'])(
    'resolves no value from %j',
    (input) => {
      expect(english.resolve(input)).toBeUndefined();
    },
  );

  it('finds only words with a digit inside a sentence', () => {
    expect(english.find('order ab12 and cd34 please').map((m) => m.originalValue)).toEqual(['ab12', 'cd34']);
  });

  describe('custom type with a RegexFilter', () => {
    it.each([
      ['ABC1234', 'ABC1234'],
      ['abc1234', 'ABC1234'],
      ['my order is ABC1234 please', 'ABC1234'],
      ['a b c one two three four', 'ABC1234'],
    ])('%j -> %s', (input, expected) => {
      expect(orderId.resolve(input)?.interpretedValue).toBe(expected);
    });

    it.each(['AB1234', 'ABCD1234', 'ABC123', 'hello'])('rejects %j', (input) => {
      expect(orderId.resolve(input)).toBeUndefined();
    });

    it('finds matching words inside a sentence', () => {
      expect(orderId.find('orders ABC1234 and XY12 and def5678').map((m) => m.interpretedValue)).toEqual([
        'ABC1234',
        'DEF5678',
      ]);
    });

    it('keeps the slot type name on the resolver', () => {
      expect(orderId.slotTypeName).toBe('OrderId');
    });
  });

  describe('RegexFilter checks (Lex rejects these at build time)', () => {
    it.each([
      ['[A-Z]+', /infinite repeater/],
      ['[0-9]*', /infinite repeater/],
      ['[0-9]{2,}', /infinite repeater/],
      ['A.B', /wildcard/],
      ['[A-Z', /not a valid regular expression/],
    ])('rejects %j naming the slot type', (pattern, reason) => {
      expect(() => compileRegexFilter('OrderId', pattern)).toThrow(reason);
      expect(() => compileRegexFilter('OrderId', pattern)).toThrow('slot type "OrderId"');
    });

    it.each(['[A-Z]{3}[0-9]{1,4}', '[.]{2}', 'CP[0-9]{9}US', '\\u0041[0-9]?', '\\+1'])(
      'accepts %j',
      (pattern) => {
        expect(() => compileRegexFilter('OrderId', pattern)).not.toThrow();
      },
    );
  });
});

describe('AMAZON.AlphaNumeric properties', () => {
  const DIGIT_WORDS = new Map<string, string>([
    ...en.numbers.zero.map((word) => [word, '0'] as const),
    ...Object.entries({ ...en.numbers.units, ...en.numbers.digitOnly }).map(
      ([word, digit]) => [word, String(digit)] as const,
    ),
  ]);

  it('keeps a code whose letters look like a filler word ("Oh0", found by the property below)', () => {
    expect(english.resolve('my code is Oh0')?.interpretedValue).toBe('Oh0');
    expect(english.resolve('oh it is AB12')?.interpretedValue).toBe('AB12');
  });

  it('reads a code typed as one word whole, though it ends in a closing filler or starts with a copula', () => {
    expect(english.resolve('my code is 0ok')?.interpretedValue).toBe('0ok');
    expect(english.resolve('my code is AB12please')?.interpretedValue).toBe('AB12please');
    expect(english.resolve('my code is be9')?.interpretedValue).toBe('be9');
    expect(english.resolve('my code is AB12 please')?.interpretedValue).toBe('AB12');
  });

  it('reads a lone digit word as its digit, as callers say digits', () => {
    expect(english.resolve('my code is one')?.interpretedValue).toBe('1');
    expect(english.resolve('my code is oh')?.interpretedValue).toBe('0');
  });

  it('reads any code typed or spelled letter by letter', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), fc.boolean(), (code, spelled) => {
        const said = spelled ? [...code].join(' ') : code;
        // A code that is itself one digit word ("oh", "One") is read as that digit, as the test above says.
        const expected = spelled ? code : (DIGIT_WORDS.get(code.toLowerCase()) ?? code);
        expect(english.resolve(`my code is ${said}`)?.interpretedValue).toBe(expected);
      }),
    );
  });
});
