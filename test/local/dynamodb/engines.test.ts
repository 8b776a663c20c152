import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseDynamoDbEngine, startDynamoDbEngine } from '../../../local/dynamodb/engines';
import { ensureTables } from '../../../local/dynamodb/seed';
import type { DynamoDbOptions, DynamoDbService } from '../../../local/dynamodb/service';
import { TEST_CREDENTIALS, TEST_ENGINE } from './harness';

const startDynamoDb = (options: DynamoDbOptions = {}) => startDynamoDbEngine(TEST_ENGINE, options);
/** Where each engine keeps its tables under the data directory, and a file that shows they are there. */
const STORE = {
  dynalite: { folder: 'dynamodb', file: 'LOCK' },
  'dynamodb-local': { folder: 'dynamodb-local', file: 'shared-local-instance.db' },
}[TEST_ENGINE];

/** What the edge server does: one shared port, DynamoDB requests handed to the service. */
async function serve(service: DynamoDbService): Promise<{ client: DynamoDBClient; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => service.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
  return {
    client,
    async stop() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parley-dynamodb-test-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe(`startDynamoDbEngine(${TEST_ENGINE})`, () => {
  it('keeps tables and items across a restart on the same data directory', async () => {
    const first = await startDynamoDb({ dataDir });
    const edge = await serve(first);
    await ensureTables(edge.client, {
      now: Date.parse('2026-03-10T15:00:00Z'),
      storeTimeZone: 'America/New_York',
    });
    await DynamoDBDocumentClient.from(edge.client).send(
      new PutCommand({
        TableName: 'parley-orders',
        Item: { orderNumber: '10002', status: 'delivered', deliveredOn: '2026-03-09' },
      }),
    );
    await edge.stop();
    await first.close();
    expect(await readdir(join(dataDir, STORE.folder))).toContain(STORE.file);

    const second = await startDynamoDb({ dataDir });
    const edgeAgain = await serve(second);
    try {
      const { TableNames } = await edgeAgain.client.send(new ListTablesCommand({}));
      expect(TableNames).toEqual([
        'parley-callbacks',
        'parley-conversations',
        'parley-followups',
        'parley-idempotency',
        'parley-knowledge-gaps',
        'parley-orders',
        'parley-slack-events',
        'parley-stores',
      ]);
      const { Item } = await DynamoDBDocumentClient.from(edgeAgain.client).send(
        new GetCommand({ TableName: 'parley-orders', Key: { orderNumber: '10002' } }),
      );
      expect(Item).toEqual({ orderNumber: '10002', status: 'delivered', deliveredOn: '2026-03-09' });
      expect(await ensureTables(edgeAgain.client)).toEqual({ createdTables: [], insertedItems: 0 });
    } finally {
      await edgeAgain.stop();
      await second.close();
    }
  });

  it('keeps everything in memory without a data directory', async () => {
    const service = await startDynamoDb();
    const edge = await serve(service);
    try {
      expect((await ensureTables(edge.client)).createdTables).toHaveLength(8);
    } finally {
      await edge.stop();
      await service.close();
    }
    const fresh = await startDynamoDb();
    const edgeAgain = await serve(fresh);
    try {
      expect((await edgeAgain.client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    } finally {
      await edgeAgain.stop();
      await fresh.close();
    }
  });

  it('answers requests that race a shutdown with a retryable 503, and closes once', async () => {
    const service = await startDynamoDb({ dataDir });
    const edge = await serve(service);
    try {
      const closing = service.close();
      expect(service.close()).toBe(closing);
      const error = await edge.client.send(new ListTablesCommand({})).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        name: 'ServiceUnavailableException',
        $metadata: { httpStatusCode: 503 },
      });
      await closing;
    } finally {
      await edge.stop();
    }
  });
});

describe('parseDynamoDbEngine', () => {
  it('takes either engine by name, dynalite when unset or empty', () => {
    expect(parseDynamoDbEngine('dynamodb-local', '--dynamodb')).toBe('dynamodb-local');
    expect(parseDynamoDbEngine('dynalite', '--dynamodb')).toBe('dynalite');
    expect(parseDynamoDbEngine(undefined, 'PARLEY_DYNAMODB_ENGINE')).toBe('dynalite');
    expect(parseDynamoDbEngine('', 'PARLEY_DYNAMODB_ENGINE')).toBe('dynalite');
  });

  it('refuses any other name, naming the setting and the choices', () => {
    expect(() => parseDynamoDbEngine('DynamoDBLocal', 'PARLEY_DYNAMODB_ENGINE')).toThrow(
      'PARLEY_DYNAMODB_ENGINE must be one of dynalite, dynamodb-local, got "DynamoDBLocal"',
    );
  });
});
