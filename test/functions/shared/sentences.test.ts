import fc from 'fast-check';
import { rejoinAbbreviations, sentenceSegments } from '../../../functions/shared/sentences';

describe('sentenceSegments', () => {
  it('does not end a sentence inside "EE. UU." or "U.S."', () => {
    expect(
      sentenceSegments('Dicen "Solo entrega en EE. UU." en la página. Otra frase.', 'es_US').map((s) =>
        s.trim(),
      ),
    ).toEqual(['Dicen "Solo entrega en EE. UU." en la página.', 'Otra frase.']);
    expect(
      sentenceSegments('We ship in the U.S. and Canada. Then more.', 'en_US').map((s) => s.trim()),
    ).toEqual(['We ship in the U.S. and Canada.', 'Then more.']);
  });

  it('still breaks after an ordinary word', () => {
    expect(sentenceSegments('Returns are free. Refunds take 5 days.', 'en_US')).toHaveLength(2);
  });

  it('loses and adds no text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'B', 'EE', '.', ' ', '?', '"', 'U', '\n') }),
        (text) => {
          expect(sentenceSegments(text, 'es_US').join('')).toBe(text);
        },
      ),
    );
  });
});

describe('rejoinAbbreviations', () => {
  it('joins a piece that ends in an abbreviation to the next with the separator', () => {
    expect(rejoinAbbreviations(['Solo en EE.', 'UU. hoy.', 'Fin.'], ' ')).toEqual([
      'Solo en EE. UU. hoy.',
      'Fin.',
    ]);
  });

  it('keeps a trailing abbreviation as the last sentence', () => {
    expect(rejoinAbbreviations(['Hecho en EE.'])).toEqual(['Hecho en EE.']);
  });
});
