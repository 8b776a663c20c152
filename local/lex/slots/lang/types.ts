/** Word tables for one language. Entries are written as people spell them; matching ignores case and accents. */
export interface LanguageTables {
  numbers: NumberVocabulary;
  time: TimeVocabulary;
  dates: DateVocabulary;
  confirmation: Record<ConfirmationValue, string[]>;
  email: EmailVocabulary;
  /** Spoken "+" in front of a phone number. */
  phonePlus: string[];
  fillers: FillerVocabulary;
}

export type ConfirmationValue = 'Yes' | 'No' | 'Maybe' | "Don't know";

export interface NumberVocabulary {
  zero: string[];
  /** 1..9 */
  units: Record<string, number>;
  /** Whole two-digit words that no unit may follow: "twelve", "diecisiete", "veintitrés". */
  teens: Record<string, number>;
  /** Multiples of ten that a unit may follow: "twenty" (-one), "treinta" (y uno). */
  tens: Record<string, number>;
  /** Words that multiply what precedes them by 100 ("two hundred"). */
  hundredMultiplier: string[];
  /** Words that are themselves a number of hundreds ("doscientos"). */
  hundreds: Record<string, number>;
  scales: Record<string, number>;
  /**
   * "and"/"y" inside a number. `afterHundredOrScale`: "one hundred and five", "ten thousand and one" (English);
   * `betweenTensAndUnit`: "treinta y dos" (Spanish).
   */
  connector: { words: string[]; joins: 'afterHundredOrScale' | 'betweenTensAndUnit' };
  decimalPoint: string[];
  negative: string[];
  /** "a" in "a hundred", "a thousand". */
  indefiniteOne: string[];
  /** Words that are a digit only inside a digit string ("one oh one"), never a number on their own. */
  digitOnly: Record<string, number>;
}

export type DayPart = 'morning' | 'afternoon' | 'evening' | 'night' | 'earlyHours' | 'midday';

export interface TimeVocabulary {
  /** Words before a time that mark it as one ("at", "a las"); not part of the value. */
  leadIns: string[];
  oClock: string[];
  am: string[];
  pm: string[];
  /** Phrases after a time that fix its half of the day ("in the evening", "de la tarde"). */
  dayParts: Record<string, DayPart>;
  noon: string[];
  midnight: string[];
  /** English "<minutes> past <hour>" / "<minutes> to <hour>". */
  minutesPast: string[];
  minutesTo: string[];
  /** Spanish "<hour> y <minutes>" / "<hour> menos <minutes>". */
  hourPlus: string[];
  hourMinus: string[];
  quarter: string[];
  half: string[];
  /** "minutes" after a minute count ("ten minutes past nine"). */
  minuteWords: string[];
}

export interface DateVocabulary {
  /** Periods Lex turns into one day: future ones into their last day, current or past ones into their first. */
  periods: Record<string, { unit: 'week' | 'month' | 'year'; offset: -1 | 0 | 1 }>;
  /** Day offsets chrono gets wrong in this language ("pasado mañana" is read as "mañana"). */
  relativeDays: Record<string, number>;
  /** Whether to write number words as digits before chrono reads the text ("tres de diciembre"). */
  digitizeNumberWords: boolean;
}

export interface EmailVocabulary {
  at: string[];
  dot: string[];
  underscore: string[];
  dash: string[];
  plus: string[];
}

export interface FillerVocabulary {
  /** Phrases that may open an answer without being part of it ("well", "it's", "the", "mi correo es"). */
  leading: string[];
  /** Phrases that may close an answer ("please", "por favor"). */
  trailing: string[];
  /** Verbs that end a short lead-in such as "my order number is" / "mi número es". */
  copulas: string[];
}
