import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FollowUpSchema, type FollowUp } from '../../follow-ups/follow-up';
import { parseItem } from '../../shared/stored-item';

export interface FollowUpRequest {
  followUp: FollowUp;
  /** False when the same answer had already been requested (a retried invocation, or asking twice). */
  created: boolean;
}

export interface FollowUpRepository {
  /** Stores the request unless one for the same answer exists, and returns what is stored. */
  requestOnce(followUp: FollowUp): Promise<FollowUpRequest>;
}

export function dynamoDbFollowUpRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): FollowUpRepository {
  return {
    async requestOnce(followUp) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: followUp,
            ConditionExpression: 'attribute_not_exists(requestId)',
          }),
        );
        return { followUp, created: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: { requestId: followUp.requestId },
          ConsistentRead: true,
        }),
      );
      const stored = parseItem(FollowUpSchema, Item, tableName, `requestId=${followUp.requestId}`);
      return { followUp: stored, created: false };
    },
  };
}
