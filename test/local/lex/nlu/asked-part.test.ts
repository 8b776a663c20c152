import fc from 'fast-check';
import { askedPart } from '../../../../local/lex/nlu/asked-part';
import { nluLanguageFor } from '../../../../local/lex/nlu/language';

const spanish = nluLanguageFor('es_US');
const english = nluLanguageFor('en_US');

describe('askedPart', () => {
  it('keeps what an indirect question asks, without the greeting before it or the reason after it', () => {
    expect(
      askedPart(
        'buenas tardes mire le hablo para preguntar si la sucursal del norte abre los domingos porque salgo tarde',
        spanish,
      ),
    ).toBe('la sucursal del norte abre los domingos');
    expect(askedPart("hi, I'm calling to ask if you're open on sunday because I work late", english)).toBe(
      "you're open on sunday",
    );
    expect(askedPart('Quería saber si aceptan cheques', spanish)).toBe('aceptan cheques');
  });

  it('reads the reason as it is typed in a hurry ("xq", "pq")', () => {
    expect(askedPart('sabe q mejor paseme con una persona xq tengo otro problema tmb', spanish)).toBe(
      'sabe q mejor paseme con una persona',
    );
    expect(askedPart('me pueden llamar mañana pq hoy trabajo', spanish)).toBe('me pueden llamar mañana');
  });

  it('leaves out the case a request is made for ("por si...", "in case...")', () => {
    expect(askedPart('¿y el jueves a qué hora cierran, por si no alcanzo a ir el viernes?', spanish)).toBe(
      '¿y el jueves a qué hora cierran,',
    );
    expect(askedPart('what time do you close on friday, just in case I run late?', english)).toBe(
      'what time do you close on friday,',
    );
    expect(askedPart('por si acaso, ¿abren el domingo?', spanish)).toBeUndefined();
  });

  it('does not take one word before a reason for the request, unless it opens the question', () => {
    expect(
      askedPart(
        'y si no le quedan, porque el niño crece muy rápido, ¿cuánto tiempo hay para cambiarlos?',
        spanish,
      ),
    ).toBeUndefined();
    expect(askedPart('¿y el sábado, por si el viernes no puedo?', spanish)).toBe('¿y el sábado,');
  });

  it('leaves out the purpose of a request that says enough without it, in Spanish', () => {
    expect(
      askedPart('Quisiera que un asesor me llame para revisar un cobro que no reconozco.', spanish),
    ).toBe('Quisiera que un asesor me llame');
    expect(askedPart('¿cómo le hago para devolver algo que compré en línea?', spanish)).toBeUndefined();
    expect(askedPart('I need someone to call me to check a charge', english)).toBeUndefined();
  });

  it('reads openers and cues whatever the accents, and only as whole words', () => {
    expect(askedPart('Dígame si abren mañana', spanish)).toBe('abren mañana');
    expect(askedPart('dimensiones de la caja', spanish)).toBeUndefined();
  });

  it('leaves a purpose clause out, and a request without opener or reason alone', () => {
    expect(askedPart('va a llover mañana? pa saber si voy a la tienda', spanish)).toBe('va a llover mañana?');
    expect(askedPart('where is my order', english)).toBeUndefined();
    expect(askedPart('porque sí', spanish)).toBeUndefined();
  });

  it('always returns a part of the utterance as written, or nothing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'para preguntar si',
            'porque',
            'Dígame',
            'abren',
            'mañana',
            'ÁÉ',
            'ß',
            'İ',
            ',',
            '?',
            ' ',
          ),
          { maxLength: 12 },
        ),
        fc.string({ maxLength: 20 }),
        (words, noise) => {
          const utterance = `${words.join(' ')}${noise}`;
          const part = askedPart(utterance, spanish);
          if (part !== undefined) {
            expect(utterance).toContain(part);
            expect(part).not.toBe('');
          }
        },
      ),
    );
  });
});
