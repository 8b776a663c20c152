import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import {
  GAP_RETENTION_DAYS,
  groupGaps,
  listKnowledgeGaps,
  MAX_GAP_QUESTION_LENGTH,
  recordKnowledgeGap,
  type KnowledgeGap,
} from '../../../functions/knowledge/gaps';
import { tableDefinition } from '../../../local/dynamodb/tables';
import { startTestDynamoDb, type TestDynamoDb } from '../../local/dynamodb/harness';

const TABLE = 'parley-knowledge-gaps';
const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY_MS = 86_400_000;

let db: TestDynamoDb;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  db = await startTestDynamoDb();
  documents = DynamoDBDocumentClient.from(db.client);
});
afterAll(() => db.stop());

let tableNumber = 0;
/** A fresh table per test, so tests never see each other's gaps. */
async function freshTable(): Promise<string> {
  tableNumber += 1;
  const tableName = `${TABLE}-${tableNumber}`;
  await db.client.send(new CreateTableCommand(tableDefinition('knowledgeGaps', tableName)));
  return tableName;
}

function clockAt(now: number) {
  let id = 0;
  return { now: () => now, newId: () => `gap-${String((id += 1)).padStart(3, '0')}` };
}

describe('recordKnowledgeGap', () => {
  it('stores the question redacted, with its context, creation time and 90-day expiry', async () => {
    const tableName = await freshTable();
    const stored = await recordKnowledgeGap(
      documents,
      tableName,
      {
        kind: 'no_passage',
        question: 'can you ship to Brazil? call me on 555-123-4567 or jane@example.com',
        localeId: 'en_US',
        channel: 'voice',
      },
      clockAt(NOW),
    );
    expect(stored).toEqual({
      gapId: 'gap-001',
      kind: 'no_passage',
      question: 'can you ship to Brazil? call me on [phone] or [email]',
      localeId: 'en_US',
      channel: 'voice',
      createdAt: '2026-03-10T15:00:00.000Z',
      expiresAt: (NOW + GAP_RETENTION_DAYS * DAY_MS) / 1000,
    });
    expect(await listKnowledgeGaps(documents, tableName, NOW)).toEqual([stored]);
  });

  it('keeps a bounded question, cut after redaction so no half number survives', async () => {
    const tableName = await freshTable();
    const card = '4111 1111 1111 1111';
    const question = `${'why '.repeat(123)}${card} ${'again '.repeat(500)}`;
    const stored = await recordKnowledgeGap(
      documents,
      tableName,
      { kind: 'model_declined', question, localeId: 'en_US', channel: 'chat' },
      clockAt(NOW),
    );
    expect(stored.question).toHaveLength(MAX_GAP_QUESTION_LENGTH);
    expect(stored.question).toContain('[card]');
    expect(stored.question).not.toMatch(/\d/);
  });

  it('rejects a gap that is not one, naming the field', async () => {
    const tableName = await freshTable();
    await expect(
      recordKnowledgeGap(documents, tableName, {
        kind: 'confused' as 'unhelpful',
        question: '  ',
        localeId: 'en_US',
        channel: 'chat',
      }),
    ).rejects.toThrow(/^Invalid knowledge gap: kind: .*; question: must not be empty$/);
  });
});

describe('the knowledge gaps table', () => {
  it('keys the table by gapId and takes its name from KNOWLEDGE_GAPS_TABLE_NAME', () => {
    delete process.env.KNOWLEDGE_GAPS_TABLE_NAME;
    expect(tableDefinition('knowledgeGaps')).toMatchObject({
      TableName: 'parley-knowledge-gaps',
      KeySchema: [{ AttributeName: 'gapId', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    process.env.KNOWLEDGE_GAPS_TABLE_NAME = 'support-gaps';
    expect(tableDefinition('knowledgeGaps').TableName).toBe('support-gaps');
    delete process.env.KNOWLEDGE_GAPS_TABLE_NAME;
  });
});

describe('listKnowledgeGaps', () => {
  it('reads every page of the table and skips expired gaps, which DynamoDB deletes late', async () => {
    const tableName = await freshTable();
    const clock = clockAt(NOW - (GAP_RETENTION_DAYS + 1) * DAY_MS);
    await recordKnowledgeGap(
      documents,
      tableName,
      { kind: 'unhelpful', question: 'old', localeId: 'en_US', channel: 'chat' },
      clock,
    );
    const recent = clockAt(NOW);
    for (let index = 0; index < 30; index += 1) {
      await recordKnowledgeGap(
        documents,
        tableName,
        {
          kind: 'no_passage',
          question: `question ${'x'.repeat(40_000)} ${index}`,
          localeId: 'en_US',
          channel: 'chat',
        },
        { now: recent.now, newId: () => `recent-${index}` },
      );
    }
    const gaps = await listKnowledgeGaps(documents, tableName, NOW);
    expect(gaps).toHaveLength(30);
    expect(gaps.every((gap) => gap.gapId.startsWith('recent-'))).toBe(true);
  });

  it('reports an item that is not a gap with its table and key', async () => {
    const tableName = await freshTable();
    await documents.send(
      new PutCommand({ TableName: tableName, Item: { gapId: 'broken', kind: 'no_passage' } }),
    );
    await expect(listKnowledgeGaps(documents, tableName, NOW)).rejects.toThrow(
      `Invalid item gapId=broken in table ${tableName}: question:`,
    );
  });
});

function gap(overrides: Partial<KnowledgeGap> & Pick<KnowledgeGap, 'gapId' | 'question'>): KnowledgeGap {
  return {
    kind: 'no_passage',
    localeId: 'en_US',
    channel: 'chat',
    createdAt: '2026-03-01T10:00:00.000Z',
    expiresAt: 1_900_000_000,
    ...overrides,
  };
}

describe('groupGaps', () => {
  const gaps = [
    gap({ gapId: 'a', question: 'Do you ship to Brazil?', createdAt: '2026-03-01T10:00:00.000Z' }),
    gap({ gapId: 'b', question: 'do you ship to brazil', kind: 'model_declined', channel: 'voice' }),
    gap({ gapId: 'c', question: 'Can you ship my order to Brazil?', createdAt: '2026-03-05T10:00:00.000Z' }),
    gap({ gapId: 'd', question: 'Do you sell refurbished laptops?' }),
    gap({ gapId: 'e', question: '¿Envían a Brasil?', localeId: 'es_US' }),
    gap({ gapId: 'f', question: 'envian a brasil', localeId: 'es_US', kind: 'unhelpful' }),
    gap({ gapId: 'g', question: 'refurbished laptops for sale?', createdAt: '2026-03-02T10:00:00.000Z' }),
  ];

  it('groups similar questions, largest group first, with their kinds, locales and channels', () => {
    expect(groupGaps(gaps)).toEqual([
      {
        representative: 'Do you ship to Brazil?',
        count: 3,
        kinds: { no_passage: 2, model_declined: 1 },
        localeIds: ['en_US'],
        channels: ['chat', 'voice'],
        questions: ['Can you ship my order to Brazil?', 'Do you ship to Brazil?', 'do you ship to brazil'],
        firstSeen: '2026-03-01T10:00:00.000Z',
        lastSeen: '2026-03-05T10:00:00.000Z',
      },
      {
        representative: 'Do you sell refurbished laptops?',
        count: 2,
        kinds: { no_passage: 2 },
        localeIds: ['en_US'],
        channels: ['chat'],
        questions: ['Do you sell refurbished laptops?', 'refurbished laptops for sale?'],
        firstSeen: '2026-03-01T10:00:00.000Z',
        lastSeen: '2026-03-02T10:00:00.000Z',
      },
      {
        representative: '¿Envían a Brasil?',
        count: 2,
        kinds: { no_passage: 1, unhelpful: 1 },
        localeIds: ['es_US'],
        channels: ['chat'],
        questions: ['envian a brasil', '¿Envían a Brasil?'],
        firstSeen: '2026-03-01T10:00:00.000Z',
        lastSeen: '2026-03-01T10:00:00.000Z',
      },
    ]);
  });

  it('gives the same groups for the same gaps in any order, and loses none', () => {
    const expected = groupGaps(gaps);
    fc.assert(
      fc.property(fc.shuffledSubarray(gaps, { minLength: gaps.length }), (shuffled) => {
        const groups = groupGaps(shuffled);
        expect(groups).toEqual(expected);
        expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(gaps.length);
      }),
    );
  });

  it('groups questions with only small words by their exact text', () => {
    const groups = groupGaps([
      gap({ gapId: 'x', question: 'what?' }),
      gap({ gapId: 'y', question: 'What?' }),
      gap({ gapId: 'z', question: 'why?' }),
    ]);
    expect(groups.map((group) => [group.representative, group.count])).toEqual([
      ['what?', 2],
      ['why?', 1],
    ]);
  });
});
