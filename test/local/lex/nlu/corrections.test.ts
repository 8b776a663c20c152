import fc from 'fast-check';
import { correctionCueSpans, meantValue, opensWithCorrection } from '../../../../local/lex/nlu/corrections';
import { english } from '../../../../local/lex/nlu/language/en';
import { spanish } from '../../../../local/lex/nlu/language/es';

function valuesIn(text: string, ...values: string[]): { start: number; text: string }[] {
  return values.map((value) => ({ start: text.indexOf(value), text: value }));
}

describe('values a person corrects mid-sentence', () => {
  it.each([
    ['its 10021 no wait 10002 sorry', ['10021', '10002'], '10002'],
    ['wait no thats my old one, i meant 10003', ['one', '10003'], '10003'],
    ['call me tomorrow, actually make it friday', ['tomorrow', 'friday'], 'friday'],
    ['orders 10001 and 10002', ['10001', '10002'], '10001'],
    ['sorry, is it 10001 or 10002', ['10001', '10002'], '10001'],
  ])('in English, %j means %j -> %j', (text, values, meant) => {
    expect(meantValue(valuesIn(text, ...values), text, english.correctionCues)?.text).toBe(meant);
  });

  it.each([
    ['es el 10031... no perdón, el 10001', ['10031', '10001'], '10001'],
    ['el lunes, PERDÓN, el martes', ['lunes', 'martes'], 'martes'],
    ['mañana a las 3, mejor a las 4', ['3', '4'], '4'],
  ])('in Spanish, %j means %j -> %j', (text, values, meant) => {
    expect(meantValue(valuesIn(text, ...values), text, spanish.correctionCues)?.text).toBe(meant);
  });

  it('finds cues as whole words only, at their place in the original text', () => {
    expect(correctionCueSpans('I meant it, sorry', english.correctionCues)).toEqual([
      { start: 0, end: 7 },
      { start: 12, end: 17 },
    ]);
    expect(correctionCueSpans('sorryful waiting', english.correctionCues)).toEqual([]);
    expect(opensWithCorrection('  quise decir México', spanish.correctionCues)).toBe(true);
    expect(opensWithCorrection('a México, quise decir', spanish.correctionCues)).toBe(false);
  });

  it('always gives one of the values it was given, the first when nothing is taken back', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 5 }),
        (text, starts) => {
          const values = [...starts].sort((a, b) => a - b).map((start) => ({ start }));
          const meant = meantValue(values, text, english.correctionCues);
          expect(values).toContain(meant);
          if (correctionCueSpans(text, english.correctionCues).length === 0) expect(meant).toBe(values[0]);
        },
      ),
    );
  });
});
