import fc from 'fast-check';
import {
  ACTION_IDS,
  decodeValue,
  encodeValue,
  FeedbackValueSchema,
  isParleyAction,
  ReplyValueSchema,
  type FeedbackValue,
  type ReplyValue,
} from '../../../channels/slack/actions';

const RUNS = { numRuns: 300 };
/** Slack's limit on a button value. */
const MAX_VALUE_LENGTH = 2000;

/** Code-unit lengths, as the schemas count them. */
const text = (min: number, max: number) =>
  fc
    .oneof(
      fc.string({ minLength: min, maxLength: max }),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.ceil(max / 4) }),
      fc.string({ unit: 'binary', minLength: min, maxLength: Math.ceil(max / 2) }),
    )
    .filter((value) => value.length >= min && value.length <= max);

const replyValue: fc.Arbitrary<ReplyValue> = fc.record({ text: text(1, 500), asker: text(1, 40) });
const feedbackValue: fc.Arbitrary<FeedbackValue> = fc.record({
  session: text(2, 100),
  turn: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  verdict: fc.constantFrom('helpful', 'unhelpful'),
});

describe('encodeValue / decodeValue', () => {
  it('round-trips a reply button value', () => {
    const value = { text: 'yes', asker: 'U0ALICE' };
    expect(decodeValue(ReplyValueSchema, encodeValue(value))).toEqual(value);
  });

  it('round-trips a feedback button value', () => {
    const value: FeedbackValue = { session: 'slack:T1:C1:dm:U1', turn: 3, verdict: 'unhelpful' };
    expect(decodeValue(FeedbackValueSchema, encodeValue(value))).toEqual(value);
  });

  it('round-trips any reply value, or refuses one whose encoding is over Slack’s limit', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          replyValue,
          // Control characters encode as six characters each (`\u0001`): 500 of them cannot fit.
          fc.record({
            text: fc.integer({ min: 250, max: 500 }).map((length) => '\u0001'.repeat(length)),
            asker: text(1, 40),
          }),
        ),
        (value) => {
          if (JSON.stringify(value).length > MAX_VALUE_LENGTH) {
            refused += 1;
            expect(() => encodeValue(value)).toThrow(RangeError);
            return;
          }
          const encoded = encodeValue(value);
          expect(encoded.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
          expect(decodeValue(ReplyValueSchema, encoded)).toEqual(value);
          expect(decodeValue(FeedbackValueSchema, encoded)).toBeUndefined();
        },
      ),
      RUNS,
    );
    expect(refused).toBeGreaterThan(0);
  });

  it('round-trips any feedback value', () => {
    fc.assert(
      fc.property(feedbackValue, (value) => {
        const encoded = encodeValue(value);
        expect(decodeValue(FeedbackValueSchema, encoded)).toEqual(value);
        expect(decodeValue(ReplyValueSchema, encoded)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('gives undefined for no value', () => {
    expect(decodeValue(ReplyValueSchema, undefined)).toBeUndefined();
    expect(decodeValue(FeedbackValueSchema, undefined)).toBeUndefined();
  });

  it.each([
    ['an empty string', ''],
    ['invalid JSON', '{"text":"yes",'],
    ['a bare word', 'yes'],
    ['JSON null', 'null'],
    ['a JSON string', '"yes"'],
    ['an array', '[{"text":"yes","asker":"U1"}]'],
    ['an empty reply text', '{"text":"","asker":"U1"}'],
    ['a reply text over 500 characters', JSON.stringify({ text: 'x'.repeat(501), asker: 'U1' })],
    ['a reply without asker', '{"text":"yes"}'],
    ['a numeric asker', '{"text":"yes","asker":7}'],
    ['a feedback value', '{"session":"slack:T1:C1:dm:U1","turn":1,"verdict":"helpful"}'],
  ])('decodes %s as no reply value', (_name, raw) => {
    expect(decodeValue(ReplyValueSchema, raw)).toBeUndefined();
  });

  it.each([
    ['invalid JSON', '{"session":'],
    ['turn 0', '{"session":"s1","turn":0,"verdict":"helpful"}'],
    ['a negative turn', '{"session":"s1","turn":-2,"verdict":"helpful"}'],
    ['a fractional turn', '{"session":"s1","turn":1.5,"verdict":"helpful"}'],
    ['a turn as a string', '{"session":"s1","turn":"1","verdict":"helpful"}'],
    ['another verdict', '{"session":"s1","turn":1,"verdict":"meh"}'],
    ['a one-character session', '{"session":"s","turn":1,"verdict":"helpful"}'],
    [
      'a session over 100 characters',
      JSON.stringify({ session: 's'.repeat(101), turn: 1, verdict: 'helpful' }),
    ],
    ['a reply value', '{"text":"yes","asker":"U1"}'],
  ])('decodes %s as no feedback value', (_name, raw) => {
    expect(decodeValue(FeedbackValueSchema, raw)).toBeUndefined();
  });

  it('decodes junk as nothing, never throwing', () => {
    const notJson = fc.string({ unit: 'binary', maxLength: 200 }).filter((raw) => {
      try {
        JSON.parse(raw);
        return false;
      } catch {
        return true;
      }
    });
    fc.assert(
      fc.property(notJson, (raw) => {
        expect(decodeValue(ReplyValueSchema, raw)).toBeUndefined();
        expect(decodeValue(FeedbackValueSchema, raw)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('decodes JSON of any other shape as nothing', () => {
    const otherJson = fc
      .jsonValue()
      .filter(
        (value) =>
          typeof value !== 'object' ||
          value === null ||
          Array.isArray(value) ||
          !('text' in value || 'session' in value),
      );
    fc.assert(
      fc.property(otherJson, (value) => {
        const raw = JSON.stringify(value);
        expect(decodeValue(ReplyValueSchema, raw)).toBeUndefined();
        expect(decodeValue(FeedbackValueSchema, raw)).toBeUndefined();
      }),
      RUNS,
    );
  });
});

describe('isParleyAction', () => {
  it.each([
    ['parley_reply', true],
    ['parley_reply_0', true],
    ['parley_reply_24', true],
    ['parley_feedback', true],
    ['parley_feedback_helpful', true],
    ['parley_feedback_unhelpful', true],
    ['parley_replyx', false],
    ['parley_feedbacks', false],
    ['parley_', false],
    ['parley', false],
    ['xparley_reply_0', false],
    ['PARLEY_REPLY_0', false],
    [' parley_reply_0', false],
    ['other_app_button', false],
    ['', false],
  ])('%j → %s', (actionId, expected) => {
    expect(isParleyAction(actionId)).toBe(expected);
  });

  it('recognises every id built from one of its prefixes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(ACTION_IDS)),
        fc.string({ unit: 'binary' }),
        (prefix, suffix) => {
          expect(isParleyAction(`${prefix}_${suffix}`)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('refuses ids that do not start with a Parley prefix and separator', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'binary', maxLength: 40 })
          .filter(
            (id) => !Object.values(ACTION_IDS).some((prefix) => id === prefix || id.startsWith(`${prefix}_`)),
          ),
        (actionId) => {
          expect(isParleyAction(actionId)).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
