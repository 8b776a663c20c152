import fc from 'fast-check';
import {
  asksBesideTheValue,
  asksAboutTheQuestion,
  isShapedLikeQuestion,
} from '../../../functions/lex-code-hook/aside-question';

describe('isShapedLikeQuestion', () => {
  it('sees a question mark, or a clause that opens like a question', () => {
    expect(isShapedLikeQuestion('before that, do you take apple pay', 'en_US')).toBe(true);
    expect(isShapedLikeQuestion('hmm. how long does shipping take', 'en_US')).toBe(true);
    expect(isShapedLikeQuestion('antes de eso, aceptan apple pay', 'es_US')).toBe(true);
    expect(isShapedLikeQuestion('¿Cuánto tarda?', 'es_US')).toBe(true);
    expect(isShapedLikeQuestion('anything else?', 'en_US')).toBe(true);
    expect(isShapedLikeQuestion('bueno, quería saber si igualan precios', 'es_US')).toBe(true);
    expect(isShapedLikeQuestion('I was wondering if you price match', 'en_US')).toBe(true);
  });

  it('tells a request or a statement of what is wrong from a question ("necesito que me llamen", "tengo un problema")', () => {
    expect(
      isShapedLikeQuestion('necesito q alguien de ustedes me llame, tengo un problema con un cobro', 'es_US'),
    ).toBe(false);
    expect(isShapedLikeQuestion('quisiera que me marcaran mañana', 'es_US')).toBe(false);
    expect(isShapedLikeQuestion('tengo que pagar el envío de la devolución', 'es_US')).toBe(true);
    expect(isShapedLikeQuestion('necesito recibo para devolver algo', 'es_US')).toBe(true);
    expect(isShapedLikeQuestion('necesito que me llamen, ¿a qué hora abren?', 'es_US')).toBe(true);
  });

  it('looks past the words people say before a question', () => {
    expect(isShapedLikeQuestion('wait actually how long do i have to send it back', 'en_US')).toBe(true);
    expect(isShapedLikeQuestion('oh and hold on do you take paypal', 'en_US')).toBe(true);
    expect(isShapedLikeQuestion('oiga y cuánto cuesta el envío', 'es_US')).toBe(true);
    expect(isShapedLikeQuestion('wait actually 10002', 'en_US')).toBe(false);
    expect(isShapedLikeQuestion('bueno, mañana a las 3', 'es_US')).toBe(false);
  });

  it('hears a question put first ("ahorita no, primero dígame...") or asked by "tell me"', () => {
    expect(isShapedLikeQuestion('ahorita no, primero dígame cuánto cuesta mandar a México', 'es_US')).toBe(
      true,
    );
    expect(isShapedLikeQuestion('espere, antes dígame si puedo devolver un regalo sin recibo', 'es_US')).toBe(
      true,
    );
    expect(isShapedLikeQuestion('not now, first tell me if you ship to Canada', 'en_US')).toBe(true);
    expect(isShapedLikeQuestion('primero, el martes', 'es_US')).toBe(false);
    expect(isShapedLikeQuestion('olvídelo, mejor que me llame alguien de soporte', 'es_US')).toBe(false);
  });

  it('does not take slot answers for questions', () => {
    for (const answer of ['10002', 'tomorrow at 3', 'jane@example.com', 'the downtown one', 'yes please']) {
      expect(isShapedLikeQuestion(answer, 'en_US')).toBe(false);
    }
    for (const answer of ['mañana a las 3', 'el del centro', 'sí, por favor']) {
      expect(isShapedLikeQuestion(answer, 'es_US')).toBe(false);
    }
  });

  it('never throws, whatever the text or locale', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('en_US', 'es_US', 'fr_FR', ''), (text, localeId) => {
        expect(typeof isShapedLikeQuestion(text, localeId)).toBe('boolean');
      }),
    );
  });
});

describe('asksAboutTheQuestion', () => {
  it('is a question that points back at what was asked and says little else', () => {
    expect(asksAboutTheQuestion('where would I see that?', 'en_US')).toBe(true);
    expect(asksAboutTheQuestion('what is it for?', 'en_US')).toBe(true);
    expect(asksAboutTheQuestion('¿y eso dónde lo veo?', 'es_US')).toBe(true);
    // A remark after the question ("I don't have it on me") does not make it a question of its own.
    expect(asksAboutTheQuestion('¿Y ese número dónde lo encuentro? No lo tengo a la mano.', 'es_US')).toBe(
      true,
    );
    expect(asksAboutTheQuestion('sabes que, mejor quiero borrar mi cuenta, como se hace eso?', 'es_US')).toBe(
      false,
    );
  });

  it('is not a question of its own, even one that opens by pointing back', () => {
    expect(asksAboutTheQuestion('before that, do you take Apple Pay?', 'en_US')).toBe(false);
    expect(asksAboutTheQuestion('antes de eso, ¿aceptan Apple Pay?', 'es_US')).toBe(false);
    expect(asksAboutTheQuestion('how do returns work?', 'en_US')).toBe(false);
    expect(asksAboutTheQuestion('where do I see that?', 'fr_FR')).toBe(false);
  });
});

describe('asksBesideTheValue', () => {
  it('is a later sentence or clause that asks something of its own', () => {
    expect(asksBesideTheValue('el jueves porfa. oiga y aceptan american express?', 'es_US')).toBe(true);
    expect(asksBesideTheValue('friday works, do you ship to canada?', 'en_US')).toBe(true);
  });

  it('is not the value alone, a remark after it, or a short check on it', () => {
    expect(asksBesideTheValue('el jueves porfa', 'es_US')).toBe(false);
    expect(asksBesideTheValue('el jueves. gracias', 'es_US')).toBe(false);
    expect(asksBesideTheValue('¿el jueves?', 'es_US')).toBe(false);
    expect(asksBesideTheValue('friday, ok?', 'en_US')).toBe(false);
    expect(asksBesideTheValue('el jueves porfa. ¿aceptan Amex?', 'xx_XX')).toBe(false);
  });
});
