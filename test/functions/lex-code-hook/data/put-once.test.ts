import { CreateTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { putOnceElseRead } from '../../../../functions/lex-code-hook/data/put-once';
import { InvalidItemError } from '../../../../functions/shared/stored-item';
import { tableDefinition } from '../../../../local/dynamodb/tables';
import { startTestDynamoDb, type TestDynamoDb } from '../../../local/dynamodb/harness';

const TABLE = 'put-once-callbacks';
const ItemSchema = z.looseObject({ callbackId: z.string(), note: z.string() });

let db: TestDynamoDb;
let documents: DynamoDBDocumentClient;

beforeEach(async () => {
  db = await startTestDynamoDb();
  documents = DynamoDBDocumentClient.from(db.client);
  await db.client.send(new CreateTableCommand(tableDefinition('callbacks', TABLE)));
  await waitUntilTableExists(
    { client: db.client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 },
    { TableName: TABLE },
  );
});
afterEach(() => db.stop());

it('puts the first item under a key and gives every later one what the first stored', async () => {
  const first = { callbackId: 'cb-1', note: 'first' };
  expect(await putOnceElseRead(documents, TABLE, 'callbackId', first, ItemSchema)).toEqual({
    stored: first,
    created: true,
  });
  const again = { callbackId: 'cb-1', note: 'second' };
  expect(await putOnceElseRead(documents, TABLE, 'callbackId', again, ItemSchema)).toEqual({
    stored: first,
    created: false,
  });
});

it('reports an item already stored under the key that does not match the schema, naming table and key', async () => {
  await documents.send(new PutCommand({ TableName: TABLE, Item: { callbackId: 'cb-2', note: 7 } }));
  const attempt = putOnceElseRead(
    documents,
    TABLE,
    'callbackId',
    { callbackId: 'cb-2', note: 'x' },
    ItemSchema,
  );
  await expect(attempt).rejects.toThrow(InvalidItemError);
  await expect(attempt).rejects.toThrow(/callbackId=cb-2 in table put-once-callbacks: note: /);
});
