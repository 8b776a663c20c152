/**
 * The words callers use when they say an address or a number out loud, in English and Spanish, as speech
 * recognition writes them ("jorge dot ramirez at gmail dot com", "cinco cinco, doce, treinta y cuatro").
 * Compared folded: lowercase, without accents, so "guión" and "guion", "veintitrés" and "veintitres" are one.
 */

/** Lowercase without accents: how every word here is compared. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII, which has no accents to take off; normalizing every word costs more than the rest.
  return /^[\x20-\x7e]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
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

/** Words whose place in the list is their value, counting from `first` in steps of `step`. */
function byPlace(words: string, first: number, step = 1): Map<string, string> {
  return new Map(words.split(' ').map((word, place) => [word, String(first + place * step)]));
}

const DIGITS = new Map([
  ...byPlace('zero one two three four five six seven eight nine', 0),
  ...byPlace('cero uno dos tres cuatro cinco seis siete ocho nueve', 0),
  ['oh', '0'],
]);

const NUMBERS = new Map([
  ...byPlace('ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen', 10),
  ...byPlace('diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve', 10),
  ...byPlace(
    'veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve',
    21,
  ),
  ...byPlace(
    'cien doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos',
    100,
    100,
  ),
  ['veintiun', '21'],
  ['veintiuna', '21'],
]);

const ENGLISH_TENS = new Map([
  ...byPlace('twenty thirty forty fifty sixty seventy eighty ninety', 20, 10),
  ['fourty', '40'],
]);
const SPANISH_TENS = byPlace('veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa', 20, 10);

const REPEATS = new Map([
  ['double', 2],
  ['triple', 3],
  ['doble', 2],
]);

/** What a (folded) word says as a number, if it says one. */
export function numberWord(folded: string): NumberWord | undefined {
  const digit = DIGITS.get(folded);
  if (digit !== undefined) return { kind: 'digit', digits: digit };
  const number = NUMBERS.get(folded);
  if (number !== undefined) return { kind: 'number', digits: number };
  const englishTens = ENGLISH_TENS.get(folded);
  if (englishTens !== undefined) return { kind: 'tens', digits: englishTens };
  const spanishTens = SPANISH_TENS.get(folded);
  if (spanishTens !== undefined) return { kind: 'tens', digits: spanishTens, joiner: 'y' };
  const times = REPEATS.get(folded);
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
export const ADDRESS_LEAD_INS: ReadonlySet<string> = new Set(
  [
    "address and are at be but by can contact could e-mail email for from hello her here hi his in is it its it's",
    'mail me mine my new no number of ok okay on or our personal please reach send so thanks that the their this',
    'to try us use was with work would write yes you your',
    'al aqui bueno con contactar contactarme correo de del direccion el electronico enviame enviar es escribame',
    'escribeme escribir escribirme esta favor gracias hola la las le lo los mandame mandar mi mis nuevo numero',
    'para pero podria por puede que seria si su sus trabajo tu un una vale',
  ]
    .join(' ')
    .split(' '),
);
