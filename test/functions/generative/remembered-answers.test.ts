/**
 * What the conversation memory keeps of an answer, through the real memory on dynalite: personal data is
 * redacted from what the model wrote, while a curated article's own contact address survives in its details.
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { CreateTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { answerQuestion } from '../../../functions/generative/answer-question';
import { dynamoDbConversationMemory } from '../../../functions/memory/conversation-memory';
import { tableDefinition } from '../../../local/dynamodb/tables';
import { startTestDynamoDb, type TestDynamoDb } from '../../local/dynamodb/harness';
import { dependencies, fakeRetriever, passage, questionRequest, toolReply } from './fakes';

const TABLE = 'parley-conversations';
const ADDRESS = 'privacy@retailsupport.example';
const PRIVACY_ARTICLE = {
  docId: 'account-privacy',
  title: 'How do you protect my personal information?',
  text: `We never sell your data.\n\n- **Your data**: ask for a copy by writing to ${ADDRESS}.`,
  voice: 'We never sell your personal information.',
  confidence: 1,
};

const bedrock = mockClient(BedrockRuntimeClient);
let db: TestDynamoDb;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  db = await startTestDynamoDb();
  documents = DynamoDBDocumentClient.from(db.client);
  await db.client.send(new CreateTableCommand(tableDefinition('conversations')));
  await waitUntilTableExists(
    { client: db.client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 },
    { TableName: TABLE },
  );
});
afterAll(async () => {
  bedrock.restore();
  await db.stop();
});
beforeEach(() => bedrock.reset());

async function storedTurn(sessionId: string): Promise<Record<string, unknown> | undefined> {
  const { Items } = await documents.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `S#${sessionId}` },
    }),
  );
  return Items?.[0];
}

const memory = () => dynamoDbConversationMemory(documents, TABLE);

describe('an answer as the conversation memory keeps it', () => {
  it("keeps a curated article's own address in the details of a call answer", async () => {
    const { deps } = dependencies({ knowledge: fakeRetriever([], PRIVACY_ARTICLE), memory: memory() });
    const answer = await answerQuestion(
      questionRequest({
        channel: 'voice',
        sessionId: 'curated-call',
        question: 'I am jane.doe@example.com, do you sell my data?',
      }),
      deps,
    );
    expect(answer.details).toContain(ADDRESS);
    expect(await storedTurn('curated-call')).toMatchObject({
      user: 'I am [email], do you sell my data?',
      assistant: PRIVACY_ARTICLE.voice,
      details: answer.details,
      detailsSource: 'knowledge',
    });
  });

  it('redacts an address in what the model wrote', async () => {
    bedrock.on(ConverseCommand).resolves(
      toolReply({
        answer: `Write to ${ADDRESS} or call 509-555-1212 for a copy of your data.`,
        citations: ['account-privacy#1'],
        outcome: 'answer',
      }),
    );
    const { deps } = dependencies({
      knowledge: fakeRetriever([passage('account-privacy#1', { text: `Write to ${ADDRESS}.` })]),
      memory: memory(),
    });
    const answer = await answerQuestion(
      questionRequest({ channel: 'voice', sessionId: 'model-call', question: 'how do I get my data?' }),
      deps,
    );
    expect(answer).toMatchObject({ source: 'model', text: expect.stringContaining(ADDRESS) });
    const stored = await storedTurn('model-call');
    expect(stored).toMatchObject({ assistant: 'Write to [email] or call [phone] for a copy of your data.' });
    expect(JSON.stringify(stored)).not.toContain(ADDRESS);
  });
});
