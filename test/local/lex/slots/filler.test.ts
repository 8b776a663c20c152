import { answerCore } from '../../../../local/lex/slots/filler';
import { en } from '../../../../local/lex/slots/lang/en';
import { es } from '../../../../local/lex/slots/lang/es';

const core = (input: string, vocabulary = en.fillers) => {
  const span = answerCore(input, vocabulary);
  return input.slice(span.start, span.end);
};

describe('answerCore', () => {
  it.each([
    ["it's 10001", '10001'],
    ['my order number is AB 1234 please', 'AB 1234'],
    ['the number is 5', '5'],
    ['well, I think it is the blue one, thanks', 'blue one'],
    ['at the front desk', 'front desk'],
    ['a b c', 'a b c'],
    ['please', 'please'],
    ['10001 is my zip', '10001 is my zip'],
    ['', ''],
  ])('en %j -> %j', (input, expected) => {
    expect(core(input)).toBe(expected);
  });

  it.each([
    ['el 10001 por favor', '10001'],
    ['mi correo es a@b.com', 'a@b.com'],
    ['es el AB 12', 'AB 12'],
    ['pues la sudadera verde, gracias', 'sudadera verde'],
  ])('es %j -> %j', (input, expected) => {
    expect(core(input, es.fillers)).toBe(expected);
  });
});
