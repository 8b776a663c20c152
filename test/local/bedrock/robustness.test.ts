import fc from 'fast-check';
import { formatPassages, QUESTION_PREFIX } from '../../../functions/generative/contract';
import { http1Request } from '../lex/http/edge-fixture';
import { FAQ } from './contract-requests';
import { startBedrockEdge, type BedrockEdgeFixture } from './edge-fixture';

const AWS_ERROR_STATUS = new Set([400, 404, 405, 408, 424, 429, 500, 503]);

const nonBlankText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80 }).filter((value) => value.trim() !== ''),
  fc.constantFrom('Do you ship to Canada?', `${QUESTION_PREFIX}refunds`, formatPassages(FAQ), 'agent'),
);

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('Do you ship to Canada?', `${QUESTION_PREFIX}refunds`, formatPassages(FAQ), ' ', ''),
);

/** Content blocks: mostly plausible members, sometimes several or none, sometimes garbage. */
const contentBlock = fc.oneof(
  { arbitrary: fc.record({ text }), weight: 6 },
  {
    arbitrary: fc.oneof(
      fc.record({
        toolUse: fc.record(
          {
            toolUseId: fc.string({ maxLength: 8 }),
            name: fc.string({ maxLength: 8 }),
            input: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
      }),
      fc.record({
        toolResult: fc.record({
          toolUseId: fc.string({ maxLength: 8 }),
          content: fc.array(fc.record({ text }), { maxLength: 2 }),
        }),
      }),
      fc.record({
        image: fc.record({
          format: fc.constantFrom('png', 'bmp'),
          source: fc.record({ bytes: fc.base64String({ maxLength: 12 }) }),
        }),
      }),
      fc.record({ cachePoint: fc.record({ type: fc.constantFrom('default', 'other') }) }),
      fc.record({ guardContent: fc.record({ text: fc.record({ text }) }) }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
    ),
    weight: 3,
  },
);

const message = fc.record(
  {
    role: fc.constantFrom('user', 'assistant', 'system', 'bot'),
    content: fc.array(contentBlock, { maxLength: 3 }),
  },
  { requiredKeys: ['role'] },
);

/** Alternating user/assistant turns, so more bodies get past the shape checks to the engine. */
const conversation = fc
  .array(fc.array(contentBlock, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 })
  .map((turns) => turns.map((content, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content })));

/** Mostly valid values, sometimes out of range or of the wrong type. */
function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | fc.JsonValue> {
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 });
}

const converseBody = fc.record(
  {
    messages: fc.oneof(
      { arbitrary: conversation, weight: 4 },
      { arbitrary: fc.array(message, { maxLength: 3 }), weight: 1 },
    ),
    system: mostly(
      fc.array(fc.record({ text: fc.string({ minLength: 1, maxLength: 40 }) }), { maxLength: 2 }),
    ),
    inferenceConfig: mostly(
      fc.record(
        {
          maxTokens: fc.integer({ min: 1, max: 600 }),
          temperature: fc.double({ min: 0, max: 1, noNaN: true }),
          stopSequences: fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    ),
    toolConfig: mostly(
      fc.constant({
        tools: [{ toolSpec: { name: 'submit_answer', inputSchema: { json: { type: 'object' } } } }],
        toolChoice: { tool: { name: 'submit_answer' } },
      }),
    ),
    guardrailConfig: mostly(
      fc.record(
        { guardrailIdentifier: fc.constantFrom('gr1', 'BAD ID'), trace: fc.constantFrom('enabled', 'no') },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['messages'] },
);

const body = fc.oneof(
  { arbitrary: converseBody.map((value) => JSON.stringify(value)), weight: 6 },
  { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 1 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
);

const path = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '/model/amazon.nova-micro-v1%3A0/converse',
      '/model/amazon.nova-micro-v1%3A0/converse-stream',
    ),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('/model/x/invoke', '/_parley/bedrock/faults'), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('converse', 'converse-stream', 'other'))
      .map(([modelId, action]) => `/model/${encodeURIComponent(modelId)}/${action}`),
    weight: 1,
  },
);

describe('the local Bedrock runtime under arbitrary input', () => {
  let fixture: BedrockEdgeFixture;

  beforeAll(async () => {
    fixture = await startBedrockEdge();
  });

  afterAll(() => fixture.close());

  it('answers every request with a success or a well-formed AWS error, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.constant('POST'), weight: 6 }, fc.constantFrom('GET', 'DELETE')),
        path,
        fc.oneof(
          { arbitrary: fc.constant('application/json'), weight: 6 },
          fc.constantFrom('text/plain', undefined),
        ),
        body,
        async (method, target, contentType, payload) => {
          const response = await http1Request(fixture.edge.port, method, target, {
            headers: contentType ? { 'content-type': contentType } : {},
            body: payload,
          });
          expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
          if (response.status === 200) return;
          expect(AWS_ERROR_STATUS.has(response.status)).toBe(true);
          expect(typeof response.headers['x-amzn-errortype']).toBe('string');
          expect(typeof (JSON.parse(response.body) as { message?: unknown }).message).toBe('string');
        },
      ),
      { numRuns: 200 },
    );
    fixture.faults.clear();
    expect(fixture.logLines.filter((line) => line.includes('internal error'))).toEqual([]);
  });

  it('answers every valid request with 200 and a complete response, whatever the words', async () => {
    const validBody = fc.record(
      {
        messages: fc
          .array(fc.array(fc.record({ text: nonBlankText }), { minLength: 1, maxLength: 2 }), {
            minLength: 1,
            maxLength: 5,
          })
          .filter((turns) => turns.length % 2 === 1)
          .map((turns) =>
            turns.map((content, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content })),
          ),
        inferenceConfig: fc.record({ maxTokens: fc.integer({ min: 1, max: 2000 }) }, { requiredKeys: [] }),
        toolConfig: fc.constant({
          tools: [{ toolSpec: { name: 'submit_answer', inputSchema: { json: { type: 'object' } } } }],
          toolChoice: { tool: { name: 'submit_answer' } },
        }),
        guardrailConfig: fc.constant({ guardrailIdentifier: 'gr1', guardrailVersion: '1', trace: 'enabled' }),
      },
      { requiredKeys: ['messages'] },
    );
    await fc.assert(
      fc.asyncProperty(validBody, fc.constantFrom('converse', 'converse-stream'), async (request, action) => {
        const response = await http1Request(fixture.edge.port, 'POST', `/model/m/${action}`, {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        });
        expect(response.status).toBe(200);
        if (action === 'converse') {
          const body = JSON.parse(response.body) as {
            output: { message: { content: unknown[] } };
            stopReason: string;
          };
          expect(body.output.message.content.length).toBeGreaterThan(0);
          expect(typeof body.stopReason).toBe('string');
        }
      }),
      { numRuns: 100 },
    );
  });
});
