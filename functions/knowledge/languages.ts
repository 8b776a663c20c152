import type { StemmerName } from './stemmers';
/**
 * The locales the knowledge base is written in, and how each one's text is reduced to search terms. A new
 * locale needs an entry here before its `knowledge/<locale>/` folder is accepted.
 */
export interface KnowledgeLanguage {
  /** The Snowball stemmer of the language (stemmers.ts). */
  stemmer: StemmerName;
  /**
   * Words too common to say what a question is about, written without diacritics. Kept short on purpose:
   * words like "not", "without" or "sin" change the meaning of a policy question and stay searchable.
   */
  stopWords: readonly string[];
  /**
   * What people say they bought ("unos tenis", "my blender"): when no passage has the word it counts neither
   * for nor against an article, since nearly every article is about some item. Words an article uses still
   * count as usual.
   */
  purchaseWords: readonly string[];
  /** What "$" before an amount is indexed and searched as ("$50" is "dollars 50"), as the customer says it. */
  currencyWord: string;
}

function wordList(text: string): readonly string[] {
  return text.trim().split(/\s+/);
}

const ENGLISH_STOP_WORDS = wordList(`
  a about all also am an and any are as at be been but by can could did do does doing don for from get
  got had has have hello hey hi how i if in into is it its just ll me might my of on or our please re
  should so some that the their them then there these they this those to us ve was we were what when
  where which who why will with would you your doesn didn isn aren wasn
  whats wheres hows whos thats theres im ive youre dont doesnt didnt isnt arent wasnt yall r u ur wat wats
  thx pls plz rn lol sry ugh usually normally typically generally roughly approximately till til until
  he she him her his hers getting gets
  week weeks month months want wanted wanna sorry ok okay oh um uh
`);

const SPANISH_STOP_WORDS = wordList(`
  a al algo como con cual cuales cuando de del donde el ella en es esa ese eso esta estan este esto
  favor gracias hace hacen hacer hago hay hice hizo hola la las le les lo los me mi mis muy nos o para pero
  por puede pueden puedo que quien se si son su sus te tengo tiene tienen tu tus u un una unas uno unos
  usted ustedes y ya yo q k xq pq porq dnd ps normalmente generalmente usualmente aproximadamente pa nomas
  dice dicen dijo dijeron decir
  semana semanas mes meses quiero quisiera queria quieres acabo acaba acabamos acaban
  perdon disculpe disculpa ahorita oiga oye bueno pues mira mire buenas saludos
  alcanzo alcanza alcanzamos alcanzar porque tenia tenias teniamos tenian hoy tarde aunque haya hayan
`);

const ENGLISH_PURCHASE_WORDS = wordList(`
  shoes sneakers boots clothes shirt sweater jacket coat dress pants jeans blender toaster microwave fridge
  washer dryer vacuum tv television laptop computer tablet headphones earbuds console toy lamp curtains
  blanket pots pans speaker camera watch
`);

const SPANISH_PURCHASE_WORDS = wordList(`
  tenis zapatos zapatillas botas ropa blusa camisa chamarra chaqueta sueter vestido pantalon pantalones
  licuadora freidora cafetera tostador microondas refrigerador refri lavadora secadora aspiradora tele
  televisor laptop computadora compu celular tableta audifonos consola juguete lampara cortinas cobijas
  ollas sartenes bocina camara reloj
`);

export const KNOWLEDGE_LANGUAGES = {
  en_US: {
    stemmer: 'english',
    stopWords: ENGLISH_STOP_WORDS,
    purchaseWords: ENGLISH_PURCHASE_WORDS,
    currencyWord: 'dollars',
  },
  es_US: {
    stemmer: 'spanish',
    stopWords: SPANISH_STOP_WORDS,
    purchaseWords: SPANISH_PURCHASE_WORDS,
    currencyWord: 'dólares',
  },
} as const satisfies Record<string, KnowledgeLanguage>;

export type KnowledgeLocaleId = keyof typeof KNOWLEDGE_LANGUAGES;

export const KNOWLEDGE_LOCALE_IDS = Object.keys(KNOWLEDGE_LANGUAGES) as [
  KnowledgeLocaleId,
  ...KnowledgeLocaleId[],
];

export function isKnowledgeLocaleId(localeId: string): localeId is KnowledgeLocaleId {
  return Object.hasOwn(KNOWLEDGE_LANGUAGES, localeId);
}
