import { resolverFor } from './helpers';

const english = resolverFor('AMAZON.Confirmation', 'en_US');
const spanish = resolverFor('AMAZON.Confirmation', 'es_US');

describe('AMAZON.Confirmation', () => {
  it.each([
    ['yes', 'Yes'],
    ['Yeah!', 'Yes'],
    ['sure', 'Yes'],
    ['go ahead', 'Yes'],
    ['correct', 'Yes'],
    ["that's right", 'Yes'],
    ['yes please', 'Yes'],
    ['no', 'No'],
    ['nope', 'No'],
    ['not really', 'No'],
    ['no thanks', 'No'],
    ['of course not', 'No'],
    ["that's not right", 'No'],
    ['maybe', 'Maybe'],
    ["it's possible", 'Maybe'],
    ['perhaps', 'Maybe'],
    ["I don't know", "Don't know"],
    ['not sure', "Don't know"],
    ["I'm not sure", "Don't know"],
    ['no idea', "Don't know"],
    ['dunno', "Don't know"],
    ['no, yes', 'No'],
    ['yes... actually no', 'Yes'],
    ['um, sure thing', 'Yes'],
  ])('en %j -> %s', (input, expected) => {
    expect(english.resolve(input)?.interpretedValue).toBe(expected);
  });

  it.each([
    ['sí', 'Yes'],
    ['si', 'Yes'],
    ['Sí, claro', 'Yes'],
    ['claro', 'Yes'],
    ['por supuesto', 'Yes'],
    ['de acuerdo', 'Yes'],
    ['vale', 'Yes'],
    ['no', 'No'],
    ['no gracias', 'No'],
    ['para nada', 'No'],
    ['claro que no', 'No'],
    ['tal vez', 'Maybe'],
    ['quizás', 'Maybe'],
    ['a lo mejor', 'Maybe'],
    ['no sé', "Don't know"],
    ['no lo sé', "Don't know"],
    ['ni idea', "Don't know"],
    ['no estoy seguro', "Don't know"],
    ['no, sí', 'No'],
  ])('es %j -> %s', (input, expected) => {
    expect(spanish.resolve(input)?.interpretedValue).toBe(expected);
  });

  it.each(['blah blah', 'the weather', '', '42'])('gives no answer for %j', (input) => {
    expect(english.resolve(input)).toBeUndefined();
    expect(spanish.resolve(input)).toBeUndefined();
  });

  it('reports the answering words as the original value', () => {
    expect(english.resolve('well, not really to be honest')).toEqual({
      originalValue: 'not really',
      interpretedValue: 'No',
      resolvedValues: ['No'],
    });
  });

  it('finds every answer in a sentence, in order', () => {
    expect(english.find('no wait, yes, go ahead').map((m) => [m.originalValue, m.interpretedValue])).toEqual([
      ['no', 'No'],
      ['yes', 'Yes'],
      ['go ahead', 'Yes'],
    ]);
  });
});
