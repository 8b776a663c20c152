import type { BotLocale, SlotType } from '../../bot-definitions/loader/schema';
import type { LanguageTables } from '../lex/slots/lang/types';
import { dayOrdinals, DIGIT_WORDS, TEEN_WORDS, TENS_WORDS } from './english-numbers';
import { ruleName, type Alternative, type GrammarRules } from './grammar-rules';
import { spokenWords } from './spoken-text';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS = [
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
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
/**
 * A spoken address is open vocabulary; a grammar can only offer single letters and digits, the common mail
 * domains and a few of the most common US given names and surnames, one word per dot-separated part (the way
 * the email resolver reads "john dot smith at example dot com"). Anything else needs text or DTMF.
 */
const EMAIL_WORDS = [
  'gmail',
  'yahoo',
  'hotmail',
  'outlook',
  'icloud',
  'aol',
  'mail',
  'example',
  'com',
  'net',
  'org',
  'edu',
  'john',
  'james',
  'robert',
  'michael',
  'david',
  'mary',
  'jennifer',
  'linda',
  'sarah',
  'ana',
  'maria',
  'smith',
  'johnson',
  'williams',
  'brown',
  'jones',
  'garcia',
  'miller',
  'davis',
];

const said = (text: string) => spokenWords(text).join(' ');
const phrase = (text: string): Alternative => ({ expansion: said(text), utterance: text });
const literal = (expansion: string): Alternative => ({ expansion, utterance: expansion });
/** A table phrase inside JSGF syntax; the phrase alone is what the dropped list names. */
const around = (text: string, expansion: (words: string) => string): Alternative => ({
  expansion: expansion(said(text)),
  utterance: text,
});
const oneOf = (words: readonly string[]) => `( ${words.join(' | ')} )`;

/** The rule for one slot type, or the reason a grammar cannot cover it. */
export type SlotTypeRule = { rule: string } | { unavailable: string };

/**
 * JSGF rules for the spoken forms of each slot type, following what the emulator's slot resolvers accept
 * (local/lex/slots/): digits one by one ("one two three four five", with "oh" for zero), dates by day name or
 * month and ordinal, times with "a m"/"p m", confirmation words from the locale's tables, custom values and
 * their synonyms. Helper rules are defined on first use so that a grammar carries only what its slots need.
 */
export class SlotRules {
  private readonly byType = new Map<string, SlotTypeRule>();

  constructor(
    private readonly rules: GrammarRules,
    private readonly locale: BotLocale,
    private readonly tables: LanguageTables,
  ) {}

  ruleFor(slotTypeName: string): SlotTypeRule {
    let rule = this.byType.get(slotTypeName);
    if (!rule) {
      rule = this.define(slotTypeName);
      this.byType.set(slotTypeName, rule);
    }
    return rule;
  }

  /** What a caller may say before a bare answer to this slot type's prompt ("at three p m", "on monday"). */
  leadInsFor(slotTypeName: string): string[] {
    if (slotTypeName === 'AMAZON.Time') return ['at', 'around'];
    if (slotTypeName === 'AMAZON.Date') return ['on'];
    return [];
  }

  private define(slotTypeName: string): SlotTypeRule {
    const defined = (name: string, ok: boolean): SlotTypeRule =>
      ok ? { rule: name } : { unavailable: `slot type ${slotTypeName} has no speakable values` };
    switch (slotTypeName) {
      case 'AMAZON.Number':
        return defined('builtin_Number', this.defineNumber());
      case 'AMAZON.PhoneNumber':
        return defined('builtin_PhoneNumber', this.definePhone());
      case 'AMAZON.AlphaNumeric':
        return defined('builtin_AlphaNumeric', this.defineAlphaNumeric());
      case 'AMAZON.Date':
        return defined('builtin_Date', this.defineDate());
      case 'AMAZON.Time':
        return defined('builtin_Time', this.defineTime());
      case 'AMAZON.Confirmation':
        return defined('builtin_Confirmation', this.defineConfirmation());
      case 'AMAZON.EmailAddress':
        return defined('builtin_EmailAddress', this.defineEmail());
      case 'AMAZON.FreeFormInput':
        return { unavailable: 'AMAZON.FreeFormInput takes any words, which a grammar cannot list' };
    }
    const custom = this.locale.SlotTypes?.find((slotType) => slotType.Name === slotTypeName);
    if (custom === undefined)
      return { unavailable: `slot type ${slotTypeName} is not defined in this locale` };
    const name = ruleName('custom', custom.Name);
    return defined(name, this.rules.define(name, `slot type ${custom.Name}`, customValues(custom)));
  }

  /** Defines a helper rule once; later calls only report whether it exists. */
  private helper(name: string, alternatives: () => Alternative[]): boolean {
    if (this.rules.has(name)) return true;
    return this.rules.define(name, 'built-in words', alternatives());
  }

  private digits(): boolean {
    this.helper('digit', () => [...DIGIT_WORDS, 'oh'].map(literal));
    return this.helper('digits', () => [literal('<digit>+')]);
  }

  /** 1..99, and "a hundred" up to "nine hundred and ninety nine". */
  private cardinal(): boolean {
    this.helper('unit', () => DIGIT_WORDS.slice(1).map(literal));
    this.helper('below_hundred', () => [
      literal('<unit>'),
      ...TEEN_WORDS.map(literal),
      literal(`${oneOf(TENS_WORDS)} [<unit>]`),
    ]);
    return this.helper('cardinal', () => [
      literal('<below_hundred>'),
      literal('( <unit> | a ) hundred [ [and] <below_hundred> ]'),
    ]);
  }

  private defineNumber(): boolean {
    this.digits();
    this.cardinal();
    return this.rules.define('builtin_Number', 'AMAZON.Number', [literal('<digits>'), literal('<cardinal>')]);
  }

  private definePhone(): boolean {
    this.digits();
    const plus = this.tables.phonePlus.map((word) => around(word, (words) => `${words} <digits>`));
    return this.rules.define('builtin_PhoneNumber', 'AMAZON.PhoneNumber', [literal('<digits>'), ...plus]);
  }

  private defineAlphaNumeric(): boolean {
    this.digits();
    this.helper('letter', () => LETTERS.map(literal));
    return this.rules.define('builtin_AlphaNumeric', 'AMAZON.AlphaNumeric', [
      literal('( <digit> | <letter> )+'),
    ]);
  }

  private defineDate(): boolean {
    this.helper('weekday', () => WEEKDAYS.map(literal));
    this.helper('month', () => MONTHS.map(literal));
    this.helper('day_of_month', () => dayOrdinals().map(literal));
    const periods = Object.keys(this.tables.dates.periods).map(phrase);
    return this.rules.define('builtin_Date', 'AMAZON.Date', [
      literal('today'),
      literal('tomorrow'),
      literal('the day after tomorrow'),
      literal('[ this | next | this coming ] <weekday>'),
      literal('<month> <day_of_month>'),
      literal('the <day_of_month> of <month>'),
      ...periods,
    ]);
  }

  private defineTime(): boolean {
    const { time } = this.tables;
    this.cardinal();
    this.helper('hour', () => [...DIGIT_WORDS.slice(1), 'ten', 'eleven', 'twelve'].map(literal));
    this.helper('minute', () => [
      literal(`oh <unit>`),
      ...TEEN_WORDS.map(literal),
      literal(`${oneOf(TENS_WORDS.slice(0, 4))} [<unit>]`),
    ]);
    this.helper('half_of_day', () => [...time.am, ...time.pm, ...Object.keys(time.dayParts)].map(phrase));
    this.helper('time_fraction', () => [...time.quarter, ...time.half].map(phrase));
    return this.rules.define('builtin_Time', 'AMAZON.Time', [
      literal('<hour> [<minute>] [<half_of_day>]'),
      ...time.oClock.map((word) => around(word, (words) => `<hour> ${words} [<half_of_day>]`)),
      ...[...time.minutesPast, ...time.minutesTo].map((word) =>
        around(word, (words) => `( <time_fraction> | <minute> ) ${words} <hour> [<half_of_day>]`),
      ),
      ...[...time.noon, ...time.midnight].map(phrase),
    ]);
  }

  private defineConfirmation(): boolean {
    const phrases = Object.values(this.tables.confirmation).flat();
    return this.rules.define('builtin_Confirmation', 'AMAZON.Confirmation', phrases.map(phrase));
  }

  private defineEmail(): boolean {
    this.digits();
    this.helper('letter', () => LETTERS.map(literal));
    this.helper('email_word', () => [literal('<letter>'), literal('<digit>'), ...EMAIL_WORDS.map(literal)]);
    const { email } = this.tables;
    this.helper('email_joiner', () =>
      [...email.dot, ...email.underscore, ...email.dash, ...email.plus].map(phrase),
    );
    this.helper('email_dot', () => email.dot.map(phrase));
    this.helper('email_at', () => email.at.map(phrase));
    return this.rules.define('builtin_EmailAddress', 'AMAZON.EmailAddress', [
      literal(
        '<email_word> ( <email_joiner> <email_word> )* <email_at> <email_word> ( <email_dot> <email_word> )+',
      ),
    ]);
  }
}

function customValues(slotType: SlotType): Alternative[] {
  return (slotType.SlotTypeValues ?? []).flatMap(({ SampleValue, Synonyms = [] }) =>
    [SampleValue, ...Synonyms].map((value) => phrase(value.Value)),
  );
}
