import * as http from 'node:http';
import { EventStreamCodec, type Message } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { BedrockServiceError, type ConverseEngine } from '../../../local/bedrock';
import { http1Request, type PlainResponse } from '../lex/http/edge-fixture';
import { contractRequest, FAQ } from './contract-requests';
import { startBedrockEdge, type BedrockEdgeFixture } from './edge-fixture';

const CONVERSE = '/model/amazon.nova-micro-v1%3A0/converse';
const CONVERSE_STREAM = '/model/amazon.nova-micro-v1%3A0/converse-stream';
const codec = new EventStreamCodec(toUtf8, fromUtf8);

function expectAwsError(response: PlainResponse, status: number, errorType: string): string {
  expect(response.status).toBe(status);
  expect(response.headers['x-amzn-errortype']).toBe(errorType);
  expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers['content-type']).toBe('application/json');
  return (JSON.parse(response.body) as { message: string }).message;
}

/** POSTs over HTTP/1.1 and splits the body into event-stream messages, as a non-SDK client would. */
function postForFrames(
  port: number,
  path: string,
  body: unknown,
): Promise<{ status: number; contentType?: string; messages: Message[] }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const messages: Message[] = [];
          for (let offset = 0; offset < bytes.length;) {
            const length = bytes.readUInt32BE(offset);
            messages.push(codec.decode(bytes.subarray(offset, offset + length)));
            offset += length;
          }
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], messages });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function header(message: Message, name: string): unknown {
  return message.headers[name]?.value;
}

describe('the local Bedrock runtime over plain HTTP/1.1', () => {
  let fixture: BedrockEdgeFixture;
  let port: number;

  beforeAll(async () => {
    fixture = await startBedrockEdge();
    port = fixture.edge.port;
  });

  afterAll(() => fixture.close());

  const post = (
    path: string,
    body: unknown,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) =>
    http1Request(port, 'POST', path, {
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers Converse with exactly the response members Bedrock has', async () => {
    const response = await post(CONVERSE, contractRequest('Do you ship to Canada?', FAQ));
    expect(response.httpVersion).toBe('1.1');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['output', 'stopReason', 'usage', 'metrics']);
    expect(Object.keys(body.usage as object)).toEqual(['inputTokens', 'outputTokens', 'totalTokens']);
    expect(Object.keys(body.metrics as object)).toEqual(['latencyMs']);
  });

  it('frames ConverseStream as event-stream messages with Bedrock headers and padded payloads', async () => {
    const { status, contentType, messages } = await postForFrames(
      port,
      CONVERSE_STREAM,
      contractRequest('Do you ship to Canada?', FAQ),
    );
    expect(status).toBe(200);
    expect(contentType).toBe('application/vnd.amazon.eventstream');
    expect(messages.map((message) => header(message, ':message-type'))).toEqual(messages.map(() => 'event'));
    expect(messages.every((message) => header(message, ':content-type') === 'application/json')).toBe(true);
    const types = messages.map((message) => header(message, ':event-type'));
    expect(types[0]).toBe('messageStart');
    expect(types.slice(-2)).toEqual(['messageStop', 'metadata']);
    const payloads = messages.map((message) => JSON.parse(toUtf8(message.body)) as Record<string, unknown>);
    expect(payloads[0]).toMatchObject({ role: 'assistant' });
    expect(payloads.every((payload) => typeof payload.p === 'string' && payload.p.length > 0)).toBe(true);
  });

  it('accepts a body without Content-Type, as curl sends it', async () => {
    const response = await http1Request(port, 'POST', CONVERSE, {
      body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hello' }] }] }),
    });
    expect(response.status).toBe(200);
  });

  it('refuses bodies that are not JSON, or not the right JSON, with ValidationException', async () => {
    expect(expectAwsError(await post(CONVERSE, '{"messages": ['), 400, 'ValidationException')).toMatch(
      /not valid JSON/,
    );
    expect(
      expectAwsError(
        await post(CONVERSE, 'hi', { 'content-type': 'text/plain' }),
        400,
        'ValidationException',
      ),
    ).toMatch(/Content-Type must be application\/json/);
    expect(expectAwsError(await post(CONVERSE, {}), 400, 'ValidationException')).toBe(
      "1 validation error detected: Value at 'messages' failed to satisfy constraint: Member must not be null",
    );
    const blank = await post(CONVERSE, { messages: [{ role: 'user', content: [{ text: '  ' }] }] });
    expect(expectAwsError(blank, 400, 'ValidationException')).toMatch(/messages\.0\.content\.0 is blank/);
    const twoMembers = await post(CONVERSE, {
      messages: [{ role: 'user', content: [{ text: 'a', cachePoint: { type: 'default' } }] }],
    });
    expect(expectAwsError(twoMembers, 400, 'ValidationException')).toMatch(
      /'messages\[0\]\.content\[0\]'.*exactly one of/,
    );
    const badModel = await post('/model/bad%20model/converse', {
      messages: [{ role: 'user', content: [{ text: 'a' }] }],
    });
    expect(expectAwsError(badModel, 400, 'ValidationException')).toContain("'modelId'");
    expect(expectAwsError(await post('/model/%E0%A4%A/converse', {}), 400, 'ValidationException')).toMatch(
      /percent-encoding/,
    );
  });

  it('names the operations it does not emulate, and unknown paths', async () => {
    expect(expectAwsError(await post('/model/m/invoke', {}), 404, 'UnknownOperationException')).toMatch(
      /InvokeModel is not emulated locally/,
    );
    expect(
      expectAwsError(await http1Request(port, 'GET', CONVERSE), 404, 'UnknownOperationException'),
    ).toMatch(/No Bedrock Runtime operation matches GET/);
  });
});

describe('engine failures on the wire', () => {
  let fixture: BedrockEdgeFixture;
  let failure: Error;
  const engine: ConverseEngine = {
    id: 'failing-engine',
    converse: () => Promise.reject(failure),
  };

  beforeAll(async () => {
    fixture = await startBedrockEdge(engine);
  });

  afterAll(() => fixture.close());

  const body = { messages: [{ role: 'user', content: [{ text: 'hello' }] }] };

  it('keeps the name, status and details of a declared error', async () => {
    failure = new BedrockServiceError('ModelErrorException', 'the model broke', {
      originalStatusCode: 500,
      resourceName: 'llama',
    });
    const response = await http1Request(fixture.edge.port, 'POST', CONVERSE, { body: JSON.stringify(body) });
    expect(response.status).toBe(424);
    expect(JSON.parse(response.body)).toEqual({
      message: 'the model broke',
      originalStatusCode: 500,
      resourceName: 'llama',
    });
  });

  it('turns a crash into InternalServerException and logs it with the request id', async () => {
    failure = new TypeError('undefined is not a function');
    const response = await http1Request(fixture.edge.port, 'POST', CONVERSE, { body: JSON.stringify(body) });
    expect(expectAwsError(response, 500, 'InternalServerException')).toMatch(/see its log for request/);
    const requestId = String(response.headers['x-amzn-requestid']);
    expect(fixture.logLines.some((line) => line.includes(requestId) && line.includes('TypeError'))).toBe(
      true,
    );
  });

  it('reports a failure after the 200 as an exception frame, or an error frame for unmodeled errors', async () => {
    failure = new BedrockServiceError('ThrottlingException', 'slow down');
    const modeled = await postForFrames(fixture.edge.port, CONVERSE_STREAM, body);
    expect(modeled.status).toBe(200);
    expect(
      modeled.messages.map((message) => header(message, ':event-type') ?? header(message, ':exception-type')),
    ).toEqual(['messageStart', 'throttlingException']);
    expect(JSON.parse(toUtf8(modeled.messages[1]?.body ?? new Uint8Array()))).toEqual({
      message: 'slow down',
    });
    failure = new BedrockServiceError('ModelTimeoutException', 'too slow');
    const unmodeled = await postForFrames(fixture.edge.port, CONVERSE_STREAM, body);
    expect(unmodeled.messages[1]?.headers).toMatchObject({
      ':message-type': { value: 'error' },
      ':error-code': { value: 'ModelTimeoutException' },
      ':error-message': { value: 'too slow' },
    });
  });
});
