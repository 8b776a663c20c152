import fc from 'fast-check';
import { withoutOpeningFillers } from '../../../functions/lex-code-hook/lead-ins';

describe('withoutOpeningFillers', () => {
  it('drops the words people say before a question, and keeps the question as written', () => {
    expect(withoutOpeningFillers('wait actually how long do I have?', 'en_US')).toBe('how long do I have?');
    expect(withoutOpeningFillers('Hold on, OK... do you take PayPal?', 'en_US')).toBe('do you take PayPal?');
    expect(withoutOpeningFillers('oiga, bueno, ¿cuánto cuesta el envío?', 'es_US')).toBe(
      '¿cuánto cuesta el envío?',
    );
    expect(withoutOpeningFillers('Good afternoon. What is your return policy?', 'en_US')).toBe(
      'What is your return policy?',
    );
    expect(withoutOpeningFillers('Buenos días, ¿aceptan PayPal?', 'es_US')).toBe('¿aceptan PayPal?');
    expect(withoutOpeningFillers('ahorita no, primero dígame cuánto cuesta', 'es_US')).toBe('cuánto cuesta');
    expect(withoutOpeningFillers('not now, first tell me how much it costs', 'en_US')).toBe(
      'how much it costs',
    );
  });

  it('takes the longest filler that opens the text, so a phrase is never cut after its first word', () => {
    expect(
      withoutOpeningFillers('Mira, déjalo así. Mejor dime cuántos días tengo para devolverlos', 'es_US'),
    ).toBe('cuántos días tengo para devolverlos');
    expect(withoutOpeningFillers('espérame tantito... oye y envían a méxico?', 'es_US')).toBe(
      'y envían a méxico?',
    );
    expect(withoutOpeningFillers('sabe qué, mejor nomás dígame a qué hora cierran', 'es_US')).toBe(
      'a qué hora cierran',
    );
    expect(withoutOpeningFillers('Oye wait, una pregunta rápida: ¿hacen shipping a México?', 'es_US')).toBe(
      '¿hacen shipping a México?',
    );
    // "Mejor" alone is not a filler: "mejor que me llame alguien" asks for a call.
    expect(withoutOpeningFillers('olvídelo, mejor que me llame alguien', 'es_US')).toBe(
      'mejor que me llame alguien',
    );
  });

  it.each([
    [
      'es_US',
      'y oiga de paso cuanto tarda en llegar un pedido normal',
      'cuanto tarda en llegar un pedido normal',
    ],
    ['en_US', 'and by the way, do you ship to Canada?', 'do you ship to Canada?'],
    ['es_US', '¿y en tienda también?', '¿y en tienda también?'],
    ['en_US', 'and how long does it take?', 'and how long does it take?'],
    ['es_US', 'no importa, ¿envían a Canadá?', '¿envían a Canadá?'],
    ['es_US', 'Ah, y aprovechando: ¿aceptan cheques?', '¿aceptan cheques?'],
    ['en_US', "oh and while I'm at it, do you take checks?", 'do you take checks?'],
  ])(
    'drops fillers, and a connective only with the fillers after it (%s: "%s")',
    (localeId, text, question) => {
      expect(withoutOpeningFillers(text, localeId)).toBe(question);
    },
  );

  it('drops what puts off the value the bot asked for ("antes de darle mi número, ...")', () => {
    expect(
      withoutOpeningFillers('antes de darle mi número, ¿el crédito de tienda sirve en la página?', 'es_US'),
    ).toBe('¿el crédito de tienda sirve en la página?');
    expect(withoutOpeningFillers('before I give you my email, do you ship to Canada?', 'en_US')).toBe(
      'do you ship to Canada?',
    );
    expect(withoutOpeningFillers('antes de darle mi número', 'es_US')).toBe('antes de darle mi número');
  });

  it('drops the opening of an indirect question, which the question is asked without', () => {
    expect(withoutOpeningFillers('I was wondering if you price match', 'en_US')).toBe('you price match');
    expect(withoutOpeningFillers('Hi, could you tell me if gift cards expire?', 'en_US')).toBe(
      'gift cards expire?',
    );
    expect(withoutOpeningFillers('bueno, quería saber si aceptan cheques', 'es_US')).toBe('aceptan cheques');
    // "I was wondering" alone may open a statement: only "if"/"si" makes it an indirect question.
    expect(withoutOpeningFillers('I was wondering about my order', 'en_US')).toBe(
      'I was wondering about my order',
    );
  });

  it('keeps connectives a follow-up needs, words that only start like a filler, and a text of fillers only', () => {
    expect(withoutOpeningFillers('and to Mexico?', 'en_US')).toBe('and to Mexico?');
    expect(withoutOpeningFillers('perdón, quise decir a México', 'es_US')).toBe(
      'perdón, quise decir a México',
    );
    expect(withoutOpeningFillers('okra in stock?', 'en_US')).toBe('okra in stock?');
    expect(withoutOpeningFillers('ok', 'en_US')).toBe('ok');
    expect(withoutOpeningFillers('wait', 'fr_FR')).toBe('wait');
  });

  it('only ever removes an opening: what it returns ends the text it was given', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('en_US', 'es_US'), (text, localeId) => {
        expect(text.endsWith(withoutOpeningFillers(text, localeId))).toBe(true);
      }),
    );
  });
});
