import { withoutDiacritics } from '../../lex/nlu/text';
import { en } from '../../lex/slots/lang/en';
import { es } from '../../lex/slots/lang/es';
import type { LanguageTables } from '../../lex/slots/lang/types';
import type { ComposerLanguage } from './language';

/**
 * How long ago something happened, as a customer says it ("la compré hace como tres meses", "two weeks ago",
 * "ya pasó más de una hora"), and the time windows the passages give ("en un plazo de 30 días", "después de 60
 * minutos", "within 14 days"): a model reads "four months" against "30 days" without thinking; a word list
 * must be told. Lengths are in minutes, whole numbers, so an hour is exactly sixty of them.
 */
export interface Elapsed {
  minutes: number;
  /** "Más de una hora": past the length said, not at it. */
  beyond: boolean;
  /** The words that said it, lowercase without accents ("pasaron como tres horas"). */
  words: readonly string[];
}

export interface TimeWindow {
  minutes: number;
  /** Within the window ("en los 30 días siguientes") or after it ("después de 30 días"). */
  side: 'within' | 'after';
}

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  minuto: 1,
  minutos: 1,
  min: 1,
  minute: 1,
  minutes: 1,
  hora: 60,
  horas: 60,
  hour: 60,
  hours: 60,
  dia: 1440,
  dias: 1440,
  day: 1440,
  days: 1440,
  semana: 10080,
  semanas: 10080,
  week: 10080,
  weeks: 10080,
  mes: 43200,
  meses: 43200,
  month: 43200,
  months: 43200,
  ano: 525600,
  anos: 525600,
  year: 525600,
  years: 525600,
};

/** The slot resolver's number words (1 to 99), and the vague amounts people give a length in. */
const NUMBER_WORDS: Readonly<Record<ComposerLanguage, Readonly<Record<string, number>>>> = {
  es: numberWordsOf(es, { 'un par de': 2 }),
  en: numberWordsOf(en, { a: 1, an: 1, 'a couple of': 2, 'a couple': 2, 'a few': 3 }),
};

function numberWordsOf(
  tables: LanguageTables,
  vague: Readonly<Record<string, number>>,
): Readonly<Record<string, number>> {
  const { units, teens, tens } = tables.numbers;
  return Object.fromEntries(
    Object.entries({ ...units, ...teens, ...tens, ...vague }).map(([word, value]) => [
      withoutDiacritics(word),
      value,
    ]),
  );
}

const DAY = 1440;

/** Lengths said without a number, in days: "la semana pasada", "yesterday". */
const NAMED_LENGTHS: Readonly<Record<ComposerLanguage, Readonly<Record<string, number>>>> = {
  es: {
    ayer: 1,
    anoche: 1,
    antier: 2,
    'la semana pasada': 7,
    'el mes pasado': 30,
    'el ano pasado': 365,
    'al ano': 365,
  },
  en: { yesterday: 1, 'last night': 1, 'last week': 7, 'last month': 30, 'last year': 365 },
};

/** What comes before a length that says it has gone by, and what comes after it. */
const ELAPSED_BEFORE: Readonly<Record<ComposerLanguage, string>> = {
  es: '(?:ya )?(?:hace|desde hace|a los|a las|al|tras|pasaron|pasado|paso|pasados|van|llevo|lleva|llevan|tengo|tiene|tienen)',
  en: '(?:after|for|been|over|past)',
};
const ELAPSED_AFTER: Readonly<Record<ComposerLanguage, string>> = { es: '(?!)', en: '(?:ago|later)' };
const HEDGES: Readonly<Record<ComposerLanguage, string>> = {
  es: '(?:como|casi|unos|unas|ya|aproximadamente|mas de)',
  en: '(?:about|around|almost|nearly|like|over|more than)',
};
const BEYOND = /^(?:mas de|over|more than)$/u;

/** The windows passages give: "en un plazo de 30 días", "en los 30 días siguientes", "within 14 days"... */
const WITHIN: Readonly<Record<ComposerLanguage, string>> = {
  es: '(?:en un plazo de|en los primeros|en los|dentro de los|dentro de)',
  en: '(?:within|in the first)',
};
const AFTER: Readonly<Record<ComposerLanguage, string>> = { es: '(?:despues de|pasados)', en: '(?:after)' };

function plain(text: string): string {
  return withoutDiacritics(text.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ');
}

function numberPattern(language: ComposerLanguage): string {
  const words = Object.keys(NUMBER_WORDS[language]).sort((a, b) => b.length - a.length);
  return `(\\d+|${words.join('|')})`;
}

function unitPattern(): string {
  return `(${Object.keys(UNIT_MINUTES).join('|')})`;
}

function lengthOf(number: string, unit: string, language: ComposerLanguage): number | undefined {
  const count = /^\d+$/u.test(number) ? Number(number) : NUMBER_WORDS[language][number];
  const perUnit = UNIT_MINUTES[unit];
  // "Hace 0 días" says no length at all.
  return count === undefined || perUnit === undefined || count <= 0 ? undefined : count * perUnit;
}

/** Each language's patterns, built once: a composer reads every sentence of every passage with them. */
interface Patterns {
  elapsedBefore: RegExp;
  elapsedAfter: RegExp;
  windows: readonly (readonly ['within' | 'after', RegExp])[];
}

const PATTERNS: Readonly<Record<ComposerLanguage, Patterns>> = {
  es: patternsOf('es'),
  en: patternsOf('en'),
};

function patternsOf(language: ComposerLanguage): Patterns {
  const length = `${numberPattern(language)} ${unitPattern()}`;
  const hedged = `(?:(${HEDGES[language]}) )?${length}`;
  return {
    elapsedBefore: new RegExp(` ${ELAPSED_BEFORE[language]} ${hedged} `, 'u'),
    elapsedAfter: new RegExp(` ${hedged} ${ELAPSED_AFTER[language]} `, 'u'),
    windows: [
      ['after', new RegExp(` ${AFTER[language]} ${length} `, 'u')],
      ['within', new RegExp(` ${WITHIN[language]} ${length} `, 'u')],
    ],
  };
}

/** How long ago the customer says something happened, if they say it. */
export function elapsedIn(text: string, language: ComposerLanguage): Elapsed | undefined {
  const said = ` ${plain(text)} `;
  const { elapsedBefore, elapsedAfter } = PATTERNS[language];
  const match = elapsedBefore.exec(said) ?? elapsedAfter.exec(said);
  if (match) {
    const minutes = lengthOf(match[2] ?? '', match[3] ?? '', language);
    if (minutes !== undefined)
      return { minutes, beyond: BEYOND.test(match[1] ?? ''), words: match[0].trim().split(' ') };
  }
  for (const [name, days] of Object.entries(NAMED_LENGTHS[language])) {
    if (said.includes(` ${name} `)) return { minutes: days * DAY, beyond: false, words: name.split(' ') };
  }
  return undefined;
}

/** The time window a sentence gives, if it gives one. */
export function windowIn(sentence: string, language: ComposerLanguage): TimeWindow | undefined {
  const said = ` ${plain(sentence)} `;
  for (const [side, pattern] of PATTERNS[language].windows) {
    const match = pattern.exec(said);
    const minutes = match ? lengthOf(match[1] ?? '', match[2] ?? '', language) : undefined;
    if (minutes !== undefined) return { minutes, side };
  }
  return undefined;
}

/** Whether what happened that long ago falls in the window. */
export function fallsIn(elapsed: Elapsed, window: TimeWindow): boolean {
  const inside = elapsed.minutes < window.minutes || (elapsed.minutes === window.minutes && !elapsed.beyond);
  return window.side === 'within' ? inside : !inside;
}
