import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { localClientConfig } from '../../support/local-stack';
import { startEdge, type Edge } from '../../../local/edge/server';
import type { EdgeService } from '../../../local/edge/service';
import { createFunctionUrlService } from '../../../local/lambda/function-url';
import { LocalFunctions, functionNameOf } from '../../../local/lambda/functions';
import { createLambdaHttpService, type LambdaHttpService } from '../../../local/lambda/service';
import { postSlack } from '../../support/slack/signed-requests';

let edge: Edge;
let lambda: LambdaHttpService;
let client: LambdaClient;
const functions = new LocalFunctions();
const logged: string[] = [];

beforeAll(async () => {
  const services: EdgeService[] = [];
  lambda = createLambdaHttpService({ functions, retryDelaysMs: [10, 20], log: (line) => logged.push(line) });
  services.push(lambda, createFunctionUrlService({ path: '/hook', functionName: 'web' }, functions));
  edge = await startEdge({ services });
  client = new LambdaClient(localClientConfig(edge.url));
});

afterAll(async () => {
  client.destroy();
  await edge.close();
});

const payload = (value: unknown) => Buffer.from(JSON.stringify(value));
const decoded = (bytes: Uint8Array | undefined) =>
  JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as unknown;

describe('the local Lambda Invoke API, through @aws-sdk/client-lambda', () => {
  it('runs a RequestResponse invocation and returns what the handler returned', async () => {
    functions.deploy({ name: 'echo', timeoutMs: 1_000, handler: async (event) => ({ got: event }) });
    const result = await client.send(new InvokeCommand({ FunctionName: 'echo', Payload: payload({ a: 1 }) }));
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBeUndefined();
    expect(decoded(result.Payload)).toEqual({ got: { a: 1 } });
  });

  it('reports a thrown error as a function error, as Lambda does', async () => {
    functions.deploy({
      name: 'broken',
      timeoutMs: 1_000,
      handler: async () => {
        throw new TypeError('no such thing');
      },
    });
    const result = await client.send(new InvokeCommand({ FunctionName: 'broken', Payload: payload({}) }));
    expect(result.FunctionError).toBe('Unhandled');
    expect(decoded(result.Payload)).toEqual({ errorType: 'TypeError', errorMessage: 'no such thing' });
  });

  it('accepts an ARN with a qualifier for a deployed name, and refuses an unknown function', async () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:echo:live';
    expect(functionNameOf(arn)).toBe('echo');
    const result = await client.send(new InvokeCommand({ FunctionName: arn, Payload: payload(2) }));
    expect(decoded(result.Payload)).toEqual({ got: 2 });
    await expect(client.send(new InvokeCommand({ FunctionName: 'nobody' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('queues an Event invocation, answers 202 at once, and retries a failing handler twice', async () => {
    let calls = 0;
    functions.deploy({
      name: 'flaky',
      timeoutMs: 1_000,
      handler: async () => {
        calls += 1;
        if (calls < 3) throw new Error(`attempt ${calls} failed`);
      },
    });
    const result = await client.send(
      new InvokeCommand({ FunctionName: 'flaky', InvocationType: 'Event', Payload: payload({}) }),
    );
    expect(result.StatusCode).toBe(202);
    await lambda.drain();
    expect(calls).toBe(3);
  });

  it('drops an Event invocation after three failed attempts, saying so', async () => {
    let calls = 0;
    functions.deploy({
      name: 'hopeless',
      timeoutMs: 1_000,
      handler: async () => {
        calls += 1;
        throw new Error('always');
      },
    });
    await client.send(
      new InvokeCommand({ FunctionName: 'hopeless', InvocationType: 'Event', Payload: payload({}) }),
    );
    await lambda.drain();
    expect(calls).toBe(3);
    expect(logged.join('\n')).toMatch(/hopeless async invocation .* no retries left, the event is dropped/);
  });

  it('refuses a payload that is not JSON and an unknown invocation type, naming them', async () => {
    await expect(
      client.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{not json') })),
    ).rejects.toMatchObject({ name: 'InvalidRequestContentException' });
    await expect(
      client.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Later' as never })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringMatching(/Later/),
    });
  });
});

describe('a local function URL', () => {
  it('passes the request as a payload-format 2.0 event and writes the structured result back', async () => {
    const seen: APIGatewayProxyEventV2[] = [];
    functions.deploy({
      name: 'web',
      timeoutMs: 1_000,
      handler: async (event) => {
        seen.push(event as APIGatewayProxyEventV2);
        return { statusCode: 201, headers: { 'x-answer': 'yes' }, body: 'made' };
      },
    });
    const json = await postSlack(`${edge.url}/hook?x=1`, '{"a":1}', { 'content-type': 'application/json' });
    expect(json).toMatchObject({
      status: 201,
      body: 'made',
      headers: expect.objectContaining({ 'x-answer': 'yes' }),
    });
    const form = await postSlack(`${edge.url}/hook`, 'payload=%7B%7D', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(201);
    expect(seen[0]).toMatchObject({
      version: '2.0',
      rawPath: '/hook',
      rawQueryString: 'x=1',
      body: '{"a":1}',
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/hook' } },
    });
    // A function URL base64-encodes bodies that are not text.
    expect(seen[1]).toMatchObject({
      isBase64Encoded: true,
      body: Buffer.from('payload=%7B%7D').toString('base64'),
    });
  });

  it('answers 502 when the function fails, and keeps serving', async () => {
    functions.deploy({
      name: 'web',
      timeoutMs: 1_000,
      handler: async () => {
        throw new Error('boom');
      },
    });
    expect((await postSlack(`${edge.url}/hook`, '{}', { 'content-type': 'application/json' })).status).toBe(
      502,
    );
    functions.deploy({
      name: 'web',
      timeoutMs: 1_000,
      handler: async () => ({ statusCode: 200, body: 'ok' }),
    });
    expect((await postSlack(`${edge.url}/hook`, '{}', { 'content-type': 'application/json' })).body).toBe(
      'ok',
    );
  });
});
