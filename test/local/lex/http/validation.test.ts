import fc from 'fast-check';
import { z } from 'zod';
import { putSessionBodySchema, recognizeTextBodySchema } from '../../../../local/lex/http/requests';
import { describeIssues } from '../../../../local/edge/validation-message';
import { parseOrReject } from '../../../../local/lex/http/validation';
import { LexServiceError } from '../../../../local/lex/runtime/types';

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues;
}

describe('AWS-style validation messages', () => {
  it('counts and lists each violation with its field path', () => {
    const schema = z.object({ a: z.array(z.object({ b: z.number().int().max(3) })), c: z.string() });
    expect(describeIssues(issuesOf(schema, { a: [{ b: 1 }, { b: 4 }, { b: 1.5 }] }))).toBe(
      '3 validation errors detected: ' +
        "Value at 'a[1].b' failed to satisfy constraint: Member must have value less than or equal to 3; " +
        "Value at 'a[2].b' failed to satisfy constraint: Member must be an integer; " +
        "Value at 'c' failed to satisfy constraint: Member must not be null",
    );
  });

  it('prefixes fields decoded from a header with the header member name', () => {
    expect(describeIssues(issuesOf(z.object({ a: z.string() }), { a: 1 }), 'sessionState')).toBe(
      "1 validation error detected: Value at 'sessionState.a' failed to satisfy constraint: Member must be a string",
    );
  });

  it('reports the total but lists at most ten violations', () => {
    const message = describeIssues(issuesOf(z.array(z.string()), Array(12).fill(0)));
    expect(message).toMatch(/^12 validation errors detected: /);
    expect(message.split('; ')).toHaveLength(10);
  });

  it('throws ValidationException from parseOrReject', () => {
    expect(() => parseOrReject(recognizeTextBodySchema, { text: 5 })).toThrow(LexServiceError);
    expect(parseOrReject(recognizeTextBodySchema, { text: 'hi', extra: true })).toEqual({ text: 'hi' });
  });

  it('accepts a full session state the runtime itself would produce', () => {
    const sessionState = {
      dialogAction: {
        type: 'ElicitSlot',
        slotToElicit: 'Name',
        slotElicitationStyle: 'SpellByLetter',
        subSlotToElicit: { name: 'First' },
      },
      intent: {
        name: 'BookHotel',
        state: 'InProgress',
        confirmationState: 'None',
        slots: {
          City: {
            shape: 'Scalar',
            value: { originalValue: 'paris', interpretedValue: 'Paris', resolvedValues: ['Paris'] },
          },
          Nights: null,
          Extras: {
            shape: 'List',
            value: { interpretedValue: 'wifi and parking' },
            values: [{ shape: 'Scalar', value: { interpretedValue: 'wifi' } }],
          },
          Name: {
            shape: 'Composite',
            subSlots: { First: { value: { interpretedValue: 'Ana' } }, Last: null },
          },
        },
      },
      activeContexts: [
        {
          name: 'booking',
          timeToLive: { timeToLiveInSeconds: 90, turnsToLive: 5 },
          contextAttributes: { City: 'Paris' },
        },
      ],
      sessionAttributes: { tier: 'gold' },
      originatingRequestId: 'abc',
      runtimeHints: {
        slotHints: { BookHotel: { City: { runtimeHintValues: [{ phrase: 'Paris' }], subSlotHints: {} } } },
      },
    };
    expect(parseOrReject(putSessionBodySchema, { sessionState }).sessionState).toEqual(sessionState);
  });

  it('never throws anything but ValidationException on arbitrary JSON bodies', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const schema of [recognizeTextBodySchema, putSessionBodySchema] as z.ZodType[]) {
          try {
            parseOrReject(schema, value);
          } catch (error) {
            expect((error as LexServiceError).errorName).toBe('ValidationException');
            expect((error as LexServiceError).message).toMatch(/^\d+ validation errors? detected: /);
          }
        }
      }),
    );
  });
});
