import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { cpuDuringUs, requestKind, SdkCallRecorder } from '../../bench/sdk-calls';
import { localClientConfig } from '../support/local-stack';

const RETRYABLE_ERROR = '{"__type":"InternalServerError","message":"try again"}';

/** A DynamoDB endpoint that fails the first request with a retryable 500 when asked to, then answers `{}`. */
async function fakeDynamoDb(failFirst: boolean): Promise<{ endpoint: string; close: () => Promise<void> }> {
  let failures = failFirst ? 1 : 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const failing = failures > 0;
      failures -= 1;
      const body = failing ? RETRYABLE_ERROR : '{}';
      response.writeHead(failing ? 500 : 200, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('SdkCallRecorder', () => {
  it('records each call as awaited, its attempts on the wire inside it, and the bytes both ways', async () => {
    const service = await fakeDynamoDb(true);
    const client = new DynamoDBClient({ ...localClientConfig(service.endpoint), maxAttempts: 2 });
    const recorder = new SdkCallRecorder();
    const detach = recorder.attach('dynamodb', client);
    try {
      await client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }));
      await recorder.idle();
      const [call, ...rest] = recorder.take();
      expect(rest).toEqual([]);
      expect(call).toMatchObject({
        client: 'dynamodb',
        command: 'GetItemCommand',
        responseBytes: 2 + Buffer.byteLength(RETRYABLE_ERROR),
      });
      expect(call?.wire).toHaveLength(2);
      for (const attempt of call?.wire ?? []) {
        expect(attempt.startMs).toBeGreaterThanOrEqual(call?.startMs ?? Infinity);
        expect(attempt.endMs).toBeLessThanOrEqual(call?.endMs ?? -Infinity);
      }
      const body = JSON.stringify({ TableName: 't', Key: { pk: { S: 'a' } } });
      expect(call?.requestBytes).toBe(2 * Buffer.byteLength(body));
      expect(recorder.take()).toEqual([]);
    } finally {
      detach();
      client.destroy();
      await service.close();
    }
  });

  it('stops recording once detached', async () => {
    const service = await fakeDynamoDb(false);
    const client = new DynamoDBClient(localClientConfig(service.endpoint));
    const recorder = new SdkCallRecorder();
    recorder.attach('dynamodb', client)();
    try {
      await client.send(new PutItemCommand({ TableName: 't', Item: { pk: { S: 'a' } } }));
      expect(recorder.take()).toEqual([]);
    } finally {
      client.destroy();
      await service.close();
    }
  });
});

describe('requestKind', () => {
  it('sorts DynamoDB commands by the capacity they use', () => {
    expect(['QueryCommand', 'GetItemCommand', 'BatchGetItemCommand'].map(requestKind)).toEqual([
      'read',
      'read',
      'read',
    ]);
    expect(
      ['PutItemCommand', 'PutCommand', 'UpdateItemCommand', 'DeleteItemCommand'].map(requestKind),
    ).toEqual(['write', 'write', 'write', 'write']);
    expect(requestKind('ConverseCommand')).toBe('other');
  });
});

describe('cpuDuringUs', () => {
  it('counts overlapping spans once, from the first start to the last end', () => {
    const span = (startMs: number, endMs: number, cpuStartUs: number, cpuEndUs: number) => ({
      startMs,
      endMs,
      cpuStartUs,
      cpuEndUs,
    });
    expect(cpuDuringUs([span(0, 5, 100, 150), span(3, 8, 130, 190), span(10, 12, 300, 310)])).toBe(90 + 10);
  });
});
