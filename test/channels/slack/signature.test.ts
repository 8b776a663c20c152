import fc from 'fast-check';
import { SIGNATURE_WINDOW_SECONDS, verifySlackSignature } from '../../../channels/slack/signature';
import { slackSignature } from '../../support/slack/signed-requests';

const SECRET = 'parley-unit-signing-secret';
const NOW = 1_733_450_000;
const RUNS = { numRuns: 250 };

/** Request bodies: JSON-ish, form-ish, full Unicode (astral planes included) and printable graphemes. */
const body = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 300 }).map((text) => new URLSearchParams({ payload: text }).toString()),
);
const secret = fc.string({ unit: 'binary', minLength: 1, maxLength: 64 });
/** Seconds from NOW inside the window, both ways, edges included. */
const inWindow = fc.integer({ min: -SIGNATURE_WINDOW_SECONDS, max: SIGNATURE_WINDOW_SECONDS });

function signed(rawBody: string, options: { secret?: string; offset?: number } = {}) {
  const timestampSeconds = NOW + (options.offset ?? 0);
  return {
    signingSecret: options.secret ?? SECRET,
    timestamp: String(timestampSeconds),
    signature: slackSignature(options.secret ?? SECRET, timestampSeconds, rawBody),
    rawBody,
    nowSeconds: NOW,
  };
}

/** `text` with one character (code unit) replaced by a different one. */
function withCharChanged(text: string, index: number, replacement: string): string {
  const at = index % text.length;
  const current = text[at];
  const next = replacement === current ? (current === '0' ? '1' : '0') : replacement;
  return `${text.slice(0, at)}${next}${text.slice(at + 1)}`;
}

describe('verifySlackSignature', () => {
  it('accepts a request signed as Slack signs it', () => {
    expect(verifySlackSignature(signed('{"type":"url_verification","challenge":"abc"}'))).toEqual({
      valid: true,
    });
  });

  it('accepts any body signed with any secret at any time inside the window', () => {
    fc.assert(
      fc.property(body, secret, inWindow, (rawBody, signingSecret, offset) => {
        expect(verifySlackSignature(signed(rawBody, { secret: signingSecret, offset }))).toEqual({
          valid: true,
        });
      }),
      RUNS,
    );
  });

  it('refuses any other body under a signature', () => {
    fc.assert(
      fc.property(body, body, inWindow, (signedBody, sentBody, offset) => {
        fc.pre(signedBody !== sentBody);
        const request = { ...signed(signedBody, { offset }), rawBody: sentBody };
        expect(verifySlackSignature(request)).toEqual({ valid: false, reason: 'signature mismatch' });
      }),
      RUNS,
    );
  });

  it('refuses a body with a single character changed, appended or removed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.constantFrom('a', ' ', '\n', '}', 'é'),
        fc.constantFrom('change', 'append', 'drop'),
        (rawBody, index, replacement, edit) => {
          const sent =
            edit === 'change'
              ? withCharChanged(rawBody, index, replacement)
              : edit === 'append'
                ? `${rawBody}${replacement}`
                : rawBody.slice(0, -1);
          const request = { ...signed(rawBody), rawBody: sent };
          expect(verifySlackSignature(request)).toEqual({ valid: false, reason: 'signature mismatch' });
        },
      ),
      RUNS,
    );
  });

  it('refuses a signature moved to another timestamp inside the window', () => {
    fc.assert(
      fc.property(body, inWindow, inWindow, (rawBody, signedAt, sentAt) => {
        fc.pre(signedAt !== sentAt);
        const request = { ...signed(rawBody, { offset: signedAt }), timestamp: String(NOW + sentAt) };
        expect(verifySlackSignature(request)).toEqual({ valid: false, reason: 'signature mismatch' });
      }),
      RUNS,
    );
  });

  it('refuses a signature with any character changed, added or cut', () => {
    fc.assert(
      fc.property(
        body,
        fc.nat(),
        fc.constantFrom('0', 'f', 'F', 'v', '=', ' '),
        fc.constantFrom('change', 'append', 'drop', 'upper'),
        (rawBody, index, replacement, edit) => {
          const request = signed(rawBody);
          const good = request.signature;
          const bad =
            edit === 'change'
              ? withCharChanged(good, index, replacement)
              : edit === 'append'
                ? `${good}${replacement}`
                : edit === 'drop'
                  ? good.slice(0, -1 - (index % 8))
                  : good.toUpperCase();
          fc.pre(bad !== good);
          expect(verifySlackSignature({ ...request, signature: bad })).toEqual({
            valid: false,
            reason: 'signature mismatch',
          });
        },
      ),
      RUNS,
    );
  });

  it('refuses a body signed with another secret', () => {
    fc.assert(
      fc.property(body, secret, (rawBody, otherSecret) => {
        fc.pre(otherSecret !== SECRET);
        const request = { ...signed(rawBody, { secret: otherSecret }), signingSecret: SECRET };
        expect(verifySlackSignature(request)).toEqual({ valid: false, reason: 'signature mismatch' });
      }),
      RUNS,
    );
  });

  it('refuses correctly signed requests stamped more than 300 s in the past or the future', () => {
    const outside = fc.oneof(
      fc.integer({ min: SIGNATURE_WINDOW_SECONDS + 1, max: 400 }),
      fc.integer({ min: SIGNATURE_WINDOW_SECONDS + 1, max: NOW }),
    );
    fc.assert(
      fc.property(body, outside, fc.boolean(), (rawBody, distance, future) => {
        const offset = future ? distance : -distance;
        expect(verifySlackSignature(signed(rawBody, { offset }))).toEqual({
          valid: false,
          reason: 'timestamp outside the 5-minute window',
        });
      }),
      RUNS,
    );
  });

  it.each([
    ['exactly 300 s old', -300, true],
    ['exactly 300 s ahead', 300, true],
    ['301 s old', -301, false],
    ['301 s ahead', 301, false],
    ['a day old', -86_400, false],
  ])('window edge: %s', (_name, offset, valid) => {
    expect(verifySlackSignature(signed('{}', { offset })).valid).toBe(valid);
  });

  it.each([
    ['no timestamp', { timestamp: undefined }],
    ['no signature', { signature: undefined }],
    ['neither header', { timestamp: undefined, signature: undefined }],
    ['an empty timestamp', { timestamp: '' }],
    ['an empty signature', { signature: '' }],
  ])('refuses a request with %s as unsigned', (_name, change) => {
    expect(verifySlackSignature({ ...signed('{}'), ...change })).toEqual({
      valid: false,
      reason: 'unsigned request',
    });
  });

  it.each([
    'abc',
    '1733450000.5',
    '-1733450000',
    ' 1733450000',
    '1733450000 ',
    '1.7e9',
    '0x6756',
    '17334500001234',
  ])('refuses the non-numeric or oversized timestamp %j as malformed', (timestamp) => {
    expect(verifySlackSignature({ ...signed('{}'), timestamp })).toEqual({
      valid: false,
      reason: 'malformed timestamp',
    });
  });

  it('refuses any timestamp that is not 1-12 digits as malformed, whatever the signature', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((text) => !/^\d{1,12}$/.test(text)),
        body,
        (timestamp, rawBody) => {
          const request = signed(rawBody);
          expect(verifySlackSignature({ ...request, timestamp })).toEqual({
            valid: false,
            reason: 'malformed timestamp',
          });
        },
      ),
      RUNS,
    );
  });
});
