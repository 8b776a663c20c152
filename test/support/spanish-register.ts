/**
 * Finds words that address the reader as *tú* in Spanish text written to customers, who Parley always
 * addresses as *usted*. Only forms that are tú whatever the context are flagged anywhere ("puedes", "tu",
 * "te", "contáctanos", "darte", "compraste"); forms that are also usted's indicative ("lleva", "usa",
 * "consulta": "usted lleva") are flagged only where they open a clause, as an imperative does. Customers' own
 * words (sample utterances, FAQ questions) may be tú and are not for this.
 */

export interface TuForm {
  word: string;
  /** A few words around it, to find it by. */
  context: string;
}

const words = (list: string) => new Set(list.split(/[\s,]+/).filter(Boolean));

/** Tú however they are used: pronouns, possessives, verb forms, imperatives with pronouns attached, voseo. */
const ALWAYS_TU = words(`
  tú tu tus te ti contigo tuyo tuya tuyos tuyas
  puedes quieres necesitas tienes eres estás sabes deseas prefieres recibes encuentras buscas haces dices pides
  pagas usas llevas vas ves agregas eliges aceptas compartes abres cancelas cambias devuelves esperas intentas
  llamas olvidas ingresas escribes sigues debes has
  podrás tendrás recibirás querrás necesitarás deberás
  puedas quieras necesites tengas elijas hayas seas estés recibas pidas aceptes agregues compres salgas
  encuentres vuelvas llames escribas traigas
  hiciste pediste recibiste elegiste dijiste pudiste quisiste tuviste viniste escribiste devolviste pusiste
  dime dinos dímelo llámanos llámame contáctanos contáctame escríbenos escríbeme avísanos avísame pregúntame
  pregúntanos llévalo llévala llévalos llévalas dáselo dásela dámelo déjame mándanos mándame envíanos envíame
  cuéntame permíteme inténtalo revísalo pruébalo desactívalo desactívalos actívalo mantén haz
  podés querés tenés sabés necesitás sos
`);

/**
 * Tú imperatives that are also usted's (and everyone's) present tense: "elige" is "choose!" but also "(usted)
 * chooses". Flagged only at the start of a clause and followed by a word other than "de", as an imperative
 * is: "Entrega: de 5 a 8 días" and "Consulta de saldo" are nouns.
 */
const TU_IMPERATIVES = words(`
  lleva usa pide elige revisa consulta muestra comparte escribe entrega trae inicia abre selecciona guarda
  intenta llama presenta agrega contacta escoge busca paga recuerda cancela cambia visita ingresa confirma
  indica envía manda di evita responde
`);

/** Words that look like an infinitive with "te" attached, or a preterite in -aste, and are not. */
const NOT_TU = words(`
  parte aparte comparte reparte departe contraparte arte baluarte estandarte descarte encarte
  contraste desgaste engaste baste límite
`);

/** -er infinitives with "te" attached ("devolverte"); -erte is too often something else ("inserte", "advierte"). */
const ER_VERB_WITH_TE =
  /(?:ver|hacer|poner|tener|ofrecer|devolver|responder|atender|traer|leer|recoger|conocer|mover|resolver)te(?:l[oa]s?)?$/u;

function isAlwaysTu(word: string): boolean {
  if (NOT_TU.has(word)) return false;
  if (ALWAYS_TU.has(word)) return true;
  return (
    // "darte", "enviarte", "pedirte", "ayudarte", and the same with a second pronoun: "enviártelo".
    /^\p{L}{1,}[aií]r(?:te|tel[oa]s?)$/u.test(word) ||
    /á\p{L}*rtel[oa]s?$/u.test(word) ||
    ER_VERB_WITH_TE.test(word) ||
    // "ayudándote"
    /ndo(?:te|tel[oa]s?)$/u.test(word) ||
    // Reflexive imperatives: "estaciónate", "comunícate", "suscríbete" (not "-mente" adverbs).
    (/[áéíóú]/u.test(word) && /[aei]te$/u.test(word) && !word.endsWith('mente')) ||
    // Preterite: "compraste", "olvidaste".
    /^\p{L}{2,}aste$/u.test(word)
  );
}

/** Where a clause starts: the text's start, a new line, or after . ! ? : ; and any list or bold marker. */
const CLAUSE_START = /(?:^|\n|[.!?:;]\s)[\s>*_-]*(?:\d+\.\s+)?(?:\*\*)?$/u;

export function tuForms(text: string): TuForm[] {
  const found: TuForm[] = [];
  const normalised = text.normalize('NFC');
  for (const match of normalised.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = match[0].toLowerCase();
    const at = match.index;
    const before = normalised.slice(0, at);
    const after = normalised.slice(at + match[0].length);
    const tu =
      isAlwaysTu(word) ||
      (TU_IMPERATIVES.has(word) &&
        CLAUSE_START.test(before) &&
        /^\s+(?:\*\*|_|\*)?(?!de\b)\p{L}/u.test(after));
    if (tu) {
      const context = normalised
        .slice(Math.max(0, at - 30), at + match[0].length + 30)
        .replace(/\s+/g, ' ')
        .trim();
      found.push({ word: match[0], context });
    }
  }
  return found;
}

/**
 * Every string a value holds: strings, the strings of arrays and objects, and what functions return when
 * called with stand-ins for their arguments (anything asked of a stand-in is another stand-in, and it reads
 * as "X"), so a message template is checked with its fixed words.
 */
export function textsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (typeof value === 'function') {
    const args = Array.from({ length: Math.max(value.length, 1) }, () => standIn());
    return textsOf((value as (...args: unknown[]) => unknown)(...args), `${path}()`);
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      textsOf(item, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}

function standIn(): unknown {
  return new Proxy(function standInFunction() {}, {
    get(_, key) {
      if (key === Symbol.toPrimitive) return () => 'X';
      if (key === 'map') return (each: (item: unknown, index: number) => unknown) => [each(standIn(), 0)];
      if (key === 'join') return () => 'X';
      if (key === 'length') return 1;
      return standIn();
    },
    apply: () => standIn(),
  });
}
