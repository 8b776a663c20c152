import fc from 'fast-check';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { BedrockServiceError } from '../../../local/bedrock';
import type { JsonValue, OutputContentBlock } from '../../../local/bedrock/engine';
import { encodeEvent, encodeFailure } from '../../../local/bedrock/event-stream';
import { eventsAfterStart, splitAtSpaces, splitEvenly } from '../../../local/bedrock/stream-events';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const USAGE = { inputTokens: 10, outputTokens: 5, totalTokens: 15 };

describe('ConverseStream events', () => {
  it('splits text into at most n pieces that join back, cut after spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 1, max: 8 }), (text, parts) => {
        const pieces = splitAtSpaces(text, parts);
        expect(pieces.join('')).toBe(text);
        expect(pieces.length).toBeLessThanOrEqual(parts);
        pieces.slice(0, -1).forEach((piece) => expect(piece.endsWith(' ')).toBe(true));
      }),
    );
    expect(splitAtSpaces('We open at nine every day of the week.', 3)).toEqual([
      'We open at nine ',
      'every day of ',
      'the week.',
    ]);
  });

  it('splits JSON into at most n pieces that join back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 5 }), (value, parts) => {
        const json = JSON.stringify(value);
        const pieces = splitEvenly(json, parts);
        expect(pieces.join('')).toBe(json);
        expect(pieces.length).toBeLessThanOrEqual(parts);
      }),
    );
  });

  it('gives each block its index, in Bedrock order, for any mix of text and tool calls', () => {
    const block: fc.Arbitrary<OutputContentBlock> = fc.oneof(
      fc.record({ text: fc.string({ minLength: 1, maxLength: 80 }) }),
      fc.record({
        toolUse: fc.record({
          toolUseId: fc.stringMatching(/^[a-z0-9]{1,8}$/),
          name: fc.constant('submit_answer'),
          input: fc.jsonValue().map((value) => value as JsonValue),
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (content) => {
        const events = eventsAfterStart({ content, stopReason: 'end_turn', usage: USAGE }, 3);
        expect(events.slice(-2).map((event) => event.type)).toEqual(['messageStop', 'metadata']);
        content.forEach((original, index) => {
          const own = events.filter((event) => event.payload.contentBlockIndex === index);
          expect(own.at(-1)?.type).toBe('contentBlockStop');
          const deltas = own.filter((event) => event.type === 'contentBlockDelta');
          const delta = (event: (typeof deltas)[number]) =>
            event.payload.delta as { text?: string; toolUse?: { input: string } };
          if ('text' in original) {
            expect(own[0]?.type).toBe('contentBlockDelta');
            expect(deltas.map((event) => delta(event).text).join('')).toBe(original.text);
          } else {
            expect(own[0]?.payload.start).toEqual({
              toolUse: { toolUseId: original.toolUse.toolUseId, name: 'submit_answer' },
            });
            // Compared as JSON carries it (-0 arrives as 0).
            expect(JSON.parse(deltas.map((event) => delta(event).toolUse?.input).join(''))).toEqual(
              JSON.parse(JSON.stringify(original.toolUse.input)),
            );
          }
        });
      }),
    );
  });

  it('frames events with their headers and a padding member', () => {
    const frame = codec.decode(encodeEvent({ type: 'messageStop', payload: { stopReason: 'end_turn' } }, 4));
    expect(frame.headers).toEqual({
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: 'messageStop' },
      ':content-type': { type: 'string', value: 'application/json' },
    });
    const payload = JSON.parse(toUtf8(frame.body)) as { stopReason: string; p: string };
    expect(payload.stopReason).toBe('end_turn');
    expect(payload.p).toMatch(/^[a-zA-Z0-9]+$/);
  });

  it('frames a model error as modelStreamErrorException with its original status', () => {
    const frame = codec.decode(
      encodeFailure(new BedrockServiceError('ModelErrorException', 'broke', { originalStatusCode: 502 })),
    );
    expect(frame.headers[':exception-type']?.value).toBe('modelStreamErrorException');
    expect(JSON.parse(toUtf8(frame.body))).toEqual({
      message: 'broke',
      originalMessage: 'broke',
      originalStatusCode: 502,
    });
  });
});
