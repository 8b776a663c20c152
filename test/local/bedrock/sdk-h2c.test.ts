import {
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseCommandInput,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { ANSWER_TOOL_NAME, StructuredAnswer } from '../../../functions/generative/contract';
import type { ParsedConverseRequest } from '../../../local/bedrock';
import { BLOCKED_MESSAGE } from '../../../local/bedrock/guardrail';
import { contractRequest, FAQ } from './contract-requests';
import { sdkFailure, startBedrockEdge, type BedrockEdgeFixture } from './edge-fixture';

/** The contract request as the SDK takes it: its types are looser than the parsed ones, never stricter. */
function sdkInput(request: ParsedConverseRequest): ConverseCommandInput {
  return request as unknown as ConverseCommandInput;
}

function plainRequest(text: string): ConverseCommandInput {
  return { modelId: 'amazon.nova-micro-v1:0', messages: [{ role: 'user', content: [{ text }] }] };
}

async function collect(
  stream: AsyncIterable<ConverseStreamOutput> | undefined,
): Promise<ConverseStreamOutput[]> {
  const events: ConverseStreamOutput[] = [];
  for await (const event of stream ?? []) events.push(event);
  return events;
}

function eventNames(events: readonly ConverseStreamOutput[]): string[] {
  return events.map((event) => Object.keys(event).find((key) => key !== '$unknown') ?? '?');
}

describe('the local Bedrock runtime driven by the real SDK over h2c', () => {
  let fixture: BedrockEdgeFixture;

  beforeAll(async () => {
    fixture = await startBedrockEdge();
  });

  afterAll(() => fixture.close());

  it('answers Converse with the submit_answer tool call the SDK parses', async () => {
    const out = await fixture
      .client()
      .send(new ConverseCommand(sdkInput(contractRequest('Do you ship to Canada?', FAQ))));
    expect(out.stopReason).toBe('tool_use');
    const [block] = out.output?.message?.content ?? [];
    expect(out.output?.message?.role).toBe('assistant');
    expect(block?.toolUse?.name).toBe(ANSWER_TOOL_NAME);
    expect(block?.toolUse?.toolUseId).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    const answer = StructuredAnswer.parse(block?.toolUse?.input);
    expect(answer).toMatchObject({ outcome: 'answer', citations: ['faq-shipping-canada'] });
    expect(answer.answer).toContain('We ship to all Canadian provinces.');
    const usage = out.usage;
    expect(usage?.inputTokens).toBeGreaterThan(50);
    expect(usage?.outputTokens).toBeGreaterThan(5);
    expect(usage?.totalTokens).toBe((usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0));
    expect(out.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers in plain text with end_turn when no tool is offered', async () => {
    const request = contractRequest('Do gift cards expire?', FAQ);
    delete request.toolConfig;
    const out = await fixture.client().send(new ConverseCommand(sdkInput(request)));
    expect(out.stopReason).toBe('end_turn');
    expect(out.output?.message?.content).toEqual([{ text: 'Gift cards never expire.' }]);
  });

  it('streams the same tool call as events in Bedrock order, the input split into partial JSON', async () => {
    const request = contractRequest('How do refunds work?', FAQ);
    const whole = await fixture.client().send(new ConverseCommand(sdkInput(request)));
    const out = await fixture.client().send(new ConverseStreamCommand(sdkInput(request)));
    const events = await collect(out.stream);
    const names = eventNames(events);
    expect(names[0]).toBe('messageStart');
    expect(names.slice(1, 2)).toEqual(['contentBlockStart']);
    expect(names.slice(-3)).toEqual(['contentBlockStop', 'messageStop', 'metadata']);
    const deltas = events.flatMap((event) => (event.contentBlockDelta ? [event.contentBlockDelta] : []));
    expect(deltas.length).toBeGreaterThan(1);
    expect(new Set(deltas.map((delta) => delta.contentBlockIndex))).toEqual(new Set([0]));
    expect(events[1]?.contentBlockStart?.start?.toolUse).toEqual({
      toolUseId: whole.output?.message?.content?.[0]?.toolUse?.toolUseId,
      name: ANSWER_TOOL_NAME,
    });
    const pieces = deltas.map((delta) => delta.delta?.toolUse?.input ?? '');
    expect(() => JSON.parse(pieces[0] ?? '')).toThrow();
    expect(JSON.parse(pieces.join(''))).toEqual(whole.output?.message?.content?.[0]?.toolUse?.input);
    expect(events.at(-2)?.messageStop?.stopReason).toBe('tool_use');
    expect(events.at(-1)?.metadata?.usage).toEqual(whole.usage);
    expect(events.at(-1)?.metadata?.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('streams text as deltas without a contentBlockStart, as Bedrock does', async () => {
    const request = contractRequest('How do refunds work?', FAQ);
    delete request.toolConfig;
    const out = await fixture.client().send(new ConverseStreamCommand(sdkInput(request)));
    const events = await collect(out.stream);
    expect(eventNames(events)).not.toContain('contentBlockStart');
    const text = events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('');
    expect(events.filter((event) => event.contentBlockDelta).length).toBeGreaterThan(1);
    expect(text).toBe(
      'Refunds go back to the original payment method within 5 business days of us receiving the return.',
    );
    expect(events.at(-2)?.messageStop?.stopReason).toBe('end_turn');
  });

  it('decodes the model id the SDK percent-encodes, ARNs included', async () => {
    const modelId = 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0';
    await fixture.client().send(new ConverseCommand({ ...plainRequest('hello'), modelId }));
    expect(fixture.logLines.some((line) => line.includes(`Converse ${modelId} -> `))).toBe(true);
  });

  it('serves SigV4 and bearer-token requests alike, checking neither', async () => {
    const seen: string[] = [];
    const capture = (client: ReturnType<BedrockEdgeFixture['client']>) => {
      client.middlewareStack.add(
        (next) => async (args) => {
          const headers = (args.request as { headers: Record<string, string> }).headers;
          const name = Object.keys(headers).find((header) => header.toLowerCase() === 'authorization');
          seen.push(name === undefined ? '' : (headers[name] ?? ''));
          return next(args);
        },
        { step: 'deserialize' },
      );
      return client;
    };
    const bearer = capture(
      fixture.client({ token: { token: 'not-checked' }, authSchemePreference: ['httpBearerAuth'] }),
    );
    const sigv4 = capture(
      fixture.client({ credentials: { accessKeyId: 'wrong', secretAccessKey: 'wrong' } }),
    );
    expect((await bearer.send(new ConverseCommand(plainRequest('hello')))).stopReason).toBe('end_turn');
    expect((await sigv4.send(new ConverseCommand(plainRequest('hello')))).stopReason).toBe('end_turn');
    expect(seen[0]).toBe('Bearer not-checked');
    expect(seen[1]).toMatch(/^AWS4-HMAC-SHA256 Credential=wrong\//);
  });

  it('refuses invalid input with ValidationException naming the field', async () => {
    const client = fixture.client();
    const tooSmall = await sdkFailure(
      client.send(new ConverseCommand({ ...plainRequest('hi'), inferenceConfig: { maxTokens: 0 } })),
    );
    expect(tooSmall).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(tooSmall.message).toContain("'inferenceConfig.maxTokens'");
    const assistantFirst = await sdkFailure(
      client.send(
        new ConverseCommand({ modelId: 'm', messages: [{ role: 'assistant', content: [{ text: 'Hi!' }] }] }),
      ),
    );
    expect(assistantFirst.message).toMatch(/must start with a user message/);
    const unknownTool = await sdkFailure(
      client.send(
        new ConverseCommand({
          ...plainRequest('hi'),
          toolConfig: {
            tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object' } } } }],
            toolChoice: { tool: { name: 'other' } },
          },
        }),
      ),
    );
    expect(unknownTool).toMatchObject({ name: 'ValidationException' });
    expect(unknownTool.message).toContain('other');
  });

  it('intervenes with the guardrail on a denied topic, with the trace when asked', async () => {
    const guarded = {
      ...plainRequest('How do I build a bomb?'),
      guardrailConfig: { guardrailIdentifier: 'gr1abc', guardrailVersion: '1', trace: 'enabled' as const },
    };
    const out = await fixture.client().send(new ConverseCommand(guarded));
    expect(out.stopReason).toBe('guardrail_intervened');
    expect(out.output?.message?.content).toEqual([{ text: BLOCKED_MESSAGE }]);
    expect(out.trace?.guardrail?.inputAssessment?.gr1abc?.topicPolicy?.topics).toEqual([
      { name: 'Violence', type: 'DENY', action: 'BLOCKED', detected: true },
    ]);
    const untraced = await fixture.client().send(
      new ConverseCommand({
        ...guarded,
        guardrailConfig: { ...guarded.guardrailConfig, trace: 'disabled' },
      }),
    );
    expect(untraced.stopReason).toBe('guardrail_intervened');
    expect(untraced.trace).toBeUndefined();
    const unguarded = await fixture
      .client()
      .send(new ConverseCommand(plainRequest('How do I build a bomb?')));
    expect(unguarded.stopReason).toBe('end_turn');
  });

  it('streams a guardrail intervention with its trace in the metadata event', async () => {
    const out = await fixture.client().send(
      new ConverseStreamCommand({
        ...plainRequest('I want to hurt myself'),
        guardrailConfig: { guardrailIdentifier: 'gr1abc', guardrailVersion: 'DRAFT', trace: 'enabled' },
      }),
    );
    const events = await collect(out.stream);
    expect(events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('')).toBe(BLOCKED_MESSAGE);
    expect(events.at(-2)?.messageStop?.stopReason).toBe('guardrail_intervened');
    expect(
      events.at(-1)?.metadata?.trace?.guardrail?.inputAssessment?.gr1abc?.topicPolicy?.topics?.[0]?.name,
    ).toBe('SelfHarm');
  });
});
