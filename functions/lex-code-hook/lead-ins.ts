import { plainWords } from '../shared/plain-words';
import { escapeRegExp } from '../shared/regexp';

/**
 * Words people say before what they mean ("wait, actually, how long do I have to return something?"),
 * lowercase without accents, per locale.
 * - FILLERS (greetings among them) say nothing about what is asked: a question is looked up without them, so
 *   "wait" does not count against the return policy.
 * - LEAD_INS add the connectives that tie a question to the one before ("and", "but", "sorry") and the words
 *   that open an indirect one ("I was wondering if..."): they are skipped to see whether a clause opens like
 *   a question, but kept in the question, where a follow-up needs them.
 */
/**
 * The openings of an indirect question ("I was wondering if you price match"): what follows is the question, and
 * the opening says nothing about it. With "if"/"si" only: "I was wondering" alone may open a statement.
 */
const INDIRECT_OPENERS = {
  en_US: [
    'i was wondering if',
    'i was wondering whether',
    'i wonder if',
    'i wonder whether',
    'i wanted to know if',
    'i want to know if',
    'i would like to know if',
    "i'd like to know if",
    'can you tell me if',
    'could you tell me if',
    'tell me',
  ],
  es_US: [
    'quería saber si',
    'queria saber si',
    'quisiera saber si',
    'quiero saber si',
    'necesito saber si',
    'me gustaría saber si',
    'me gustaria saber si',
    'me puede decir si',
    'me podría decir si',
    'me podria decir si',
    'dígame',
    'digame',
    'dime',
    'mejor dígame',
    'mejor digame',
    'mejor dime',
  ],
} satisfies Record<string, readonly string[]>;

const FILLERS: Readonly<Record<string, readonly string[]>> = {
  en_US: [
    // "No," only with its comma: "no receipt, can I return it?" keeps its "no".
    'no,',
    'forget it',
    'never mind',
    'nevermind',
    'hold on',
    // What puts the question asked off, or this one first ("not now, first tell me...").
    'not now',
    'first',
    'you know what',
    'just',
    'before that',
    'instead',
    'one more thing',
    'by the way',
    'btw',
    "while i'm at it",
    'while im at it',
    'quick question',
    'wait',
    'actually',
    'ok',
    'okay',
    'oh',
    'um',
    'uh',
    'hmm',
    'well',
    'good morning',
    'good afternoon',
    'good evening',
    'hello',
    'hey',
    'hi',
  ],
  es_US: [
    'no,',
    'olvídelo',
    'olvidelo',
    'olvídalo',
    'olvidalo',
    'déjelo',
    'dejelo',
    'déjelo así',
    'dejelo asi',
    'déjalo así',
    'dejalo asi',
    'no importa',
    'da igual',
    'mire',
    'mira',
    'en realidad',
    // "Ahorita no, primero dígame cuánto cuesta...": what puts the question asked off, or this one first.
    'ahorita no',
    'ahora no',
    'antes',
    'primero',
    // "Sabe qué, mejor nomás dígame...": what changes the subject to the question.
    'sabe qué',
    'sabe que',
    'sabes qué',
    'sabes que',
    // Not "mejor" alone: "mejor que me llame alguien" asks for a call, not a question.
    'mejor nomás',
    'mejor nomas',
    'nomás',
    'nomas',
    'una pregunta rápida',
    'una pregunta rapida',
    'una preguntita',
    'una pregunta',
    'wait',
    'otra cosa',
    'otra pregunta',
    'de paso',
    'por cierto',
    'aprovechando',
    'ya que estamos',
    'buenos dias',
    'buenos días',
    'buen dia',
    'buen día',
    'buenas tardes',
    'buenas noches',
    'buenas',
    'hola',
    'espere',
    'espéreme',
    'espereme',
    'espérame',
    'esperame',
    'espérate',
    'esperate',
    'espera',
    'tantito',
    'oiga',
    'oye',
    'bueno',
    'pues',
    'ah',
    'eh',
    'mmm',
    'ok',
  ],
};

/**
 * "Antes de darle mi número, ...", "before I give you my email, ...": what puts off the value the bot asked for
 * says nothing of the question that follows.
 */
const BEFORE_GIVING: Readonly<Record<string, readonly string[]>> = {
  en_US: ['before i give you', 'before i send you'].flatMap((opening) =>
    ['my number', 'my phone number', 'my email', 'my order number', 'the number'].map(
      (value) => `${opening} ${value}`,
    ),
  ),
  es_US: ['antes de darle', 'antes de darte', 'antes de pasarle', 'antes de pasarte'].flatMap((opening) =>
    ['mi número', 'mi numero', 'mi teléfono', 'mi telefono', 'mi correo', 'el número', 'el numero'].map(
      (value) => `${opening} ${value}`,
    ),
  ),
};

const CONNECTIVES: Readonly<Record<string, readonly string[]>> = {
  en_US: [
    'and',
    'but',
    'so',
    'also',
    'sorry',
    'i was wondering',
    'i wonder',
    'i wanted to know',
    'i want to know',
  ],
  es_US: ['y', 'pero', 'perdon', 'disculpe'],
};

const INDIRECT_OPENERS_BY_LOCALE: Readonly<Record<string, readonly string[]>> = INDIRECT_OPENERS;

/**
 * What drops the question the bot asked ("olvídelo", "never mind"), as plainWords writes it: what follows is a
 * request of its own (aside-question.ts), and the task left is not kept to come back to (interrupted-intent.ts).
 */
export const DROPPING_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en_US: ['never mind', 'nevermind', 'forget it', 'forget about it', 'forget that'],
  es_US: [
    'olvidelo',
    'olvidalo',
    'olvidese',
    'olvidate',
    'dejelo asi',
    'dejalo asi',
    'mejor no',
    'no importa',
    'da igual',
  ],
};

export const LEAD_INS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(FILLERS).map(([localeId, fillers]) => [
    localeId,
    // Longest first: "déjalo así" is one lead-in, not "déjalo" and a word that opens nothing.
    longestFirst([...fillers, ...(CONNECTIVES[localeId] ?? [])]),
  ]),
);

/** The openings of an indirect question, as plainWords writes them: a clause that opens so asks something. */
export const QUESTION_OPENERS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(INDIRECT_OPENERS_BY_LOCALE).map(([localeId, openers]) => [
    localeId,
    openers.map(plainWords),
  ]),
);

/**
 * Per locale, the fillers a text opens with, built once: the hook strips them on every open question, and the
 * opening of an indirect question with them. The latter are not lead-ins: they show that a question follows.
 */
const OPENING_FILLERS: ReadonlyMap<string, RegExp> = new Map(
  Object.entries(FILLERS).map(([localeId, fillers]) => [
    localeId,
    openingPattern(
      [...fillers, ...(BEFORE_GIVING[localeId] ?? []), ...(INDIRECT_OPENERS_BY_LOCALE[localeId] ?? [])],
      CONNECTIVES[localeId] ?? [],
    ),
  ]),
);

/**
 * Any run of `phrases` at the start of a text, each a whole word or words, with the punctuation around, and the
 * `connectives` before or among them ("y oiga, de paso, ¿cuánto tarda...?", "ah, y aprovechando: ¿...?"). A
 * connective alone stays: "¿y en tienda?" carries on from the question before.
 */
function openingPattern(phrases: readonly string[], connectives: readonly string[]): RegExp {
  const anyOf = (words: readonly string[]) => longestFirst(words).map(escapeRegExp).join('|');
  const connective =
    connectives.length === 0 ? '' : `(?:[\\s,.;:!¡¿?-]*(?:${anyOf(connectives)})(?![\\p{L}\\p{N}]))*`;
  return new RegExp(
    `^(?:${connective}(?:[\\s,.;:!¡¿?-]*(?:${anyOf(phrases)})(?![\\p{L}\\p{N}]))+)+[\\s,.;:!-]*`,
    'iu',
  );
}

/** `text` without the fillers it opens with, as written otherwise; the text itself when nothing is left. */
export function withoutOpeningFillers(text: string, localeId: string): string {
  const pattern = OPENING_FILLERS.get(localeId);
  if (!pattern) return text;
  const rest = text.replace(pattern, '');
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
}

function longestFirst(phrases: readonly string[]): string[] {
  return [...phrases].sort((a, b) => b.length - a.length);
}
