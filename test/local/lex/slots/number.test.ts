import fc from 'fast-check';
import { en } from '../../../../local/lex/slots/lang/en';
import { es } from '../../../../local/lex/slots/lang/es';
import { normalize } from '../../../../local/lex/slots/text';
import { expectWellFormedMatches, resolverFor } from './helpers';

const english = resolverFor('AMAZON.Number', 'en_US');
const spanish = resolverFor('AMAZON.Number', 'es_US');

describe('AMAZON.Number resolve', () => {
  it.each([
    ['10001', '10001'],
    ["it's 10001", '10001'],
    ['my order number is 12345 please', '12345'],
    ['ten thousand and one', '10001'],
    ['one hundred twenty three point four five', '123.45'],
    ['minus 15', '-15'],
    ['-15', '-15'],
    ['negative two', '-2'],
    ['one zero zero zero one', '10001'],
    ['nineteen eighty four', '1984'],
    ['twenty-three', '23'],
    ['a hundred and five', '105'],
    ['two million three hundred thousand', '2300000'],
    ['point five', '0.5'],
    ['10,001', '10001'],
    ['3.50', '3.5'],
    ['007', '7'],
    ['zero', '0'],
    ['one oh one', '101'],
  ])('en %j -> %s', (input, expected) => {
    expect(english.resolve(input)?.interpretedValue).toBe(expected);
  });

  it.each([
    ['diez mil uno', '10001'],
    ['veintitrés', '23'],
    ['veintitres', '23'],
    ['uno cero cero cero uno', '10001'],
    ['el 10001 por favor', '10001'],
    ['ciento veintitrés coma cuatro cinco', '123.45'],
    ['menos quince', '-15'],
    ['treinta y dos', '32'],
    ['un millón doscientos mil', '1200000'],
    ['veintiún mil', '21000'],
    ['cien', '100'],
    ['mil novecientos ochenta y cuatro', '1984'],
    ['es el cuarenta y dos', '42'],
  ])('es %j -> %s', (input, expected) => {
    expect(spanish.resolve(input)?.interpretedValue).toBe(expected);
  });

  it('reports the number as the original value, without the words around it', () => {
    expect(english.resolve('the number is ten thousand and one please')).toEqual({
      originalValue: 'ten thousand and one',
      interpretedValue: '10001',
      resolvedValues: ['10001'],
    });
  });

  it.each(['no idea', 'hello', '', '   ', 'oh', 'minus', '3pm', '5th'])('finds no number in %j', (input) => {
    expect(english.resolve(input)).toBeUndefined();
  });

  it('keeps "and" between two numbers as a separator', () => {
    expect(english.find('between one and two').map((m) => m.interpretedValue)).toEqual(['1', '2']);
    expect(spanish.find('dos y tres').map((m) => m.interpretedValue)).toEqual(['2', '3']);
  });
});

const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

interface EnglishStyle {
  and: boolean;
  hyphen: boolean;
}

function englishBelow100(n: number, style: EnglishStyle): string {
  if (n < 20) return EN_ONES[n]!;
  const unit = n % 10;
  return unit === 0
    ? EN_TENS[n / 10]!
    : `${EN_TENS[Math.floor(n / 10)]}${style.hyphen ? '-' : ' '}${EN_ONES[unit]}`;
}

function englishBelow1000(n: number, style: EnglishStyle): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return englishBelow100(rest, style);
  const head = `${EN_ONES[hundreds]} hundred`;
  return rest === 0 ? head : `${head}${style.and ? ' and ' : ' '}${englishBelow100(rest, style)}`;
}

/** An independent speller for the round-trip property ("ten thousand and one", "nine hundred ninety-nine"). */
function spellEnglish(n: number, style: EnglishStyle): string {
  if (n === 0) return 'zero';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (thousands > 0) parts.push(`${englishBelow1000(thousands, style)} thousand`);
  if (rest > 0) {
    const joiner = thousands > 0 && rest < 100 && style.and ? 'and ' : '';
    parts.push(joiner + englishBelow1000(rest, style));
  }
  return parts.join(' ');
}

const ES_UNITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
const ES_10_TO_29 = [
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const ES_HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

/** `beforeThousand`: "uno" shortens to "un" in "un mil"-style positions ("veintiún mil", "treinta y un mil"). */
function spanishBelow100(n: number, beforeThousand: boolean): string {
  if (n < 10) return n === 1 && beforeThousand ? 'un' : ES_UNITS[n]!;
  if (n < 30) return n === 21 && beforeThousand ? 'veintiún' : ES_10_TO_29[n - 10]!;
  const unit = n % 10;
  const tens = ES_TENS[Math.floor(n / 10)]!;
  if (unit === 0) return tens;
  return `${tens} y ${unit === 1 && beforeThousand ? 'un' : ES_UNITS[unit]}`;
}

function spanishBelow1000(n: number, beforeThousand: boolean): string {
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts = hundreds > 0 ? [ES_HUNDREDS[hundreds]!] : [];
  if (rest > 0) parts.push(spanishBelow100(rest, beforeThousand));
  return parts.join(' ');
}

function spellSpanish(n: number): string {
  if (n === 0) return 'cero';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (thousands === 1) parts.push('mil');
  else if (thousands > 1) parts.push(`${spanishBelow1000(thousands, true)} mil`);
  if (rest > 0) parts.push(spanishBelow1000(rest, false));
  return parts.join(' ');
}

describe('AMAZON.Number properties', () => {
  it('spellers used below agree with known spellings', () => {
    expect(spellEnglish(10001, { and: true, hyphen: false })).toBe('ten thousand and one');
    expect(spellEnglish(999999, { and: false, hyphen: true })).toBe(
      'nine hundred ninety-nine thousand nine hundred ninety-nine',
    );
    expect(spellSpanish(21001)).toBe('veintiún mil uno');
    expect(spellSpanish(100100)).toBe('cien mil cien');
  });

  it('round-trips any integer 0..999999 spelled in English', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999999 }), fc.boolean(), fc.boolean(), (n, and, hyphen) => {
        expect(english.resolve(spellEnglish(n, { and, hyphen }))?.interpretedValue).toBe(String(n));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any integer 0..999999 spelled in Spanish', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999999 }), (n) => {
        expect(spanish.resolve(spellSpanish(n))?.interpretedValue).toBe(String(n));
      }),
      { numRuns: 300 },
    );
  });

  const numberVocabulary = new Set(
    [en, es].flatMap(({ numbers }) =>
      [
        ...numbers.zero,
        ...Object.keys(numbers.units),
        ...Object.keys(numbers.teens),
        ...Object.keys(numbers.tens),
        ...numbers.hundredMultiplier,
        ...Object.keys(numbers.hundreds),
        ...Object.keys(numbers.scales),
        ...numbers.decimalPoint,
        ...numbers.negative,
        ...Object.keys(numbers.digitOnly),
      ].map(normalize),
    ),
  );
  const noiseWord = fc.stringMatching(/^[a-z]{1,8}$/).filter((w) => !numberVocabulary.has(w));

  it.each([
    ['en_US', english],
    ['es_US', spanish],
  ])('%s: finds digits inside arbitrary words, with exact spans', (_locale, resolver) => {
    fc.assert(
      fc.property(
        fc.array(noiseWord, { maxLength: 5 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.array(noiseWord, { maxLength: 5 }),
        (before, n, after) => {
          const prefix = before.length > 0 ? `${before.join(' ')} ` : '';
          const utterance = `${prefix}${n}${after.length > 0 ? ` ${after.join(' ')}` : ''}`;
          const matches = resolver.find(utterance);
          expectWellFormedMatches(utterance, matches);
          expect(matches).toEqual([
            {
              originalValue: String(n),
              interpretedValue: String(n),
              resolvedValues: [String(n)],
              start: prefix.length,
              end: prefix.length + String(n).length,
            },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
