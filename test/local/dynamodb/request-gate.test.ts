/**
 * DynamoDB behind the edge: the gate in front of dynalite (found by the endpoint fuzzer, test/local/fuzz).
 */
import {
  DynamoDBClient,
  ListTablesCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynalite } from '../../../local/dynamodb/dynalite-service';
import type { DynamoDbService } from '../../../local/dynamodb/service';
import { dynamoDbEdgeService } from '../../../local/dynamodb/edge-service';
import { startEdge, type Edge } from '../../../local/edge/server';
import { sendAndHangUp, sendRaw, type RawRequest } from '../../support/fuzz/raw-http';
import { capture, capturingHandler } from '../../support/fuzz/sdk-capture';
import { localClientConfig } from '../../support/local-stack';

let dynamo: DynamoDbService;
let edge: Edge;
let client: DynamoDBClient;
const logLines: string[] = [];

beforeAll(async () => {
  dynamo = await startDynalite();
  edge = await startEdge({ services: [dynamoDbEdgeService(dynamo)], log: (line) => logLines.push(line) });
  client = new DynamoDBClient(localClientConfig(edge.url));
});

afterAll(async () => {
  client.destroy();
  await edge.close();
  await dynamo.close();
});

const listTables = (body: string, headers: Record<string, string> = {}): RawRequest => ({
  method: 'POST',
  target: '/',
  headers: Object.entries({
    'x-amz-target': 'DynamoDB_20120810.ListTables',
    'content-type': 'application/x-amz-json-1.0',
    authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request',
    ...headers,
  }),
  body: Buffer.from(body),
});

function errorOf(response: { status: number; body: Buffer }): { __type: string; message: string } {
  return JSON.parse(response.body.toString('utf8')) as { __type: string; message: string };
}

describe('the DynamoDB gate', () => {
  it('keeps serving after a client hangs up halfway through a request (dynalite used to rethrow and crash)', async () => {
    // All but the last byte of the body: the request is cut inside its body, not its head.
    await sendAndHangUp(edge.port, listTables('{"Limit": 10}'), Number.MAX_SAFE_INTEGER);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    // The edge notes the cut connection; nothing failed.
    expect(logLines.filter((line) => !line.startsWith('edge: connection error'))).toEqual([]);
  });

  it('answers a body dynalite cannot read (a null attribute value) with an error instead of crashing', async () => {
    const sdk = new DynamoDBClient({
      ...localClientConfig(edge.url),
      requestHandler: capturingHandler,
      maxAttempts: 1,
    });
    const put = await capture(
      sdk.send(new PutItemCommand({ TableName: 'nowhere', Item: { pk: { S: 'a' }, broken: { S: 'x' } } })),
    );
    sdk.destroy();
    // No SDK sends this; curl or a hand-written client can. dynalite threw on it, from an event handler.
    const body = Buffer.from(put.body.toString('utf8').replace('{"S":"x"}', 'null'));
    const response = await sendRaw(edge.port, { ...put, body });
    expect(response.status).toBe(400);
    expect(errorOf(response)).toEqual({
      __type: 'com.amazon.coral.service#SerializationException',
      message: expect.stringMatching(/^The local DynamoDB could not read this PutItem request: /),
    });
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });

  it('names the operation the local DynamoDB does not serve, with a body the SDK accepts', async () => {
    const failure = await client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Put: { TableName: 't', Item: { k: { S: 'v' } } } }],
        }),
      )
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'UnknownOperationException' });
    expect((failure as Error).message).toBe(
      'The local DynamoDB does not serve TransactWriteItems (X-Amz-Target DynamoDB_20120810.TransactWriteItems)',
    );
  });

  it.each([
    ['a body that is not JSON', listTables('{"Limit": '), 'SerializationException', /not valid JSON/],
    [
      'a content type that is not JSON',
      listTables('{}', { 'content-type': 'text/plain' }),
      'UnknownOperationException',
      /Content-Type application\/x-amz-json-1\.0, not "text\/plain"/,
    ],
    [
      'a method other than POST',
      { ...listTables(''), method: 'PUT' },
      'UnknownOperationException',
      /POST requests to \/, not PUT/,
    ],
    [
      'no operation after the prefix',
      listTables('{}', { 'x-amz-target': 'DynamoDB_20120810.' }),
      'UnknownOperationException',
      /X-Amz-Target must name an operation/,
    ],
  ])('answers %s with a JSON error that says what is wrong', async (_case, request, type, message) => {
    const response = await sendRaw(edge.port, request);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9A-Z]{52}$/);
    expect(errorOf(response)).toEqual({
      __type: `com.amazon.coral.service#${type}`,
      message: expect.stringMatching(message),
    });
  });
});
