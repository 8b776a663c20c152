import fc from 'fast-check';
import {
  negotiateRequestContentType,
  negotiateResponseContentType,
} from '../../../../local/lex/http/content-types';
import { LexServiceError } from '../../../../local/lex/runtime/types';

describe('RecognizeUtterance content types', () => {
  it.each([
    ['text/plain; charset=utf-8', 'text'],
    ['TEXT/PLAIN', 'text'],
    ['audio/l16; rate=16000; channels=1', 'audio'],
    ['audio/x-l16; sample-rate=16000; channel-count=1', 'audio'],
    ['audio/lpcm; sample-rate=8000; sample-size-bits=16; channel-count=1; is-big-endian=false', 'audio'],
    ['audio/x-cbr-opus-with-preamble;preamble-size=0;bit-rate=256000;frame-size-milliseconds=4', 'audio'],
  ])('accepts request type %s as %s', (value, kind) => {
    expect(negotiateRequestContentType(value)).toEqual({ value, kind });
  });

  it.each(['text/plainer', 'audio/mpeg', 'application/json', '', 'text/plain\u00e9'])(
    'rejects request type %j',
    (value) => {
      expect(() => negotiateRequestContentType(value)).toThrow(LexServiceError);
    },
  );

  it('requires a request Content-Type', () => {
    expect(() => negotiateRequestContentType(undefined)).toThrow(/Header Content-Type is required/);
  });

  it.each([
    ['text/plain; charset=utf-8', 'text'],
    ['audio/mpeg', 'audio'],
    ['audio/ogg', 'audio'],
    ['audio/pcm', 'audio'],
    ['audio/*', 'audio'],
  ])('accepts response type %s as %s', (value, kind) => {
    expect(negotiateResponseContentType('Response-Content-Type', value)).toEqual({ value, kind });
  });

  it('defaults an absent response type to text', () => {
    expect(negotiateResponseContentType('ResponseContentType', undefined)).toEqual({
      value: 'text/plain; charset=utf-8',
      kind: 'text',
    });
  });

  it('only ever accepts values that are safe to echo in a header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        try {
          const negotiated = negotiateResponseContentType('Response-Content-Type', value);
          expect(negotiated.value).toMatch(/^[\x20-\x7e]{1,256}$/);
        } catch (error) {
          expect((error as LexServiceError).errorName).toBe('ValidationException');
          expect((error as LexServiceError).message).toMatch(/^[\x20-\x7e]*$/);
        }
      }),
    );
  });
});
