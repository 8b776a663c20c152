import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, waitUntilTableExists, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  InvalidMemoryInputError,
  MemoryUnavailableError,
  dynamoDbConversationMemory,
  type ConversationMemory,
  type NewConversationTurn,
} from '../../../functions/memory/conversation-memory';
import { estimateTokens } from '../../../functions/memory/tokens';
import { MAX_STORED_TEXT_LENGTH } from '../../../functions/memory/turn-item';
import { tableDefinition } from '../../../local/dynamodb/tables';
import { startTestDynamoDb, TEST_ENGINE, type TestDynamoDb } from '../../local/dynamodb/harness';

const TABLE = 'parley-conversations';
const START = Date.parse('2026-03-10T15:00:00Z');
const HOUR = 3_600_000;

let db: TestDynamoDb;
let documents: DynamoDBDocumentClient;
let now: number;
const clock = () => now;

async function startStore(path?: string): Promise<void> {
  db = await startTestDynamoDb(path);
  documents = DynamoDBDocumentClient.from(db.client);
}

/** An engine may answer CreateTable while the table is still CREATING; under load the first query can beat it. */
async function createTable(): Promise<void> {
  await db.client.send(new CreateTableCommand(tableDefinition('conversations')));
  await waitUntilTableExists(
    { client: db.client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 },
    { TableName: TABLE },
  );
}

const memoryWith = (options: { ttlHours?: number; redactPii?: boolean } = {}): ConversationMemory =>
  dynamoDbConversationMemory(documents, TABLE, { clock, ...options });

const turn = (requestId: string, overrides: Partial<NewConversationTurn> = {}): NewConversationTurn => ({
  user: `question of ${requestId}`,
  assistant: `answer to ${requestId}`,
  requestId,
  localeId: 'en_US',
  channel: 'chat',
  ...overrides,
});

async function storedItems(sessionId: string): Promise<Record<string, unknown>[]> {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `S#${sessionId}` },
    }),
  );
  return Items ?? [];
}

describe(`conversation memory on ${TEST_ENGINE}`, () => {
  beforeEach(async () => {
    now = START;
    await startStore();
    await createTable();
  });
  afterEach(() => db.stop());

  it('lives in the table CONVERSATIONS_TABLE_NAME names, keyed pk + sk', async () => {
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: TABLE }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('stores a turn as one item and gives it back with its number and time', async () => {
    const memory = memoryWith();
    const first = turn('r1', {
      user: 'Do you ship to Canada?',
      assistant: 'Yes, in 5 to 7 business days.',
      inputTokens: 812,
      outputTokens: 31,
      citations: ['shipping#2'],
      outcome: 'answer',
    });
    expect(await memory.append('s1', first)).toEqual({ turn: 1, duplicate: false });
    expect(await memory.history('s1', { tokenBudget: 1000 })).toEqual([
      { ...first, turn: 1, createdAt: '2026-03-10T15:00:00.000Z' },
    ]);
    expect(await storedItems('s1')).toEqual([
      {
        ...first,
        pk: 'S#s1',
        sk: 'T#00000001',
        createdAt: '2026-03-10T15:00:00.000Z',
        expiresAt: START / 1000 + 24 * 3600,
      },
    ]);
  });

  it('numbers the turns of a session one after another, sessions apart', async () => {
    const memory = memoryWith();
    for (const id of ['a1', 'a2', 'a3']) await memory.append('session-a', turn(id));
    await memory.append('session-b', turn('b1'));
    const history = await memory.history('session-a', { tokenBudget: 1000 });
    expect(history.map((t) => [t.turn, t.requestId])).toEqual([
      [1, 'a1'],
      [2, 'a2'],
      [3, 'a3'],
    ]);
    expect((await storedItems('session-a')).map((item) => item.sk)).toEqual([
      'T#00000001',
      'T#00000002',
      'T#00000003',
    ]);
    expect(await memory.history('session-b', { tokenBudget: 1000 })).toMatchObject([{ turn: 1 }]);
    expect(await memory.history('never-seen', { tokenBudget: 1000 })).toEqual([]);
  });

  it('loses and duplicates nothing when ten appends on one session race', async () => {
    const memory = memoryWith();
    const ids = Array.from({ length: 10 }, (_, index) => `race-${index}`);
    const results = await Promise.all(ids.map((id) => memory.append('busy', turn(id))));
    expect(results.every((result) => !result.duplicate)).toBe(true);
    expect(results.map((result) => result.turn).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    const items = await storedItems('busy');
    expect(items).toHaveLength(10);
    expect(items.map((item) => item.requestId).sort()).toEqual([...ids].sort());
    for (const [index, id] of ids.entries()) {
      expect(items.find((item) => item.requestId === id)?.sk).toBe(
        `T#${String(results[index]?.turn).padStart(8, '0')}`,
      );
    }
  });

  it('writes a retried request once, even when the retry races the original', async () => {
    const memory = memoryWith();
    await memory.append('s1', turn('r1'));
    await memory.append('s1', turn('r2'));
    await memory.append('s1', turn('r3'));
    expect(await memory.append('s1', turn('r2', { assistant: 'a second answer' }))).toEqual({
      turn: 2,
      duplicate: true,
    });
    const raced = await Promise.all([
      memory.append('s1', turn('r4')),
      memory.append('s1', turn('r4')),
      memory.append('s1', turn('r4')),
    ]);
    expect(raced.map((result) => result.turn)).toEqual([4, 4, 4]);
    expect(raced.filter((result) => !result.duplicate)).toHaveLength(1);
    const items = await storedItems('s1');
    expect(items.map((item) => item.requestId)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(items[1]?.assistant).toBe('answer to r2');
  });

  it('reads once and writes once per turn when the turn is stored after recalling the conversation', async () => {
    const memory = memoryWith();
    await memory.append('one-read', turn('r1'));
    const sent: string[] = [];
    const counting = DynamoDBDocumentClient.from(db.client);
    counting.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    const counted = dynamoDbConversationMemory(counting, TABLE, { clock });
    const { turns, snapshot } = await counted.recall('one-read', { tokenBudget: 1000, maxTurns: 3 });
    expect(turns.map((stored) => stored.requestId)).toEqual(['r1']);
    expect(await counted.append('one-read', turn('r2'), snapshot)).toEqual({ turn: 2, duplicate: false });
    expect(sent).toEqual(['QueryCommand', 'PutItemCommand']);
    // A retry of a stored request is recognised from the snapshot alone, and writes nothing.
    const again = await counted.recall('one-read', { tokenBudget: 1000, maxTurns: 3 });
    sent.length = 0;
    expect(await counted.append('one-read', turn('r2'), again.snapshot)).toEqual({
      turn: 2,
      duplicate: true,
    });
    expect(sent).toEqual([]);
  });

  it('still numbers a turn right when another writer got in after the snapshot', async () => {
    const memory = memoryWith();
    await memory.append('stale', turn('s1'));
    const { snapshot } = await memory.recall('stale', { tokenBudget: 1000 });
    await memory.append('stale', turn('s2'));
    expect(await memory.append('stale', turn('s3'), snapshot)).toEqual({ turn: 3, duplicate: false });
    expect((await storedItems('stale')).map((item) => item.requestId)).toEqual(['s1', 's2', 's3']);
  });

  it('forgets turns past their time to live, though dynalite never deletes them', async () => {
    const memory = memoryWith({ ttlHours: 2 });
    await memory.append('s1', turn('old'));
    now += HOUR;
    await memory.append('s1', turn('newer'));
    now += HOUR - 1;
    expect((await memory.history('s1', { tokenBudget: 1000 })).map((t) => t.requestId)).toEqual([
      'old',
      'newer',
    ]);
    now += 1;
    expect((await memory.history('s1', { tokenBudget: 1000 })).map((t) => t.requestId)).toEqual(['newer']);
    now += HOUR;
    expect(await memory.history('s1', { tokenBudget: 1000 })).toEqual([]);
    expect(await storedItems('s1')).toHaveLength(2);

    expect(await memory.append('s1', turn('back again'))).toEqual({ turn: 3, duplicate: false });
    expect((await memory.history('s1', { tokenBudget: 1000 })).map((t) => t.turn)).toEqual([3]);
  });

  it('keeps the history window about the same size at turn 50 as at turn 8', async () => {
    const memory = memoryWith();
    const budget = 150;
    const windowAfter = new Map<number, { turns: number[]; tokens: number }>();
    for (let number = 1; number <= 50; number += 1) {
      await memory.append(
        'long',
        turn(`q${number}`, {
          user: `Question ${number}: what is the return policy for item ${number}?`,
          assistant: `Answer ${number}: you can return item ${number} within 30 days with the receipt.`,
        }),
      );
      if (number !== 8 && number !== 50) continue;
      const window = await memory.history('long', { tokenBudget: budget });
      windowAfter.set(number, {
        turns: window.map((t) => t.turn),
        tokens: window.reduce((sum, t) => sum + estimateTokens(t.user) + estimateTokens(t.assistant), 0),
      });
    }
    const at8 = windowAfter.get(8) ?? { turns: [], tokens: 0 };
    const at50 = windowAfter.get(50) ?? { turns: [], tokens: 0 };
    expect(at8.turns.length).toBeGreaterThan(1);
    expect(at8.turns.length).toBeLessThan(8);
    expect(at8.tokens).toBeLessThanOrEqual(budget);
    expect(at50.tokens).toBeLessThanOrEqual(budget);
    expect(Math.abs(at50.tokens - at8.tokens)).toBeLessThanOrEqual(at8.tokens * 0.15);
    expect(at50.turns).toEqual(
      Array.from({ length: at8.turns.length }, (_, index) => 51 - at8.turns.length + index),
    );
  });

  it('caps the window by turns too, and never skips a turn to fit a smaller older one', async () => {
    const memory = memoryWith();
    await memory.append('s1', turn('small-1', { user: 'hi', assistant: 'hello' }));
    await memory.append('s1', turn('big', { user: 'word '.repeat(200), assistant: 'ok' }));
    await memory.append('s1', turn('small-3', { user: 'thanks', assistant: 'you are welcome' }));
    await memory.append('s1', turn('small-4', { user: 'bye', assistant: 'goodbye' }));
    const ids = async (options: { tokenBudget: number; maxTurns?: number }) =>
      (await memory.history('s1', options)).map((t) => t.requestId);
    expect(await ids({ tokenBudget: 50 })).toEqual(['small-3', 'small-4']);
    expect(await ids({ tokenBudget: 10_000, maxTurns: 3 })).toEqual(['big', 'small-3', 'small-4']);
    expect(await ids({ tokenBudget: 10_000, maxTurns: 1 })).toEqual(['small-4']);
    expect(await ids({ tokenBudget: 0 })).toEqual([]);
  });

  it('reads back more turns than fit one page', async () => {
    const memory = memoryWith();
    for (let number = 1; number <= 12; number += 1) await memory.append('s1', turn(`r${number}`));
    const history = await memory.history('s1', { tokenBudget: 100_000 });
    expect(history.map((t) => t.turn)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it('redacts personal data before storing, unless told not to', async () => {
    const said = turn('r1', {
      user: 'My email is jane.doe@example.com and my card is 4111 1111 1111 1111, call +1 (509) 555-1212',
      assistant: 'Thanks, we will call 509-555-1212 about order 10001 on 2026-03-12.',
    });
    await memoryWith().append('s1', said);
    const [stored] = await storedItems('s1');
    expect(stored?.user).toBe('My email is [email] and my card is [card], call [phone]');
    expect(stored?.assistant).toBe('Thanks, we will call [phone] about order 10001 on 2026-03-12.');

    await memoryWith({ redactPii: false }).append('s2', said);
    const [verbatim] = await storedItems('s2');
    expect(verbatim?.user).toBe(said.user);
  });

  it('caps each stored text, so no item nears the 400 KB limit', async () => {
    const memory = memoryWith();
    await memory.append(
      's1',
      turn('r1', { user: 'é'.repeat(100_000), assistant: '😀'.repeat(50_000), details: '€'.repeat(100_000) }),
    );
    const [stored] = await storedItems('s1');
    const user = String(stored?.user);
    const assistant = String(stored?.assistant);
    expect(user).toHaveLength(MAX_STORED_TEXT_LENGTH);
    expect(user.endsWith('…')).toBe(true);
    expect(assistant.length).toBeLessThanOrEqual(MAX_STORED_TEXT_LENGTH);
    expect(assistant).toBe(`${'😀'.repeat((MAX_STORED_TEXT_LENGTH - 2) / 2)}…`);
    expect(String(stored?.details)).toHaveLength(MAX_STORED_TEXT_LENGTH);
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(52_000);
  });

  it('keeps the details of an answer beside it, outside the token budget', async () => {
    const memory = memoryWith();
    const details = 'Returns are free within 30 days. Bring your receipt.';
    const spoken = turn('r1', { assistant: 'Returns are free within 30 days.', details });
    await memory.append('s1', spoken);
    const budget = estimateTokens(spoken.user) + estimateTokens(spoken.assistant);
    expect(await memory.history('s1', { tokenBudget: budget })).toEqual([
      expect.objectContaining({ assistant: spoken.assistant, details, detailsSource: 'model' }),
    ]);
    await memory.append('s1', turn('r2'));
    const [, later] = await memory.history('s1', { tokenBudget: 1000 });
    expect(later).not.toHaveProperty('details');
    expect(later).not.toHaveProperty('detailsSource');
  });

  describe('details and personal data', () => {
    const article = 'Ask for a copy of your data by writing to privacy@retailsupport.example.';
    const redacted = 'Ask for a copy of your data by writing to [email].';

    it('stores the details of our own article as written, and still redacts the rest of the turn', async () => {
      await memoryWith().append(
        's1',
        turn('r1', {
          user: 'I am jane.doe@example.com, do you sell my data?',
          assistant: 'We never sell your data. Write to privacy@retailsupport.example.',
          details: article,
          detailsSource: 'knowledge',
        }),
      );
      const [stored] = await storedItems('s1');
      expect(stored).toMatchObject({
        user: 'I am [email], do you sell my data?',
        assistant: 'We never sell your data. Write to [email].',
        details: article,
        detailsSource: 'knowledge',
      });
    });

    it.each([
      ['written by the model', { detailsSource: 'model' as const }],
      ['of no stated source', {}],
    ])('redacts details %s', async (_, source) => {
      await memoryWith().append('s1', turn('r1', { details: article, ...source }));
      const [stored] = await storedItems('s1');
      expect(stored).toMatchObject({ details: redacted, detailsSource: 'model' });
    });

    it('caps article details like every text', async () => {
      await memoryWith().append(
        's1',
        turn('r1', { details: 'a'.repeat(MAX_STORED_TEXT_LENGTH * 2), detailsSource: 'knowledge' }),
      );
      const [stored] = await storedItems('s1');
      expect(String(stored?.details)).toHaveLength(MAX_STORED_TEXT_LENGTH);
    });
  });

  it('rejects a turn it cannot store with a message naming the field', async () => {
    const memory = memoryWith();
    await expect(memory.append('', turn('r1'))).rejects.toThrow(InvalidMemoryInputError);
    await expect(memory.append('s1', turn(''))).rejects.toThrow(/Invalid conversation turn: requestId/);
    await expect(memory.append('s1', turn('r1', { inputTokens: -1 }))).rejects.toThrow(/inputTokens/);
    await expect(memory.append('s1', turn('r1', { details: '' }))).rejects.toThrow(/details/);
    await expect(memory.append('s1', turn('r1', { detailsSource: 'knowledge' }))).rejects.toThrow(
      /detailsSource: is only meaningful with details/,
    );
    await expect(memory.history('s1', { tokenBudget: 1.5 })).rejects.toThrow(
      /Invalid history options: tokenBudget/,
    );
    expect(() => dynamoDbConversationMemory(documents, TABLE, { ttlHours: 0 })).toThrow(
      /Invalid memory options: ttlHours/,
    );
  });

  it('reports an unreadable stored turn as memory unavailable, naming the item', async () => {
    await documents.send(
      new PutCommand({ TableName: TABLE, Item: { pk: 'S#s1', sk: 'T#00000001', user: 'hi' } }),
    );
    const failure = memoryWith().history('s1', { tokenBudget: 1000 });
    await expect(failure).rejects.toThrow(MemoryUnavailableError);
    await expect(failure).rejects.toThrow(/pk=S#s1, sk=T#00000001 in table parley-conversations: assistant/);
  });
});

describe('feedback on remembered answers', () => {
  beforeEach(async () => {
    now = START;
    await startStore();
    await createTable();
  });
  afterEach(() => db.stop());

  it('stores the verdict with the turn and returns the turn as it was before', async () => {
    const memory = memoryWith();
    await memory.append('s1', turn('r1'));
    await memory.append('s1', turn('r2'));
    const before = await memory.recordFeedback('s1', 1, 'unhelpful');
    expect(before).toMatchObject({ turn: 1, user: 'question of r1' });
    expect(before).not.toHaveProperty('feedback');
    const again = await memory.recordFeedback('s1', 1, 'helpful');
    expect(again).toMatchObject({ turn: 1, feedback: 'unhelpful' });
    const [first, second] = await storedItems('s1');
    expect(first).toMatchObject({ feedback: 'helpful', feedbackAt: new Date(START).toISOString() });
    expect(second).not.toHaveProperty('feedback');
    expect((await memory.history('s1', { tokenBudget: 1000 }))[0]).toMatchObject({ feedback: 'helpful' });
  });

  it('creates nothing for a turn that was never stored or has expired', async () => {
    const memory = memoryWith({ ttlHours: 1 });
    await memory.append('s1', turn('r1'));
    expect(await memory.recordFeedback('s1', 7, 'helpful')).toBeUndefined();
    expect(await memory.recordFeedback('other', 1, 'helpful')).toBeUndefined();
    now = START + 2 * HOUR;
    expect(await memory.recordFeedback('s1', 1, 'helpful')).toBeUndefined();
    expect(await storedItems('s1')).toHaveLength(1);
    expect(await storedItems('other')).toEqual([]);
  });

  it('refuses a turn number or verdict it cannot store, naming it', async () => {
    const memory = memoryWith();
    await expect(memory.recordFeedback('s1', 0, 'helpful')).rejects.toThrow(InvalidMemoryInputError);
    await expect(memory.recordFeedback('s1', 1, 'meh' as never)).rejects.toThrow(/feedback/);
  });
});

describe('conversation memory across a restart of the store', () => {
  let dataDir: string;
  beforeEach(async () => {
    now = START;
    dataDir = await mkdtemp(join(tmpdir(), 'parley-memory-test-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps the conversation on the same data directory', async () => {
    await startStore(dataDir);
    await createTable();
    await memoryWith().append('s1', turn('r1'));
    await memoryWith().append('s1', turn('r2'));
    await db.stop();

    await startStore(dataDir);
    try {
      const memory = memoryWith();
      expect((await memory.history('s1', { tokenBudget: 1000 })).map((t) => t.requestId)).toEqual([
        'r1',
        'r2',
      ]);
      expect(await memory.append('s1', turn('r2'))).toEqual({ turn: 2, duplicate: true });
      expect(await memory.append('s1', turn('r3'))).toEqual({ turn: 3, duplicate: false });
    } finally {
      await db.stop();
    }
  });
});
