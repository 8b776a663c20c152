import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  InternalServerError,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import {
  MemoryUnavailableError,
  dynamoDbConversationMemory,
} from '../../../functions/memory/conversation-memory';

const documents = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
);
const dynamo = mockClient(documents);
const memory = dynamoDbConversationMemory(documents, 'parley-conversations');
const turn = { user: 'hi', assistant: 'hello', requestId: 'r1', localeId: 'en_US', channel: 'voice' };

const unavailable = () => new InternalServerError({ message: 'DynamoDB is unavailable', $metadata: {} });

beforeEach(() => dynamo.reset());
afterAll(() => dynamo.restore());

describe('when DynamoDB fails', () => {
  it('history rejects with MemoryUnavailableError carrying the cause', async () => {
    const cause = unavailable();
    dynamo.on(QueryCommand).rejects(cause);
    const error = await memory.history('s1', { tokenBudget: 500 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MemoryUnavailableError);
    expect(error).toMatchObject({
      message: 'Could not read the history of session s1: InternalServerError: DynamoDB is unavailable',
      cause,
    });
  });

  it('append rejects with MemoryUnavailableError when the read or the write fails', async () => {
    dynamo.on(QueryCommand).rejects(unavailable());
    await expect(memory.append('s1', turn)).rejects.toThrow(MemoryUnavailableError);

    dynamo.reset();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(PutCommand).rejects(new ResourceNotFoundException({ message: 'no table', $metadata: {} }));
    await expect(memory.append('s1', turn)).rejects.toThrow(
      'Could not store a turn of session s1: ResourceNotFoundException: no table',
    );
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('append gives up, with the same error, when every attempt loses the race', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'taken', $metadata: {} }));
    await expect(memory.append('s1', turn)).rejects.toThrow(
      /Could not store a turn of session s1: other turns kept taking the next number \(10 attempts\)/,
    );
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(10);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(10);
  });
});
