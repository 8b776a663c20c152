import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { decodeJsonHeader, encodeJsonHeader } from '../../../../local/lex/http/header-codec';
import { LexServiceError } from '../../../../local/lex/runtime/types';

function rejectionOf(action: () => unknown): LexServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof LexServiceError) return error;
    throw error;
  }
  throw new Error('expected a LexServiceError');
}

describe('gzip+base64 JSON header codec', () => {
  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(decodeJsonHeader('x-test', encodeJsonHeader(value))).toEqual(
          JSON.parse(JSON.stringify(value)),
        );
      }),
    );
  });

  it('encodes the input transcript as a gzipped JSON-quoted string, as Lex does', () => {
    const encoded = encodeJsonHeader('next friday');
    expect(encoded.startsWith('H4sI')).toBe(true);
    expect(decodeJsonHeader('x-amz-lex-input-transcript', encoded)).toBe('next friday');
  });

  it.each([
    ['', 'it is not valid base64'],
    ['%%%', 'it is not valid base64'],
    ['abc', 'it is not valid base64'],
    [Buffer.from('{"a":1}').toString('base64'), 'gunzip failed'],
    [gzipSync(Buffer.from('{"a":')).toString('base64'), 'the JSON is malformed'],
    [gzipSync(Buffer.from([0xff, 0xfe])).toString('base64'), 'it is not valid UTF-8'],
  ])('rejects %j with a message naming the header (%s)', (encoded, reason) => {
    const error = rejectionOf(() => decodeJsonHeader('x-amz-lex-session-state', encoded));
    expect(error.errorName).toBe('ValidationException');
    expect(error.message).toContain('Header x-amz-lex-session-state must be base64-encoded gzip of JSON');
    expect(error.message).toContain(reason);
  });

  it('refuses a gzip bomb instead of inflating it', () => {
    const bomb = gzipSync(Buffer.from(`"${'a'.repeat(2 * 1024 * 1024)}"`)).toString('base64');
    expect(rejectionOf(() => decodeJsonHeader('x-h', bomb)).message).toContain('gunzip failed');
  });

  it('either decodes or throws ValidationException for any header value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String()), (value) => {
        try {
          decodeJsonHeader('x-h', value);
        } catch (error) {
          expect(error).toBeInstanceOf(LexServiceError);
          expect((error as LexServiceError).errorName).toBe('ValidationException');
        }
      }),
    );
  });
});
