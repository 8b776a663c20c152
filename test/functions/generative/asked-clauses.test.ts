import fc from 'fast-check';
import { askedClauses, onlyQuestion } from '../../../functions/generative/asked-clauses';

describe('askedClauses', () => {
  it('finds the questions asked among other sentences', () => {
    expect(
      askedClauses('Before that, may I ask whether you accept PayPal? My grandson says it is safer.'),
    ).toEqual(['Before that, may I ask whether you accept PayPal?', 'may I ask whether you accept PayPal?']);
    expect(askedClauses('I bought it last week. Can I return it? And do you refund shipping?')).toEqual([
      'Can I return it?',
      'And do you refund shipping?',
    ]);
    expect(askedClauses('oigan ¿igualan precios? lo vi más barato')).toEqual(['oigan ¿igualan precios?']);
  });

  it('takes the question after the story of a sentence', () => {
    expect(
      askedClauses('I bought sneakers online and they are too small, how long do I have to return them?'),
    ).toEqual(['how long do I have to return them?']);
    expect(askedClauses('If it arrives broken, can I return it?')).toEqual(['can I return it?']);
  });

  it('has nothing to add when the message is one question or none', () => {
    expect(askedClauses('Do you take PayPal?')).toEqual([]);
    expect(askedClauses('  Do you take PayPal?  ')).toEqual([]);
    expect(askedClauses('I want my money back')).toEqual([]);
  });

  it('takes the last sentence, and its last clause, of a message typed without a question mark', () => {
    expect(
      askedClauses(
        'ya deje el paquete del return en ups el lunes, en cuanto tiempo me cae el refund a mi tarjeta',
      ),
    ).toEqual(['en cuanto tiempo me cae el refund a mi tarjeta']);
    expect(askedClauses('I got a gift card last year. does it still work')).toEqual(['does it still work']);
  });

  it('only ever gives parts of the message, ending in a question mark when the message has one', () => {
    fc.assert(
      fc.property(fc.string(), (message) => {
        for (const clause of askedClauses(message)) {
          if (message.includes('?')) expect(clause.endsWith('?')).toBe(true);
          expect(message).toContain(clause);
          expect(clause).not.toBe(message.trim());
        }
      }),
    );
  });
});

describe('onlyQuestion', () => {
  it('is the one question among sentences that ask nothing', () => {
    expect(onlyQuestion('espera, mi hija me pregunta algo. ¿envían a México? ahí vive su amiga')).toBe(
      '¿envían a México?',
    );
    expect(onlyQuestion('I bought a lamp. Can I return it?')).toBe('Can I return it?');
  });

  it('is nothing for no question, two questions, the question alone, or one carried on after its mark', () => {
    expect(onlyQuestion('I want my money back')).toBeUndefined();
    expect(onlyQuestion('Do you take PayPal? And Apple Pay?')).toBeUndefined();
    expect(onlyQuestion(' Do you take PayPal? ')).toBeUndefined();
    expect(onlyQuestion('aceptan paypal? o bitcoin')).toBeUndefined();
  });
});
