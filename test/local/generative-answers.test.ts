/**
 * Grounded answers end to end: Lex runtime client -> emulator -> FallbackIntent code hook -> knowledge index,
 * DynamoDB memory and the local Converse endpoint, all through the real SDK clients.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  Conversation,
  lexClient,
  STAFF_ALIAS_ID,
  startTestStack,
  textOf,
  useLocalStack,
} from '../support/local-stack';

const STAFF_ONLY = /team lead|support manager|#refund-approvals/i;

describe('answers from the knowledge base', () => {
  const fixture = useLocalStack();
  let counter = 0;
  afterEach(() => fixture.stack.bedrockFaults.clear());
  const conversation = (localeId: string, attributes?: Record<string, string>, aliasId?: string) =>
    new Conversation(fixture.client, localeId, `gen-${localeId}-${++counter}`, attributes, aliasId);

  it('answers an FAQ question with its source, and a follow-up in context (en_US)', async () => {
    const c = conversation('en_US');
    const first = await c.say('do you ship to Canada?');
    expect(first.sessionState?.intent).toMatchObject({ name: 'FallbackIntent', state: 'Fulfilled' });
    expect(textOf(first)).toMatch(/Canada/);
    expect(textOf(first)).toMatch(/Sources: /);
    const followUp = await c.say('and to Mexico?');
    expect(textOf(followUp)).toMatch(/Mexico/);
  });

  it('answers in Spanish from the Spanish documents (es_US)', async () => {
    const reply = await conversation('es_US').say('¿hacen envíos a Canadá?');
    expect(reply.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(textOf(reply)).toMatch(/Canadá/);
    expect(textOf(reply)).toMatch(/Fuentes: /);
  });

  it('keeps staff-only procedures from the public alias and gives them on the staff alias', async () => {
    const question = 'who can approve a refund, and up to what amount?';
    const publicReply = await conversation('en_US').say(question);
    expect(textOf(publicReply)).not.toMatch(STAFF_ONLY);
    // A caller of the public alias cannot claim to be staff with anything in the request.
    const claimed = await conversation('en_US', { 'parley:audience': 'staff', staff: 'true' }).say(question);
    expect(textOf(claimed)).not.toMatch(STAFF_ONLY);
    const staffReply = await conversation('en_US', undefined, STAFF_ALIAS_ID).say(question);
    expect(textOf(staffReply)).toMatch(STAFF_ONLY);
  });

  it('answers honestly when the knowledge base has nothing on it', async () => {
    const reply = await conversation('en_US').say('what is the airspeed velocity of an unladen swallow');
    expect(reply.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(textOf(reply)).toMatch(/agent/i);
  });

  it('records an answer the customer marks unhelpful as a knowledge gap, without handing off yet', async () => {
    const c = conversation('en_US');
    await c.say('can I pay with paypal?');
    const reply = await c.say("that didn't help");
    expect(reply.sessionState?.intent).toMatchObject({ name: 'AnswerNotHelpful', state: 'Fulfilled' });
    expect(textOf(reply)).toMatch(/person/i);
    expect(reply.sessionState?.sessionAttributes ?? {}).not.toHaveProperty('parley:handoff');
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: fixture.stack.endpoint }));
    try {
      const gaps = await documents.send(new ScanCommand({ TableName: 'parley-knowledge-gaps' }));
      expect(gaps.Items).toContainEqual(
        expect.objectContaining({ kind: 'unhelpful', question: 'can I pay with paypal?', localeId: 'en_US' }),
      );
      // The verdict is kept with the answer too, as Slack's "not helpful" button keeps it.
      const turns = await documents.send(
        new QueryCommand({
          TableName: 'parley-conversations',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `S#${c.sessionId}` },
        }),
      );
      expect(turns.Items).toEqual([
        expect.objectContaining({ user: 'can I pay with paypal?', feedback: 'unhelpful' }),
      ]);
    } finally {
      documents.destroy();
    }
  });

  it.each([
    ['throttle', { mode: 'throttle', count: 5 }],
    ['5xx', { mode: '5xx', count: 5 }],
    ['malformed', { mode: 'malformed', count: 5 }],
    ['guardrail', { mode: 'guardrail', count: 5 }],
  ])(
    'a %s fault from the model still gets a spoken/written answer, never a Lex error',
    async (_name, fault) => {
      fixture.stack.bedrockFaults.set(fault);
      const reply = await conversation('en_US').say('would paypal work for an order on your website?');
      expect(reply.sessionState?.dialogAction?.type).toBe('Close');
      expect(textOf(reply).length).toBeGreaterThan(20);
      expect(textOf(reply)).toMatch(/agent/i);
    },
  );

  it('a model that hangs is cut off within the voice deadline with a graceful answer', async () => {
    fixture.stack.bedrockFaults.set({ mode: 'timeout', delayMs: 20_000, count: 5 });
    const started = Date.now();
    const reply = await conversation('en_US', { 'parley:channel': 'voice' }).say(
      'would paypal work for an order on your website?',
    );
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(textOf(reply)).toMatch(/agent/i);
  });
});

describe('conversation memory through the stack', () => {
  it('survives a restart of the local stack on the same data dir', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-memory-'));
    try {
      const first = await startTestStack({ dataDir });
      const client1 = lexClient(first);
      await new Conversation(client1, 'en_US', 'remember-1').say('do you ship to Canada?');
      client1.destroy();
      await first.close();

      const second = await startTestStack({ dataDir });
      const client2 = lexClient(second);
      try {
        const reply = await new Conversation(client2, 'en_US', 'remember-1').say('and to Mexico?');
        expect(textOf(reply)).toMatch(/Mexico/);
        const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: second.endpoint }));
        const turns = await documents.send(
          new QueryCommand({
            TableName: 'parley-conversations',
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'S#remember-1' },
          }),
        );
        documents.destroy();
        expect(turns.Items?.map((item) => item.user)).toEqual(['do you ship to Canada?', 'and to Mexico?']);
      } finally {
        client2.destroy();
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
