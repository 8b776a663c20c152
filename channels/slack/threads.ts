import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_CONTRACTS } from '../../functions/tables';

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
    [TABLE_CONTRACTS.slackEvents.partitionKey]: `thread#${teamId}#${channel}#${threadRoot}`,
  });
  return {
    async joined(teamId, channel, threadRoot) {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...key(teamId, channel, threadRoot),
            [TABLE_CONTRACTS.slackEvents.ttlAttribute]: nowSeconds() + THREAD_MEMORY_SECONDS,
          },
        }),
      );
    },
    async isMember(teamId, channel, threadRoot) {
      const found = await documents.send(
        new GetCommand({ TableName: tableName, Key: key(teamId, channel, threadRoot) }),
      );
      const expiration = found.Item?.[TABLE_CONTRACTS.slackEvents.ttlAttribute] as unknown;
      // TTL deletes lazily (within days), so an expired item can still be read.
      return typeof expiration === 'number' && expiration > nowSeconds();
    },
  };
}
