import {
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseCommandInput,
} from '@aws-sdk/client-bedrock-runtime';
import { StructuredAnswer } from '../../../functions/generative/contract';
import { FaultInjector } from '../../../local/bedrock';
import { BLOCKED_MESSAGE } from '../../../local/bedrock/guardrail';
import { http1Request } from '../lex/http/edge-fixture';
import { contractRequest, FAQ } from './contract-requests';
import { sdkFailure, startBedrockEdge, waitFor, type BedrockEdgeFixture } from './edge-fixture';

const CONTRACT = contractRequest('Do gift cards expire?', FAQ) as unknown as ConverseCommandInput;
const PLAIN: ConverseCommandInput = {
  modelId: 'amazon.nova-micro-v1:0',
  messages: [{ role: 'user', content: [{ text: 'Do gift cards expire?' }] }],
};

describe('fault injection', () => {
  let fixture: BedrockEdgeFixture;

  beforeAll(async () => {
    fixture = await startBedrockEdge();
  });

  afterAll(() => fixture.close());

  afterEach(() => fixture.faults.clear());

  it('throttles `count` requests with 429 ThrottlingException, then serves again', async () => {
    fixture.faults.set({ mode: 'throttle', count: 2 });
    const client = fixture.client();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await sdkFailure(client.send(new ConverseCommand(PLAIN)))).toMatchObject({
        name: 'ThrottlingException',
        status: 429,
      });
    }
    expect((await client.send(new ConverseCommand(PLAIN))).stopReason).toBe('end_turn');
    expect(fixture.faults.state()).toBeUndefined();
  });

  it('counts each SDK attempt: a 5xx with count 1 is absorbed by the default retry, count 3 is not', async () => {
    const retrying = fixture.client({ maxAttempts: 3 });
    fixture.faults.set({ mode: '5xx', count: 1 });
    const recovered = await retrying.send(new ConverseCommand(PLAIN));
    expect(recovered.$metadata.attempts).toBe(2);
    fixture.faults.set({ mode: '5xx', status: 503, count: 3 });
    expect(await sdkFailure(retrying.send(new ConverseCommand(PLAIN)))).toMatchObject({
      name: 'ServiceUnavailableException',
      status: 503,
      attempts: 3,
    });
  });

  it('answers 500 InternalServerException for a 5xx fault by default, until cleared', async () => {
    fixture.faults.set({ mode: '5xx' });
    const client = fixture.client();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await sdkFailure(client.send(new ConverseStreamCommand(PLAIN)))).toMatchObject({
        name: 'InternalServerException',
        status: 500,
      });
    }
    expect(fixture.faults.state()).toMatchObject({ remaining: null, triggered: 3 });
    fixture.faults.clear();
    expect((await client.send(new ConverseCommand(PLAIN))).stopReason).toBe('end_turn');
  });

  it('holds a timeout fault for its delay, then answers 408 ModelTimeoutException (not retried)', async () => {
    fixture.faults.set({ mode: 'timeout', delayMs: 60, count: 1 });
    const started = Date.now();
    const failure = await sdkFailure(fixture.client({ maxAttempts: 3 }).send(new ConverseCommand(PLAIN)));
    expect(failure).toMatchObject({ name: 'ModelTimeoutException', status: 408, attempts: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('lets the client abort a held request, and stops holding it', async () => {
    fixture.faults.set({ mode: 'timeout' });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    const started = Date.now();
    const failure = await sdkFailure(
      fixture.client().send(new ConverseCommand(PLAIN), { abortSignal: abort.signal }),
    );
    expect(failure.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(5000);
    await waitFor(() => fixture.logLines.some((line) => line.includes('-> client aborted')));
  });

  it('answers the tool with off-schema input for malformed, with HTTP 200', async () => {
    fixture.faults.set({ mode: 'malformed', count: 1 });
    const out = await fixture.client().send(new ConverseCommand(CONTRACT));
    expect(out.stopReason).toBe('tool_use');
    const input = out.output?.message?.content?.[0]?.toolUse?.input;
    expect(StructuredAnswer.safeParse(input).success).toBe(false);
    expect(input).toEqual({ response: 'Gift cards never expire.' });
  });

  it('answers in prose instead of the tool for malformed variant prose, streamed too', async () => {
    fixture.faults.set({ mode: 'malformed', variant: 'prose', count: 1 });
    const out = await fixture.client().send(new ConverseStreamCommand(CONTRACT));
    const events = [];
    for await (const event of out.stream ?? []) events.push(event);
    expect(events.some((event) => event.contentBlockStart)).toBe(false);
    expect(events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('')).toBe(
      'Sure! Here is what I found: Gift cards never expire.',
    );
    expect(events.at(-2)?.messageStop?.stopReason).toBe('end_turn');
  });

  it('forces guardrail_intervened, even without guardrailConfig', async () => {
    fixture.faults.set({ mode: 'guardrail', count: 1 });
    const out = await fixture.client().send(new ConverseCommand(CONTRACT));
    expect(out.stopReason).toBe('guardrail_intervened');
    expect(out.output?.message?.content).toEqual([{ text: BLOCKED_MESSAGE }]);
    expect((await fixture.client().send(new ConverseCommand(CONTRACT))).stopReason).toBe('tool_use');
  });

  it('does not spend a fault on a request that fails validation', async () => {
    fixture.faults.set({ mode: 'throttle', count: 1 });
    const invalid = await sdkFailure(
      fixture.client().send(new ConverseCommand({ ...PLAIN, inferenceConfig: { topP: 2 } })),
    );
    expect(invalid.name).toBe('ValidationException');
    expect(fixture.faults.state()).toMatchObject({ remaining: 1, triggered: 0 });
  });

  describe('the admin route', () => {
    const faultsPath = '/_parley/bedrock/faults';
    const call = (method: string, body?: unknown) =>
      http1Request(fixture.edge.port, method, faultsPath, {
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    it('arms, shows and clears a fault', async () => {
      const armed = await call('POST', { mode: 'timeout', delayMs: 10, count: 2 });
      expect(armed.status).toBe(200);
      expect(JSON.parse(armed.body)).toEqual({
        fault: { fault: { mode: 'timeout', delayMs: 10 }, remaining: 2, triggered: 0 },
      });
      expect(JSON.parse((await call('GET')).body)).toMatchObject({ fault: { remaining: 2 } });
      expect(await sdkFailure(fixture.client().send(new ConverseCommand(PLAIN)))).toMatchObject({
        name: 'ModelTimeoutException',
      });
      expect(JSON.parse((await call('GET')).body)).toMatchObject({ fault: { remaining: 1, triggered: 1 } });
      expect(JSON.parse((await call('DELETE')).body)).toEqual({ fault: null });
      expect(JSON.parse((await call('GET')).body)).toEqual({ fault: null });
    });

    it('refuses a bad spec with ValidationException naming the field, arming nothing', async () => {
      const unknownMode = await call('POST', { mode: 'explode' });
      expect(unknownMode.status).toBe(400);
      expect(unknownMode.headers['x-amzn-errortype']).toBe('ValidationException');
      expect(JSON.parse(unknownMode.body).message).toContain("'mode'");
      const misplaced = await call('POST', { mode: 'throttle', delayMs: 5 });
      expect(JSON.parse(misplaced.body).message).toContain("'delayMs'");
      expect(JSON.parse(misplaced.body).message).toContain('timeout');
      const notJson = await http1Request(fixture.edge.port, 'POST', faultsPath, { body: '{mode' });
      expect(notJson.status).toBe(400);
      expect(fixture.faults.state()).toBeUndefined();
      expect((await call('PUT')).status).toBe(405);
    });
  });
});

describe('FaultInjector', () => {
  it('applies a fault `count` times, or until cleared without a count', () => {
    const faults = new FaultInjector();
    faults.set({ mode: 'throttle', count: 2 });
    expect([faults.take(), faults.take(), faults.take()]).toEqual([
      { mode: 'throttle' },
      { mode: 'throttle' },
      undefined,
    ]);
    faults.set({ mode: '5xx' });
    for (let request = 0; request < 5; request += 1)
      expect(faults.take()).toEqual({ mode: '5xx', status: 500 });
    faults.clear();
    expect(faults.take()).toBeUndefined();
  });

  it('fills in defaults and replaces an armed fault with a new one', () => {
    const faults = new FaultInjector();
    expect(faults.set({ mode: 'timeout' }).fault).toEqual({ mode: 'timeout', delayMs: 30_000 });
    faults.set({ mode: 'guardrail', count: 1 });
    expect(faults.take()).toEqual({ mode: 'guardrail' });
    expect(faults.take()).toBeUndefined();
  });

  it('refuses specs that are not faults', () => {
    const faults = new FaultInjector();
    for (const spec of [
      {},
      { mode: 'throttle', count: 0 },
      { mode: '5xx', status: 502 },
      { mode: 'guardrail', extra: 1 },
    ]) {
      expect(() => faults.set(spec)).toThrow(/validation error/);
    }
  });
});
