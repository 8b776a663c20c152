import fc from 'fast-check';
import { analyzerFor, type TextAnalyzer } from '../../../../local/lex/nlu/analyzer';
import { nluLanguageFor } from '../../../../local/lex/nlu/language';
import { writtenWords } from '../../../../local/lex/nlu/text';

const english = analyzerFor(nluLanguageFor('en_US'));
const spanish = analyzerFor(nluLanguageFor('es_US'));

describe('writtenWords', () => {
  it('splits contractions into the words they stand for, keeping the span of the written word', () => {
    expect(writtenWords("Isn't it?", nluLanguageFor('en_US'))).toEqual([
      { lower: 'is', norm: 'is', start: 0, end: 5 },
      { lower: 'not', norm: 'not', start: 0, end: 5 },
      { lower: 'it', norm: 'it', start: 6, end: 8 },
    ]);
    expect(writtenWords('I can’t', nluLanguageFor('en_US')).map((word) => word.norm)).toEqual([
      'i',
      'can',
      'not',
    ]);
  });

  it('keeps accents for the stemmer and drops them for comparison', () => {
    expect(writtenWords('Contraseña', nluLanguageFor('es_US'))).toEqual([
      { lower: 'contraseña', norm: 'contrasena', start: 0, end: 10 },
    ]);
  });

  it('gives spans that point at the text they come from', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        for (const word of writtenWords(text, nluLanguageFor('en_US'))) {
          expect(word.start).toBeGreaterThanOrEqual(0);
          expect(word.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(word.start, word.end).length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('TextAnalyzer', () => {
  it('stems words so that forms of one word compare equal', () => {
    const [shipped] = english.words('shipped');
    const [shipping] = english.words('shipping');
    expect(shipped?.stems).toEqual(shipping?.stems);
  });

  it('stems Spanish words with and without their accents alike', () => {
    const [accented] = spanish.words('adiós');
    const [plain] = spanish.words('adios');
    expect(accented?.stems.some((stem) => plain?.stems.includes(stem))).toBe(true);
  });

  it('flags stop words', () => {
    expect(english.words('where is my order').map((word) => word.isStopWord)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('flags the phrases that announce a question, hand over a value or go back to a topic, not their words alone', () => {
    const content = (text: string) =>
      spanish
        .words(text)
        .filter((word) => !word.isStopWord)
        .map((word) => word.norm);
    expect(content('dígame una cosa')).toEqual(['digame']);
    expect(content('aquí está el 10004')).toEqual(['10004']);
    expect(content('no está aquí')).toEqual(['aqui']);
    expect(content('qué cosas sabe')).toEqual(['cosas', 'sabe']);
    expect(content('volviendo a lo de la llamada')).toEqual(['llamada']);
  });

  it('joins a multi-word synonym into one word of its group', () => {
    const words = english.words('I cannot sign in today');
    expect(words.map((word) => word.norm)).toEqual(['i', 'can', 'not', 'sign in', 'today']);
    const signIn = words[3];
    expect(signIn).toMatchObject({ start: 9, end: 16, isStopWord: false });
    expect(english.words('login')[0]?.concepts).toEqual(
      expect.arrayContaining([...(signIn?.concepts ?? [])]),
    );
  });

  it('gives words of one synonym group a shared concept', () => {
    const [parcel] = english.words('parcel');
    const [order] = english.words('order');
    expect(parcel?.concepts.some((concept) => order?.concepts.includes(concept))).toBe(true);
  });

  it('reads "una hora" as a length of time, not as the opening hours "hora" asks about', () => {
    const duration = spanish.words('ya pasó más de una hora').find((word) => word.norm === 'una hora');
    const [hour] = spanish.words('hora');
    const [openingHours] = spanish.words('horario');
    expect(duration).toBeDefined();
    expect(hour?.concepts.some((concept) => openingHours?.concepts.includes(concept))).toBe(true);
    expect(duration?.concepts.some((concept) => openingHours?.concepts.includes(concept))).toBe(false);
  });

  it('reads "$" before an amount as the currency word, so "$50" and "50 dollars" share a word', () => {
    expect(english.words('free over $50').map((word) => word.norm)).toEqual([
      'free',
      'over',
      'dollars',
      '50',
    ]);
    expect(spanish.words('$5.99').map((word) => word.norm)).toEqual(['dolares', '5', '99']);
    expect(english.words('a $ sign').map((word) => word.norm)).toEqual(['a', 'sign']);
  });

  it('reads "sabe qué" and "no puedo esperar" as asides, as "you know what" and "can\'t wait" are', () => {
    expect(content(spanish, 'sabe qué, mejor páseme con un agente, no puedo esperar')).toEqual([
      'mejor',
      'paseme',
      'agente',
    ]);
    expect(content(english, "you know what, put me through to an agent, I can't wait")).toEqual([
      'put',
      'through',
      'agent',
    ]);
  });

  it('reads politeness and interjections as function words in Spanish, as in English', () => {
    expect(content(spanish, 'uf, ok, nah, me temo que olvidé la clave y le agradecería su ayuda')).toEqual([
      'olvide',
      'clave',
      'ayuda',
    ]);
  });

  it('reads "igual" of a follow-up ("¿y el sábado igual?") and "primero" of a request as function words', () => {
    expect(content(spanish, 'y el sábado igual')).toEqual(['sabado']);
    expect(content(spanish, 'ayúdeme primero con mi contraseña')).toEqual(['ayudeme', 'contrasena']);
  });

  it('reads "otra vez" as one word ("again"), and "la otra" (the other one) as naming nothing', () => {
    expect(content(spanish, 'otra vez por favor')).toEqual(['otra vez']);
    expect(content(spanish, 'y la otra que hice, la 10002')).toEqual(['10002']);
  });

  it('reads a stressed stem vowel plain when asked to ("pierdo" of "perder"), and only then', () => {
    const plainVowels = analyzerFor({ ...nluLanguageFor('es_US'), plainStemVowels: true });
    expect(plainVowels.words('pierdo')[0]?.stems).toContain(plainVowels.words('perdida')[0]?.stems[0]);
    expect(plainVowels.words('cuesta')[0]?.stems).toContain('cost');
    expect(spanish.words('pierdo')[0]?.stems).not.toContain('perd');
  });

  it('offers the stem of a Spanish verb without its attached pronoun', () => {
    const [callMe] = spanish.words('llámenme');
    const [call] = spanish.words('llamen');
    expect(callMe?.stemsWithoutClitic).toEqual(expect.arrayContaining([...(call?.stems ?? [])]));
    expect(spanish.words('clase')[0]?.stemsWithoutClitic).toEqual([]);
  });

  it('compares words as written in a language without tables', () => {
    const french = analyzerFor(nluLanguageFor('fr_FR'));
    expect(french.words('Les Fenêtres')).toEqual([
      expect.objectContaining({ norm: 'les', stems: ['les'], isStopWord: false, concepts: [] }),
      expect.objectContaining({ norm: 'fenetres', stems: ['fenetres'] }),
    ]);
  });
});

/** The words of a text that are not stop words, as the analyzer writes them. */
function content(analyzer: TextAnalyzer, text: string): string[] {
  return analyzer
    .words(text)
    .filter((word) => !word.isStopWord)
    .map((word) => word.norm);
}
