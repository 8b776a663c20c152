import fc from 'fast-check';
import {
  ADDRESS_LEAD_INS,
  foldWord,
  numberWord,
  SPOKEN_ADDRESS_SIGNS,
} from '../../../../functions/shared/redaction/spoken-words';
import { en } from '../../../../local/lex/slots/lang/en';
import { es } from '../../../../local/lex/slots/lang/es';
import type { LanguageTables } from '../../../../local/lex/slots/lang/types';

/**
 * Generated personal data as customers write and say it, in English and Spanish, inside generated
 * sentences; and ordinary sentences with the numbers a support conversation needs and no personal data.
 * Said words come from the local Lex emulator's tables (what it resolves email and number slots from), not
 * from the redaction's own lists, so a word the emulator knows and the redaction does not shows up here.
 */

export type Language = 'en' | 'es';
export const language = fc.constantFrom<Language>('en', 'es');

/** Words around the personal data: ordinary words of both languages, none a number or a sign of an address. */
const FRAME_WORDS = {
  en: [
    'please',
    'thanks',
    'hello',
    'my',
    'email',
    'is',
    'you',
    'can',
    'write',
    'to',
    'call',
    'me',
    'number',
    'card',
    'okay',
    'so',
    'yes',
    'the',
    'new',
  ],
  es: [
    'por',
    'favor',
    'gracias',
    'hola',
    'mi',
    'correo',
    'es',
    'puede',
    'escribirme',
    'a',
    'llámeme',
    'al',
    'número',
    'tarjeta',
    'vale',
    'sí',
    'el',
    'nuevo',
    '¿',
    '?',
    ',',
  ],
} as const;
export const FRAME_VOCABULARY: ReadonlySet<string> = new Set([...FRAME_WORDS.en, ...FRAME_WORDS.es]);

export const frame = (lang: Language) =>
  fc.array(fc.constantFrom(...FRAME_WORDS[lang]), { maxLength: 6 }).map((words) => words.join(' '));

/** A part of an address: random letters that are no word the sentence or the redaction gives meaning to. */
const addressPart = fc
  .stringMatching(/^[a-z]{3,9}$/)
  .filter(
    (word) =>
      !FRAME_VOCABULARY.has(word) &&
      !ADDRESS_LEAD_INS.has(word) &&
      SPOKEN_ADDRESS_SIGNS[word] === undefined &&
      numberWord(foldWord(word)) === undefined &&
      !['bajo', 'baja', 'barra'].includes(word),
  );

const TABLES: Record<Language, LanguageTables> = { en, es };

/** Each value's words: index 0 is zero. Articles ("un", "una") are no way to read a digit out. */
function digitWords(lang: Language): string[][] {
  const { zero, units, digitOnly } = TABLES[lang].numbers;
  const words: string[][] = [[...zero, ...Object.keys(digitOnly)]];
  for (const [word, value] of Object.entries(units))
    if (!['un', 'una', 'a'].includes(word)) (words[value] ??= []).push(word);
  return words;
}
const DIGIT_WORDS = { en: digitWords('en'), es: digitWords('es') };

const sayDigit = (lang: Language, digit: number, pick: number) => {
  const words = DIGIT_WORDS[lang][digit] ?? [];
  return words[pick % words.length] ?? '';
};

export interface GeneratedEmail {
  /** As the sentence has it. */
  text: string;
  /** The letters and digits that would identify the customer. */
  parts: string[];
}

/**
 * An address written ("ana.perez@correo.mx"), said ("ana punto perez arroba correo punto mx", "j o r g e at
 * ..."), or half and half, with digits at the end of a part said as digit words.
 */
export const email = (lang: Language): fc.Arbitrary<GeneratedEmail> =>
  fc
    .record({
      local: fc.array(
        fc.record({
          word: addressPart,
          digits: fc.option(fc.stringMatching(/^[0-9]{1,3}$/), { nil: undefined }),
          spelled: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      joins: fc.array(fc.constantFrom('.', '_', '-'), { minLength: 2, maxLength: 2 }),
      domain: fc.array(addressPart, { minLength: 1, maxLength: 2 }),
      topLevel: fc.constantFrom('com', 'mx', 'net', 'org', 'es', 'co'),
      localSaid: fc.boolean(),
      domainSaid: fc.boolean(),
      pick: fc.nat(),
    })
    .map(({ local, joins, domain, topLevel, localSaid, domainSaid, pick }) => {
      const signs = TABLES[lang].email;
      const names = { '@': signs.at, '.': signs.dot, _: signs.underscore, '-': signs.dash };
      const say = (sign: '@' | '.' | '_' | '-') => ` ${names[sign][pick % names[sign].length] ?? ''} `;
      const localText = local
        .map((part, index) => {
          const join = index === 0 ? '' : (joins[index - 1] ?? '.');
          const sign = join === '' ? '' : localSaid ? say(join as '.' | '_' | '-') : join;
          const digits = part.digits ?? '';
          if (!localSaid) return `${sign}${part.word}${digits}`;
          const word = part.spelled ? [...part.word].join(' ') : part.word;
          const saidDigits = [...digits].map((digit) => sayDigit(lang, Number(digit), pick));
          return `${sign}${[word, ...saidDigits].join(' ')}`;
        })
        .join('');
      const domainText = [...domain, topLevel].join(domainSaid ? say('.') : '.');
      const at = localSaid || domainSaid ? say('@') : '@';
      return {
        text: `${localText}${at}${domainText}`,
        parts: [...local.map((part) => part.word + (part.digits ?? '')), ...domain],
      };
    });

const digitString = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/**
 * `digits` said one by one, in pairs ("fifty five", "cincuenta y cinco"), or with "double". A round English
 * tens before another word gets a comma, as a caller pauses there: "twenty one" is 21, "twenty, one" 201.
 */
function say(digits: string, lang: Language, style: number, pauses: readonly string[]): string {
  let said = '';
  let pauseBefore = '';
  let index = 0;
  while (index < digits.length) {
    const digit = Number(digits[index]);
    const next = digits[index + 1];
    let word: string;
    if (style % 3 === 1 && next !== undefined && digit !== 0) {
      word = pair(digit, Number(next), lang, style);
      index += 2;
    } else if (style % 3 === 2 && next === digits[index] && lang === 'en') {
      word = `double ${sayDigit(lang, digit, style)}`;
      index += 2;
    } else {
      word = sayDigit(lang, digit, style);
      index += 1;
    }
    said += pauseBefore + word;
    const roundEnglishTens = lang === 'en' && style % 3 === 1 && next === '0' && word !== 'ten';
    pauseBefore = roundEnglishTens ? ', ' : (pauses[index % pauses.length] ?? ' ');
  }
  return said;
}

/** 10 to 99 in words: a whole word where the language has one ("twelve", "veintidós"), else tens and unit. */
function pair(tens: number, units: number, lang: Language, pick: number): string {
  const { teens, tens: tensWords, connector } = TABLES[lang].numbers;
  const wordFor = (table: Record<string, number>, value: number) => {
    const words = Object.keys(table).filter((word) => table[word] === value);
    return words[pick % words.length];
  };
  const whole = wordFor(teens, tens * 10 + units);
  if (whole) return whole;
  const round = wordFor(tensWords, tens * 10) ?? '';
  if (units === 0) return round;
  const join = connector.joins === 'betweenTensAndUnit' ? ` ${connector.words[0]} ` : ' ';
  return `${round}${join}${sayDigit(lang, units, pick)}`;
}

/** Digits written in groups, with the separators people type. */
function written(digits: string, sizes: readonly number[], separators: readonly string[]): string {
  const groups: string[] = [];
  let rest = digits;
  for (const size of sizes) {
    if (!rest) break;
    groups.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  if (rest) groups.push(rest);
  return groups
    .map((group, index) => (index === 0 ? group : `${separators[index % separators.length] ?? ' '}${group}`))
    .join('');
}

export interface GeneratedNumber {
  text: string;
  digits: string;
}

const numberAs = (lang: Language, digits: fc.Arbitrary<string>) =>
  fc
    .record({
      digits,
      said: fc.boolean(),
      style: fc.nat(),
      pauses: fc.array(fc.constantFrom(' ', ', ', ' - ', '-'), { minLength: 1, maxLength: 3 }),
      sizes: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }),
      separators: fc.array(fc.constantFrom(' ', '-', '.', '', '  ', ' - '), { minLength: 1, maxLength: 3 }),
    })
    .map(({ digits: number, said, style, pauses, sizes, separators }) => ({
      digits: number,
      text: said ? say(number, lang, style, pauses) : written(number, sizes, separators),
    }));

/** Written as a calendar date is written: kept by design, so no phone or card may be written so. */
const DATE_SHAPED = /^(?:\d{4}([./-])\d{1,2}\1\d{1,2}|\d{1,2}([./-])\d{1,2}\2\d{4})$/;

/** A phone number of 7 to 15 digits, written with or without "+" and parentheses, or said. */
export const phone = (lang: Language): fc.Arbitrary<GeneratedNumber> =>
  fc
    .tuple(numberAs(lang, digitString(7, 15)), fc.constantFrom('', '+', '('))
    .map(([number, prefix]) => {
      if (prefix === '' || !/^\d/.test(number.text)) return number;
      if (prefix === '+') return { ...number, text: `+${number.text}` };
      return { ...number, text: number.text.replace(/^(\d{1,3})/, '($1)') };
    })
    .filter((number) => !DATE_SHAPED.test(number.text));

/** A card number of 13 to 19 digits, whether or not it passes the check digit. */
export const card = (lang: Language): fc.Arbitrary<GeneratedNumber> => numberAs(lang, digitString(13, 19));

/** Ordinary support sentences: order numbers, amounts, times, dates and counts, and no personal data. */
const CLAUSES = {
  en: [
    (n: Filler) => `where is order ${n.order}`,
    (n: Filler) => `I bought ${n.count} shirts`,
    (n: Filler) => `I bought ${n.countWord} shirts`,
    (n: Filler) => `it cost $${n.price}`,
    (n: Filler) => `the store opens at ${n.time}`,
    (n: Filler) => `see you at ${n.countWord} o'clock`,
    (n: Filler) => `I ordered it on ${n.date}`,
    () => 'we will be at the mall',
    () => 'it arrived right on the dot',
    () => 'can you ship to Canada?',
    (n: Filler) => `order ${n.order} and order ${n.order}`,
    () => 'thanks, that is all',
  ],
  es: [
    (n: Filler) => `dónde está mi pedido ${n.order}`,
    (n: Filler) => `compré ${n.count} camisas`,
    (n: Filler) => `compré ${n.countWordEs} camisas`,
    (n: Filler) => `costó $${n.price}`,
    (n: Filler) => `abren a las ${n.countWordEs} en punto`,
    (n: Filler) => `nos vemos a las ${n.time}`,
    (n: Filler) => `lo pedí el ${n.date}`,
    () => '¿hacen envíos a México?',
    (n: Filler) => `tengo ${n.countWordEs} hijos y ${n.countWordEs} perros`,
    () => 'gracias, eso es todo',
  ],
};

interface Filler {
  order: string;
  count: string;
  countWord: string;
  countWordEs: string;
  price: string;
  time: string;
  date: string;
}

const filler: fc.Arbitrary<Filler> = fc.record({
  order: digitString(5, 5),
  count: fc.integer({ min: 1, max: 999 }).map(String),
  countWord: fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.nat({ max: 9 }))
    .map(([tens, units]) => (tens === 1 ? sayDigit('en', units, 0) : pair(tens, units, 'en', 0))),
  countWordEs: fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.nat({ max: 9 }))
    .map(([tens, units]) => (tens === 1 ? sayDigit('es', units, 0) : pair(tens, units, 'es', 0))),
  price: fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 99 }))
    .map(([whole, cents]) => `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([hour, minute]) => `${hour}:${String(minute).padStart(2, '0')}`),
  date: fc
    .tuple(
      fc.integer({ min: 2000, max: 2099 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom('-', '/', '.'),
      fc.boolean(),
    )
    .map(([year, month, day, separator, yearFirst]) => {
      const parts = [String(month).padStart(2, '0'), String(day).padStart(2, '0')];
      return (yearFirst ? [year, ...parts] : [...parts.reverse(), year]).join(separator);
    }),
});

export const ordinarySentence = (lang: Language): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.constantFrom(...CLAUSES[lang]), filler, fc.constantFrom(', ', '. ', ' and ', '; ')), {
      minLength: 1,
      maxLength: 5,
    })
    .map((clauses) =>
      clauses
        .map(
          ([clause, values], index) => (index === 0 ? '' : (clauses[index - 1]?.[2] ?? ' ')) + clause(values),
        )
        .join(''),
    );

/** Each word of `text` that is not punctuation, in order. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
