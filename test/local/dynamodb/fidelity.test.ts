import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { listKnowledgeGaps, recordKnowledgeGap } from '../../../functions/knowledge/gaps';
import { dynamoDbConversationMemory } from '../../../functions/memory/conversation-memory';
import { TABLE_CONTRACTS, type TableContract } from '../../../functions/tables';
import { ensureTables } from '../../../local/dynamodb/seed';
import { TEST_ENGINE, startTestDynamoDb, type TestDynamoDb } from './harness';

/**
 * Where dynalite and AWS's DynamoDB Local behave differently (docs/local-dynamodb.md), what each engine does,
 * and that Parley's data layer is right on both. This file runs once per engine (jest.config.js); where the
 * engines differ the expectation names the engine.
 */
const HOUR = 3_600_000;
const realEngine = TEST_ENGINE === 'dynamodb-local';

let db: TestDynamoDb;
let documents: DynamoDBDocumentClient;
beforeEach(async () => {
  db = await startTestDynamoDb();
  documents = DynamoDBDocumentClient.from(db.client);
});
afterEach(() => db.stop());

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error & { $metadata?: { httpStatusCode?: number } },
  );

/** Polls until `done()` holds; DynamoDB Local's TTL sweep runs every few seconds. Bounded, never a timing test. */
async function eventually(done: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 50_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe(`DynamoDB as Parley uses it, on ${TEST_ENGINE}`, () => {
  it('has TTL turned on by ensureTables for every table whose contract names a TTL attribute, where the engine has TTL', async () => {
    await ensureTables(db.client);
    const withTtl = Object.values(TABLE_CONTRACTS as Record<string, TableContract>).filter(
      (contract) => contract.ttlAttribute,
    );
    expect(withTtl.map((contract) => contract.defaultName).sort()).toEqual([
      'parley-conversations',
      'parley-followups',
      'parley-idempotency',
      'parley-knowledge-gaps',
      'parley-slack-events',
    ]);
    for (const contract of withTtl) {
      const { TimeToLiveDescription } = await db.client.send(
        new DescribeTimeToLiveCommand({ TableName: contract.defaultName }),
      );
      // dynalite reports TTL as off and answers UpdateTimeToLive with UnknownOperationException.
      expect(TimeToLiveDescription).toEqual(
        realEngine
          ? { TimeToLiveStatus: 'ENABLED', AttributeName: contract.ttlAttribute }
          : { TimeToLiveStatus: 'DISABLED' },
      );
    }
  });

  it('forgets expired turns and gaps whether or not the engine has deleted them, and numbers a deleted session from 1 again', async () => {
    await ensureTables(db.client);
    const conversations = TABLE_CONTRACTS.conversations.defaultName;
    const gaps = TABLE_CONTRACTS.knowledgeGaps.defaultName;
    // Written with a clock two hours behind, a one-hour TTL has already passed by the engine's clock.
    const lateClock = () => Date.now() - 2 * HOUR;
    const memory = dynamoDbConversationMemory(documents, conversations, { clock: lateClock, ttlHours: 1 });
    const current = dynamoDbConversationMemory(documents, conversations);
    const turn = (requestId: string) => ({
      user: `question ${requestId}`,
      assistant: `answer ${requestId}`,
      requestId,
      localeId: 'en_US',
      channel: 'chat',
    });
    await memory.append('s1', turn('r1'));
    await memory.append('s1', turn('r2'));
    await recordKnowledgeGap(
      documents,
      gaps,
      { kind: 'no_passage', question: 'do you sell kites?', localeId: 'en_US', channel: 'chat' },
      { now: () => Date.now() - 100 * 24 * HOUR, newId: () => 'old-gap' },
    );
    const storedTurns = async () =>
      (
        await documents.send(
          new QueryCommand({
            TableName: conversations,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'S#s1' },
            ConsistentRead: true,
          }),
        )
      ).Items ?? [];
    const storedGap = async () =>
      (
        await documents.send(
          new GetCommand({ TableName: gaps, Key: { gapId: 'old-gap' }, ConsistentRead: true }),
        )
      ).Item;

    expect(await current.history('s1', { tokenBudget: 1000 })).toEqual([]);
    expect(await listKnowledgeGaps(documents, gaps)).toEqual([]);
    if (realEngine) {
      await eventually(
        async () => (await storedTurns()).length === 0 && (await storedGap()) === undefined,
        'DynamoDB Local to delete the expired turns and gap',
      );
      expect(await current.append('s1', turn('r3'))).toEqual({ turn: 1, duplicate: false });
    } else {
      expect(await storedTurns()).toHaveLength(2);
      expect(await storedGap()).toBeDefined();
      expect(await current.append('s1', turn('r3'))).toEqual({ turn: 3, duplicate: false });
    }
    expect((await current.history('s1', { tokenBudget: 1000 })).map((t) => t.requestId)).toEqual(['r3']);
  });

  it('fails a conditional put with ConditionalCheckFailedException (400), the class the callbacks and memory catch', async () => {
    await createTable('parley-conditions');
    const put = () =>
      db.client.send(
        new PutItemCommand({
          TableName: 'parley-conditions',
          Item: { id: { S: 'a' }, n: { N: '1' } },
          ConditionExpression: 'attribute_not_exists(id)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    await put();
    const error = await caught(put());
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    // Only the real engine returns the item that failed the check; Parley reads it again instead.
    expect((error as ConditionalCheckFailedException).Item).toEqual(
      realEngine ? { id: { S: 'a' }, n: { N: '1' } } : undefined,
    );
  });

  it('runs transactions only on DynamoDB Local, which is why the memory needs none (docs/memory.md)', async () => {
    await createTable('parley-transactions');
    const transaction = (ids: string[]) =>
      db.client.send(
        new TransactWriteItemsCommand({
          TransactItems: ids.map((id) => ({
            Put: {
              TableName: 'parley-transactions',
              Item: { id: { S: id } },
              ConditionExpression: 'attribute_not_exists(id)',
            },
          })),
        }),
      );
    if (!realEngine) {
      expect((await caught(transaction(['a', 'b']))).name).toBe('UnknownOperationException');
      return;
    }
    expect((await transaction(['a', 'b'])) satisfies TransactWriteItemsCommandOutput).toBeDefined();
    const error = await caught(transaction(['c', 'a']));
    expect(error.name).toBe('TransactionCanceledException');
    expect((error as unknown as { CancellationReasons: { Code: string }[] }).CancellationReasons).toEqual([
      { Code: 'None' },
      expect.objectContaining({ Code: 'ConditionalCheckFailed' }),
    ]);
  });

  it('names a missing table and an oversized item with the same exceptions as DynamoDB, in its own words', async () => {
    await createTable('parley-limits');
    const missing = await caught(
      documents.send(new GetCommand({ TableName: 'parley-no-such-table', Key: { id: 'a' } })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    const oversized = await caught(
      db.client.send(
        new PutItemCommand({
          TableName: 'parley-limits',
          Item: { id: { S: 'big' }, text: { S: 'x'.repeat(401 * 1024) } },
        }),
      ),
    );
    expect(oversized.name).toBe('ValidationException');
    expect(oversized.message).toMatch(/item size/i);
  });
});

async function createTable(tableName: string): Promise<void> {
  await db.client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
