import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SLACK_EVENTS_TABLE } from './events-table';

/** A thread goes quiet long before this; a reply after it needs a mention again. */
const THREAD_MEMORY_SECONDS = 7 * 24 * 3600;

/** The threads Parley has answered in, so a reply there without a mention still reaches it. */
export interface ThreadRegistry {
  joined(teamId: string, channel: string, threadRoot: string): Promise<void>;
  isMember(teamId: string, channel: string, threadRoot: string): Promise<boolean>;
}

export function dynamoDbThreadRegistry(
  documents: DynamoDBDocumentClient,
  tableName: string,
  nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
): ThreadRegistry {
  const key = (teamId: string, channel: string, threadRoot: string) => ({
    [SLACK_EVENTS_TABLE.partitionKey]: `thread#${teamId}#${channel}#${threadRoot}`,
  });
  return {
    async joined(teamId, channel, threadRoot) {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...key(teamId, channel, threadRoot),
            [SLACK_EVENTS_TABLE.ttlAttribute]: nowSeconds() + THREAD_MEMORY_SECONDS,
          },
        }),
      );
    },
    async isMember(teamId, channel, threadRoot) {
      const found = await documents.send(
        new GetCommand({ TableName: tableName, Key: key(teamId, channel, threadRoot) }),
      );
      const expiration = found.Item?.[SLACK_EVENTS_TABLE.ttlAttribute] as unknown;
      // TTL deletes lazily (within days), so an expired item can still be read.
      return typeof expiration === 'number' && expiration > nowSeconds();
    },
  };
}
