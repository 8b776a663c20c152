import fc from 'fast-check';
import { CallScriptError, parseCallStep } from '../../../local/call/steps';

describe('call tool steps', () => {
  it.each([
    ['say:where is my order', { kind: 'say', text: 'where is my order' }],
    ['say:it is 10:30', { kind: 'say', text: 'it is 10:30' }],
    ['dtmf:12345#', { kind: 'dtmf', keys: '12345#' }],
    ['silence:3000', { kind: 'silence', ms: 3000 }],
    ['recordings/Hello.WAV', { kind: 'wav', path: 'recordings/Hello.WAV' }],
  ])('reads %s', (argument, step) => {
    expect(parseCallStep(argument, 1)).toEqual(step);
  });

  it.each([
    ['say:', /step 2 'say:': say: needs words/],
    ['dtmf:12a', /keypad characters/],
    ['silence:abc', /silence: takes/],
    ['silence:20000', /100-15000 ms/],
    ['hello.mp3', /is not a \.wav file, say:<words>, dtmf:<keys> or silence:<ms>/],
  ])('refuses %s, naming the step and the rule', (argument, message) => {
    expect(() => parseCallStep(argument, 2)).toThrow(CallScriptError);
    expect(() => parseCallStep(argument, 2)).toThrow(message);
  });

  it('either reads a step or names it in a CallScriptError, for any argument', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (argument) => {
        try {
          expect(['wav', 'say', 'dtmf', 'silence']).toContain(parseCallStep(argument, 7).kind);
        } catch (error) {
          expect(error).toBeInstanceOf(CallScriptError);
          expect((error as Error).message).toMatch(/^step 7 /);
        }
      }),
    );
  });
});
