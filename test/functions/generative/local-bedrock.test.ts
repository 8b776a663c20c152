import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { answerQuestion } from '../../../functions/generative/answer-question';
import { createBedrockClient } from '../../../functions/generative/bedrock-client';
import type { GenerativeDependencies } from '../../../functions/generative/dependencies';
import { generativeMessagesFor } from '../../../functions/generative/messages';
import { buildKnowledgeIndexFromDirectory } from '../../../functions/knowledge/directory';
import { listKnowledgeGaps, recordKnowledgeGap } from '../../../functions/knowledge/gaps';
import { loadKnowledgeIndex } from '../../../functions/knowledge/loader';
import { dynamoDbConversationMemory } from '../../../functions/memory/conversation-memory';
import { createBedrockHttpService, createLocalComposerEngine, FaultInjector } from '../../../local/bedrock';
import { startEdge, type Edge } from '../../../local/edge/server';
import { pointSdkAt, startTestDynamoDb, type TestDynamoDb } from '../../local/dynamodb/harness';
import { dependencies, questionRequest, type Recorders } from './fakes';

/**
 * The generative path against the local stack's pieces, nothing faked: the repository's knowledge index read
 * from a file, conversation memory and knowledge gaps in dynalite, and the production Bedrock client talking
 * h2c to the local Converse endpoint (the extractive composer), found through the standard endpoint variable.
 */

const CONVERSATIONS = 'test-conversations';
const GAPS = 'test-knowledge-gaps';
const en = generativeMessagesFor('en_US');

let db: TestDynamoDb;
let documents: DynamoDBDocumentClient;
let edge: Edge;
let faults: FaultInjector;
let edgeLog: string[];
let indexDir: string;
let wired: Omit<GenerativeDependencies, 'logger' | 'metrics'>;

beforeAll(async () => {
  db = await startTestDynamoDb();
  pointSdkAt(db);
  documents = DynamoDBDocumentClient.from(db.client);
  await db.client.send(
    new CreateTableCommand({
      TableName: CONVERSATIONS,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await db.client.send(
    new CreateTableCommand({
      TableName: GAPS,
      AttributeDefinitions: [{ AttributeName: 'gapId', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'gapId', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );

  faults = new FaultInjector();
  edgeLog = [];
  const log = (line: string) => edgeLog.push(line);
  edge = await startEdge({
    services: [createBedrockHttpService({ engine: createLocalComposerEngine(), faults, log })],
    log,
  });
  process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = edge.url;

  indexDir = await mkdtemp(join(tmpdir(), 'parley-generative-'));
  const indexPath = join(indexDir, 'knowledge-index.json');
  await writeFile(indexPath, JSON.stringify(await buildKnowledgeIndexFromDirectory()));

  wired = {
    retriever: () => loadKnowledgeIndex(indexPath),
    memory: dynamoDbConversationMemory(documents, CONVERSATIONS),
    bedrock: createBedrockClient(),
    recordGap: (gap) => recordKnowledgeGap(documents, GAPS, gap),
    model: { modelId: 'amazon.nova-lite-v1:0' },
    clock: Date.now,
  };
});

afterAll(async () => {
  wired.bedrock.destroy();
  delete process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
  await edge.close();
  await db.stop();
  await rm(indexDir, { recursive: true, force: true });
});

afterEach(() => faults.clear());

let sessions = 0;
/** The wired dependencies with a recording logger and metrics, and a session of the test's own. */
function setUp(): { deps: GenerativeDependencies; recorded: Recorders; sessionId: string } {
  sessions += 1;
  const { deps, recorded } = dependencies(wired);
  return { deps, recorded, sessionId: `session-${sessions}` };
}

describe('answers grounded in the knowledge base', () => {
  it('cites the passages it used, and remembers the turn with its tokens', async () => {
    const { deps, recorded, sessionId } = setUp();
    const question = 'Is my dog welcome inside on a leash?';
    const answer = await answerQuestion(questionRequest({ question, sessionId }), deps);
    expect(answer).toMatchObject({
      source: 'model',
      outcome: 'answer',
      citations: [{ id: 'pets-in-stores#1', title: 'Can I bring my pet to the store?' }],
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
    });
    expect(answer.text).toMatch(/dogs/);
    const [remembered] = await wired.memory.history(sessionId, { tokenBudget: 10_000 });
    expect(remembered).toMatchObject({
      user: question,
      assistant: answer.text,
      citations: ['pets-in-stores#1'],
      outcome: 'answer',
      inputTokens: answer.usage?.inputTokens,
      outputTokens: answer.usage?.outputTokens,
    });
    expect(recorded.samples).toEqual([
      { source: 'model', usage: answer.usage, modelLatencyMs: expect.any(Number) },
    ]);
  });

  it('follows up on the previous question', async () => {
    const { deps, sessionId } = setUp();
    const first = await answerQuestion(
      questionRequest({ question: 'Do you ship to Canada?', sessionId }),
      deps,
    );
    expect(first.source).toBe('curated');
    expect(first.text).not.toMatch(/^#/m);
    const followUp = await answerQuestion(
      questionRequest({ question: 'And to Mexico?', sessionId, requestId: 'request-2' }),
      deps,
    );
    expect(followUp).toMatchObject({ source: 'model', outcome: 'answer' });
    expect(followUp.text).toMatch(/Mexico/);
    expect(followUp.citations.map((c) => c.id)).toContain('international-shipping#1');
  });

  it('answers a Spanish caller in Spanish', async () => {
    const { deps, sessionId } = setUp();
    const answer = await answerQuestion(
      questionRequest({
        question: '¿Mi perro puede entrar con correa a sus tiendas?',
        localeId: 'es_US',
        channel: 'voice',
        sessionId,
      }),
      deps,
    );
    expect(answer).toMatchObject({ source: 'model', outcome: 'answer' });
    expect(answer.text).toMatch(/perros/);
  });

  it('hands over when the customer asks for a person', async () => {
    const { deps, sessionId } = setUp();
    const answer = await answerQuestion(
      questionRequest({ question: 'I want to talk to a person about a refund', sessionId }),
      deps,
    );
    expect(answer).toMatchObject({ source: 'model', outcome: 'handoff', text: en.handoff, citations: [] });
  });

  it('records what it could not answer for the FAQ owners', async () => {
    const { deps, sessionId } = setUp();
    const declined = await answerQuestion(
      questionRequest({ question: 'Do you sell pizza?', sessionId }),
      deps,
    );
    expect(declined).toMatchObject({ source: 'model', outcome: 'cannot_answer', text: en.cannotAnswer });
    // A new session: after a question, the previous one joins the search and finds its own passages.
    const unknown = await answerQuestion(
      questionRequest({ question: 'Who painted the Mona Lisa?', sessionId: `${sessionId}-b` }),
      deps,
    );
    expect(unknown).toMatchObject({ source: 'no_passage', text: en.noPassage });
    const gaps = await listKnowledgeGaps(documents, GAPS);
    expect(gaps.map((gap) => [gap.kind, gap.question])).toEqual(
      expect.arrayContaining([
        ['model_declined', 'Do you sell pizza?'],
        ['no_passage', 'Who painted the Mona Lisa?'],
      ]),
    );
  });
});

describe('Bedrock faults on the wire', () => {
  const question = 'Is my dog welcome inside on a leash?';

  it('rides out one throttle with its single retry', async () => {
    faults.set({ mode: 'throttle', count: 1 });
    const { deps, sessionId } = setUp();
    const answer = await answerQuestion(questionRequest({ question, sessionId }), deps);
    expect(answer.source).toBe('model');
  });

  it.each([
    ['throttled twice', { mode: 'throttle', count: 2 }, en.busy, 'throttled'],
    ['unavailable twice', { mode: '5xx', status: 503, count: 2 }, en.unavailable, 'unavailable'],
    ['blocked by a guardrail', { mode: 'guardrail' }, en.blocked, 'guardrail'],
    ['answering off the schema', { mode: 'malformed', variant: 'off_schema' }, en.unsure, 'malformed_output'],
    ['answering in prose', { mode: 'malformed', variant: 'prose' }, en.unsure, 'malformed_output'],
  ])('%s: a safe answer that offers an agent', async (_case, fault, text, kind) => {
    faults.set(fault);
    const { deps, sessionId } = setUp();
    const answer = await answerQuestion(questionRequest({ question, sessionId }), deps);
    expect(answer).toMatchObject({ text, source: 'fallback_error', error: { kind } });
  });

  it('stops waiting at the deadline and drops the request on the wire', async () => {
    faults.set({ mode: 'timeout', delayMs: 30_000 });
    const { deps, sessionId } = setUp();
    const started = Date.now();
    const answer = await answerQuestion(
      questionRequest({ question, sessionId, channel: 'voice', deadlineMs: started + 800 }),
      deps,
    );
    expect(Date.now() - started).toBeLessThan(800 + 150);
    expect(answer).toMatchObject({ text: en.slow, source: 'fallback_error', error: { kind: 'timeout' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(edgeLog.some((line) => line.includes('client aborted'))).toBe(true);
  });
});
