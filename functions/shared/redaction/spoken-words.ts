/**
 * The words callers use when they say an address or a number out loud, in English and Spanish, as speech
 * recognition writes them ("jorge dot ramirez at gmail dot com", "cinco cinco, doce, treinta y cuatro").
 * Compared folded: lowercase, without accents, so "guión" and "guion", "veintitrés" and "veintitres" are one.
 */

/** Lowercase without accents: how every word here is compared. */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

export type NumberWord =
  /** One digit: "five", "cinco", "oh". */
  | { kind: 'digit'; digits: string }
  /** A whole number of its own: "twelve", "doce", "veintidós", "quinientos". */
  | { kind: 'number'; digits: string }
  /**
   * A multiple of ten that a digit can follow: straight after it in English ("fifty five"), after `joiner` in
   * Spanish ("cincuenta y cinco"; "veinte uno" is two numbers).
   */
  | { kind: 'tens'; digits: string; joiner?: string }
  /** Says the next digit again: "double five" is 55. */
  | { kind: 'repeat'; times: number }
  /** Follows a digit: "eight hundred" is 800. */
  | { kind: 'hundred' };

const DIGITS: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  cero: '0',
  uno: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
};

const NUMBERS: Record<string, string> = {
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  diez: '10',
  once: '11',
  doce: '12',
  trece: '13',
  catorce: '14',
  quince: '15',
  dieciseis: '16',
  diecisiete: '17',
  dieciocho: '18',
  diecinueve: '19',
  veintiuno: '21',
  veintiun: '21',
  veintiuna: '21',
  veintidos: '22',
  veintitres: '23',
  veinticuatro: '24',
  veinticinco: '25',
  veintiseis: '26',
  veintisiete: '27',
  veintiocho: '28',
  veintinueve: '29',
  cien: '100',
  doscientos: '200',
  trescientos: '300',
  cuatrocientos: '400',
  quinientos: '500',
  seiscientos: '600',
  setecientos: '700',
  ochocientos: '800',
  novecientos: '900',
};

const ENGLISH_TENS: Record<string, string> = {
  twenty: '20',
  thirty: '30',
  forty: '40',
  fourty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
};

const SPANISH_TENS: Record<string, string> = {
  veinte: '20',
  treinta: '30',
  cuarenta: '40',
  cincuenta: '50',
  sesenta: '60',
  setenta: '70',
  ochenta: '80',
  noventa: '90',
};

const REPEATS: Record<string, number> = { double: 2, triple: 3, doble: 2 };

/** What a (folded) word says as a number, if it says one. */
export function numberWord(folded: string): NumberWord | undefined {
  const digit = DIGITS[folded];
  if (digit !== undefined) return { kind: 'digit', digits: digit };
  const number = NUMBERS[folded];
  if (number !== undefined) return { kind: 'number', digits: number };
  const englishTens = ENGLISH_TENS[folded];
  if (englishTens !== undefined) return { kind: 'tens', digits: englishTens };
  const spanishTens = SPANISH_TENS[folded];
  if (spanishTens !== undefined) return { kind: 'tens', digits: spanishTens, joiner: 'y' };
  const times = REPEATS[folded];
  if (times !== undefined) return { kind: 'repeat', times };
  return folded === 'hundred' ? { kind: 'hundred' } : undefined;
}

/** How the characters of an address are said; two-word names are written with one space. */
export const SPOKEN_ADDRESS_SIGNS: Readonly<Record<string, '@' | '.' | '_' | '-' | '+'>> = {
  at: '@',
  arroba: '@',
  dot: '.',
  period: '.',
  punto: '.',
  underscore: '_',
  'under score': '_',
  'guion bajo': '_',
  'barra baja': '_',
  subrayado: '_',
  dash: '-',
  hyphen: '-',
  guion: '-',
  plus: '+',
  mas: '+',
};

/**
 * Words that introduce an address rather than belong to it ("my email is", "mi correo es"): the search for
 * the start of a spoken address stops at them, so the sentence around it stays.
 */
export const ADDRESS_LEAD_INS: ReadonlySet<string> = new Set([
  'address',
  'and',
  'are',
  'at',
  'be',
  'but',
  'by',
  'can',
  'contact',
  'could',
  'e-mail',
  'email',
  'for',
  'from',
  'hello',
  'her',
  'here',
  'hi',
  'his',
  'in',
  'is',
  'it',
  'its',
  "it's",
  'mail',
  'me',
  'mine',
  'my',
  'new',
  'no',
  'number',
  'of',
  'ok',
  'okay',
  'on',
  'or',
  'our',
  'personal',
  'please',
  'reach',
  'send',
  'so',
  'thanks',
  'that',
  'the',
  'their',
  'this',
  'to',
  'try',
  'us',
  'use',
  'was',
  'with',
  'work',
  'would',
  'write',
  'yes',
  'you',
  'your',

  'al',
  'aqui',
  'bueno',
  'con',
  'contactar',
  'contactarme',
  'correo',
  'de',
  'del',
  'direccion',
  'el',
  'electronico',
  'enviame',
  'enviar',
  'es',
  'escribame',
  'escribeme',
  'escribir',
  'escribirme',
  'esta',
  'favor',
  'gracias',
  'hola',
  'la',
  'las',
  'le',
  'lo',
  'los',
  'mandame',
  'mandar',
  'mi',
  'mis',
  'nuevo',
  'numero',
  'para',
  'pero',
  'podria',
  'por',
  'puede',
  'que',
  'seria',
  'si',
  'su',
  'sus',
  'trabajo',
  'tu',
  'un',
  'una',
  'vale',
]);
