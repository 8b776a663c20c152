import { POINTING_WORDS } from '../../../functions/shared/pointing-words';
import type { NluLanguage } from '../../lex/nlu/language';
import { wordList } from '../../lex/nlu/language/word-list';
import type { ComposerLanguage } from './language';
import { ENGLISH_VOCABULARY, SPANISH_VOCABULARY } from './vocabulary';

/** The names of a kind's members, each mapped to the member it names. */
export type Kind = ReadonlyMap<string, string>;

/** A kind from its members, each listed with its other names after its own. */
function kindOf(...members: readonly (readonly [string, ...string[]])[]): Kind {
  return new Map(members.flatMap((names) => names.map((name) => [name, names[0]] as const)));
}

/** What the composer needs to know of a language beyond the NLU's word tables. */
export interface ComposerWording {
  nlu: NluLanguage;
  /**
   * Words that frame a question ("how long does it take", "cómo funciona") without naming its topic, as
   * written (lowercase, no accents). Passages rarely repeat them, and unmatched they would sink an answer.
   */
  framingWords: ReadonlySet<string>;
  /** Openings of an elliptical follow-up ("and to Mexico?", "¿y a México?"), lowercase without accents. */
  continuationCues: readonly string[];
  /**
   * Synonym groups (the NLU's concept ids) that gather the members of a category, such as the things people
   * buy: "licuadora" is a "producto", but saying it asks about nothing a passage says of products.
   */
  categoryConcepts: ReadonlySet<string>;
  /**
   * Synonym groups (concept ids) that take an article out of the case a customer means unless they say so: the
   * international shipping article's "los pedidos internacionales se pueden devolver por correo, con el costo de
   * envío a su cargo" is no answer to "¿me cobran el envío si la devuelvo por correo?" from within the country.
   */
  scopeConcepts: ReadonlySet<string>;
  /** Other concepts a question enters that case with: a country or city named, customs duties. */
  scopeEntries: ReadonlySet<string>;
  /** Words that point back at the previous topic ("where do I find that?"), lowercase without accents. */
  pointingWords: readonly string[];
  /** Phrases asking for a time, a duration or an amount, which a sentence with a number answers best. */
  numberCues: readonly string[];
  /** Those of numberCues that ask for a length or an amount ("how long", "cuánto"), not a moment ("when"). */
  amountCues: readonly string[];
  /**
   * How a question asks for the account of a whole topic ("how do returns work?", "¿cómo funcionan las
   * devoluciones?"): the passage retrieval ranked first answers it, however many others use its one word.
   */
  overviewPattern: RegExp;
  /**
   * Words of a kind (lowercase, no accents), each naming its member: in a follow-up, one replaces another of its
   * kind from the previous question ("and to Mexico?" after Canada). Members are not synonyms: Mexico never
   * answers for Canada. A member's other names are ("el mall" is the Riverside store).
   */
  kinds: readonly Kind[];
  /**
   * Synonym groups (the NLU's concept ids) naming a person, customer service, reaching one of them, and words
   * that qualify one ("live", "real") next to it.
   */
  personConcepts: readonly string[];
  serviceConcepts: readonly string[];
  reachConcepts: readonly string[];
  qualifierConcepts: readonly string[];
  replies: {
    handoff: string;
    cannotAnswer: string;
    askWhatTheyNeed: string;
    clarify(topic: string, options: readonly string[]): string;
  };
}

const ENGLISH: ComposerWording = {
  nlu: ENGLISH_VOCABULARY,
  framingWords: new Set([
    ...wordList(`
      how, what, when, where, which, who, whom, whose, why, tell, know, want, need, like, get, long, much, many,
      often, soon, anything, something, way, possible, info, information, details, take, takes, last, lasts, work, works,
      happen, happens, mean, means, meant, sorry, one, ones, cool, great, awesome, nice, alright, lol, usually,
      normally, typically, generally, roughly, approximately, till, til, until, ago, old, month, months, week, weeks, whats, hows, use, using, got, gotten, gets, getting, still, even, ever, anyway`),
    // "Bought it two weeks ago": a number word says how long or how many, which the composer cannot compare
    // with a passage's; as a topic it would pick "split into two orders".
    ...wordList('two, three, four, five, six, seven, eight, nine, ten'),
  ]),
  continuationCues: [
    'and',
    'what about',
    'how about',
    'also',
    'what if',
    'sorry',
    'i meant',
    'i mean',
    'no wait',
    'my mistake',
  ],
  categoryConcepts: new Set(['~item']),
  scopeConcepts: new Set(['~abroad', '~another country']),
  scopeEntries: new Set(['~canada', '~mexico', '~customs']),
  pointingWords: POINTING_WORDS.en ?? [],
  numberCues: ['how long', 'how many', 'how much', 'how soon', 'when', 'what time'],
  amountCues: ['how long', 'how many', 'how much'],
  overviewPattern: /\bhow (?:do|does) \S+(?: \S+)? work\b/u,
  kinds: [
    kindOf(['canada'], ['mexico'], ['usa']),
    kindOf(['downtown'], ['airport'], ['riverside', 'mall'], ['northgate']),
  ],
  personConcepts: ['~agent'],
  serviceConcepts: ['~help'],
  reachConcepts: ['~talk', '~transfer'],
  qualifierConcepts: ['~real'],
  replies: {
    handoff: 'I can connect you with a member of our team.',
    cannotAnswer: "I'm sorry, I couldn't find that in our help articles.",
    askWhatTheyNeed: 'Could you tell me a bit more about what you need?',
    clarify: (topic, options) =>
      `Could you tell me a bit more about what you need to know about ${topic}?${examples('For example', options, 'or')}`,
  },
};

const SPANISH: ComposerWording = {
  nlu: SPANISH_VOCABULARY,
  framingWords: new Set([
    ...wordList(`
      como, que, cuando, donde, cual, cuales, quien, quienes, cuanto, cuanta, cuantos, cuantas, puedo, puede,
      pueden, podria, podrian, quiero, quisiera, quise, perdon, disculpe, necesito, saber, decir, forma, manera, posible, informacion,
      detalles, normalmente, generalmente, usualmente, aproximadamente, mes, meses, semana, semanas, tiempo, tarda, tardan, tardar, tardaria, tardarian, tardara, tardaran, demora, demoran, dura, duran, durar, desde, funciona, funcionan, pasa, significa, todavia, aun, oiga, oye, usar, uso, usa, hacer, hace, hacen, hago, haces, hacemos, ir, voy, va, van, vamos, despues, luego, dice, dicen, dijo, dijeron, oigan, entonces, dan, da, dar, den, darian, espera, espere, equivoque, equivoco, tener, tengo, tiene, tienen, tienes, tenemos, acabo, acaba, acabamos, acaban, todo, toda, todos, todas, tambien, realmente, aqui, ahi, alli, aca, alla, igual, modos, mejor, vez, nada, uno, entiendo, entendido, perfecto, menos, aprovechando, tanto, tanta, tantos, tantas, alcanzo, alcanza, alcanzamos, alcanzar, aunque, haya, hayan`),
    // "¿En cuántos días llega?" asks how long, of what the customer is asking about: "llegar" frames it as "tarda"
    // does, and the days answer it ("Exprés: 2 días hábiles") though no passage says "llega".
    ...wordList('llega, llegan, llegar, llegue, lleguen, llegaria, llegarian, llegara, llegaran'),
    // "Hace como dos semanas": as in English, an amount the composer cannot compare with a passage's.
    ...wordList('dos, tres, cuatro, cinco, seis, siete, ocho, nueve, diez'),
  ]),
  continuationCues: [
    'y',
    'que tal',
    'y si',
    'tambien',
    'perdon',
    'quise decir',
    'mejor dicho',
    'no espera',
    'no espere',
    'me equivoque',
    'entonces',
  ],
  categoryConcepts: new Set(['~articulo']),
  scopeConcepts: new Set(['~extranjero', '~otro pais', '~reexpedidor']),
  scopeEntries: new Set(['~canada', '~mexico', '~aduana']),
  pointingWords: POINTING_WORDS.es ?? [],
  numberCues: ['cuanto', 'cuanta', 'cuantos', 'cuantas', 'cuando', 'que hora', 'a que hora'],
  amountCues: ['cuanto', 'cuanta', 'cuantos', 'cuantas'],
  overviewPattern: /\bcomo funcionan? (?:el|la|los|las|sus|su)\b/u,
  kinds: [
    kindOf(['canada'], ['mexico'], ['eeuu']),
    // "Centro Comercial Riverside" is one word to the composer's vocabulary, so it is not "centro" (Downtown).
    kindOf(
      ['centro'],
      ['aeropuerto'],
      ['riverside', 'plaza', 'mall', 'centro comercial', 'plaza comercial'],
      ['northgate'],
    ),
  ],
  personConcepts: ['~agente'],
  serviceConcepts: ['~ayuda'],
  reachConcepts: ['~hablar', '~transferir'],
  qualifierConcepts: ['~real'],
  replies: {
    handoff: 'Puedo comunicarle con una persona de nuestro equipo.',
    cannotAnswer: 'Lo siento, no encontré esa información en nuestros artículos de ayuda.',
    askWhatTheyNeed: '¿Podría contarme un poco más sobre lo que necesita?',
    clarify: (topic, options) =>
      `¿Podría contarme un poco más sobre lo que necesita saber de ${topic}?${examples('Por ejemplo', options, 'o')}`,
  },
};

export function wordingFor(language: ComposerLanguage): ComposerWording {
  return language === 'es' ? SPANISH : ENGLISH;
}

/** " For example: A, B or C." after a clarifying question; nothing when there is nothing to offer. */
function examples(lead: string, items: readonly string[], conjunction: string): string {
  if (items.length === 0) return '';
  const listed =
    items.length === 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
  return ` ${lead}: ${listed}.`;
}
