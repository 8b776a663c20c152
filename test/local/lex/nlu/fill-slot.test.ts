import { createIntentClassifier } from '../../../../local/lex/nlu/classifier';
import { contextFor, englishLocale, spanishLocale } from './fixtures';

const english = createIntentClassifier(englishLocale, contextFor('en_US'));
const spanish = createIntentClassifier(spanishLocale, contextFor('es_US'));

describe('fillSlot', () => {
  it('takes the value where a slot sample utterance puts it', () => {
    expect(
      english.fillSlot('CheckBalance', 'AccountNumber', 'I have 2 accounts and my account number is 98765'),
    ).toEqual({
      originalValue: '98765',
      interpretedValue: '98765',
      resolvedValues: ['98765'],
    });
  });

  it('matches a slot sample utterance through contractions', () => {
    expect(
      english.fillSlot('CheckBalance', 'AccountNumber', "I had 12 before but it's 4321")?.interpretedValue,
    ).toBe('4321');
  });

  it('finds the value inside the placeholder part when more words follow it', () => {
    const answer = 'there are 3 of them but my account number is 55555 I think';
    expect(english.fillSlot('CheckBalance', 'AccountNumber', answer)?.interpretedValue).toBe('55555');
  });

  it('reads the whole answer as a value when no slot sample utterance fits', () => {
    expect(english.fillSlot('CheckBalance', 'AccountNumber', 'twelve')?.interpretedValue).toBe('12');
  });

  it('falls back to the first value found in the answer', () => {
    expect(english.fillSlot('OrderPizza', 'DeliveryTime', 'hmm maybe 7 pm or 8 pm')?.interpretedValue).toBe(
      '19:00',
    );
  });

  it('takes the corrected value when a correction follows the first inside the sample utterance', () => {
    expect(
      spanish.fillSlot(
        'CheckBalance',
        'AccountNumber',
        'mi número de cuenta es 24680, no, espérate, es 24681',
      )?.interpretedValue,
    ).toBe('24681');
    expect(
      spanish.fillSlot('CheckBalance', 'AccountNumber', 'es 24680. Ay, no, discúlpeme, la cuenta es 24682')
        ?.interpretedValue,
    ).toBe('24682');
    expect(
      english.fillSlot('CheckBalance', 'AccountNumber', 'my account number is 98765, no wait, 98766')
        ?.interpretedValue,
    ).toBe('98766');
  });

  it('reads custom slot types', () => {
    expect(english.fillSlot('OrderPizza', 'Size', 'the little one please')).toEqual({
      originalValue: 'little',
      interpretedValue: 'small',
      resolvedValues: ['small'],
    });
  });

  it('returns undefined when nothing resolves', () => {
    expect(english.fillSlot('CheckBalance', 'AccountNumber', 'banana')).toBeUndefined();
    expect(english.fillSlot('OrderPizza', 'Size', 'medium')).toBeUndefined();
  });

  it('returns undefined for an intent or slot the locale does not have', () => {
    expect(english.fillSlot('Nope', 'AccountNumber', '123')).toBeUndefined();
    expect(english.fillSlot('CheckBalance', 'Nope', '123')).toBeUndefined();
  });

  it('reads Spanish answers', () => {
    expect(
      spanish.fillSlot('CheckBalance', 'AccountNumber', 'mi número de cuenta es 24680')?.interpretedValue,
    ).toBe('24680');
    expect(spanish.fillSlot('OrderPizza', 'Size', 'la pequeña')?.interpretedValue).toBe('small');
  });

  it('never reads an article in a longer answer as the number one, though "una" alone is one', () => {
    const question = 'ah una pregunta antes, ¿las tarjetas de regalo se vencen? tengo una que me regalaron';
    expect(spanish.fillSlot('CheckBalance', 'AccountNumber', question)).toBeUndefined();
    expect(spanish.fillSlot('CheckBalance', 'AccountNumber', 'una')?.interpretedValue).toBe('1');
    expect(
      spanish.fillSlot('CheckBalance', 'AccountNumber', 'tengo una, es la 24680')?.interpretedValue,
    ).toBe('24680');
  });
});
