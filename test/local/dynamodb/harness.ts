import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { startDynamoDbLocalProcess } from '../../../local/dynamodb/dynamodb-local-process';
import { parseDynamoDbEngine, type DynamoDbEngine } from '../../../local/dynamodb/engines';

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface TestDynamoDb {
  engine: DynamoDbEngine;
  endpoint: string;
  credentials: TestCredentials;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

export const TEST_CREDENTIALS: TestCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * The engine these tests run against: dynalite, or AWS's DynamoDB Local in jest's `dynamodb-local` project
 * (jest.config.js), which runs the data-layer tests a second time.
 */
export const TEST_ENGINE: DynamoDbEngine = parseDynamoDbEngine(
  process.env.PARLEY_TEST_DYNAMODB_ENGINE,
  'PARLEY_TEST_DYNAMODB_ENGINE',
);

/** Set by test/support/dynamodb-local-global-setup.ts: the one DynamoDB Local all test files share. */
export const SHARED_DYNAMODB_LOCAL_ENDPOINT = 'PARLEY_TEST_DYNAMODB_LOCAL_ENDPOINT';

/**
 * An empty DynamoDB of the test engine on a loopback port, in memory unless `path` is given (then the tables
 * live there across a stop and a start on the same path).
 */
export function startTestDynamoDb(path?: string): Promise<TestDynamoDb> {
  if (TEST_ENGINE === 'dynalite') return startDynalite(path);
  return path ? startOwnDynamoDbLocal(path) : sharedDynamoDbLocal();
}

async function startDynalite(path?: string): Promise<TestDynamoDb> {
  const server = dynalite({
    ...(path ? { path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = testClient(endpoint, TEST_CREDENTIALS);
  return {
    engine: 'dynalite',
    endpoint,
    credentials: TEST_CREDENTIALS,
    client,
    async stop() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/**
 * A fresh database on the shared JVM: DynamoDB Local keeps one database per access key id (it runs without
 * -sharedDb here), so new credentials are new, empty tables, and test files running in parallel never meet.
 */
async function sharedDynamoDbLocal(): Promise<TestDynamoDb> {
  const endpoint = process.env[SHARED_DYNAMODB_LOCAL_ENDPOINT];
  if (!endpoint) {
    throw new Error(
      `${SHARED_DYNAMODB_LOCAL_ENDPOINT} is not set: DynamoDB Local tests run in jest's dynamodb-local project, whose globalSetup starts it`,
    );
  }
  // Access key ids may hold letters and digits only.
  const credentials = { accessKeyId: `test${randomBytes(8).toString('hex')}`, secretAccessKey: 'test' };
  const client = testClient(endpoint, credentials);
  return {
    engine: 'dynamodb-local',
    endpoint,
    credentials,
    client,
    stop: async () => client.destroy(),
  };
}

/** A JVM of its own for a test that restarts the store on a folder. */
async function startOwnDynamoDbLocal(path: string): Promise<TestDynamoDb> {
  const jvm = await startDynamoDbLocalProcess({ dbPath: path, sharedDb: true });
  const client = testClient(jvm.endpoint, TEST_CREDENTIALS);
  return {
    engine: 'dynamodb-local',
    endpoint: jvm.endpoint,
    credentials: TEST_CREDENTIALS,
    client,
    async stop() {
      client.destroy();
      await jvm.stop();
    },
  };
}

function testClient(endpoint: string, credentials: TestCredentials): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials });
}

/** Points every AWS SDK client created afterwards (the code hook's, at import) at this database. */
export function pointSdkAt(db: Pick<TestDynamoDb, 'endpoint' | 'credentials'>): void {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = db.endpoint;
  process.env.AWS_ACCESS_KEY_ID = db.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = db.credentials.secretAccessKey;
  process.env.AWS_REGION = 'us-east-1';
}
