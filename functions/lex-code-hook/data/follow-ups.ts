import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FollowUpSchema, type FollowUp } from '../../follow-ups/follow-up';
import { TABLE_CONTRACTS } from '../../tables';
import { putOnceElseRead } from './put-once';

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
      const keyName = TABLE_CONTRACTS.followups.partitionKey;
      const { stored, created } = await putOnceElseRead(client, tableName, keyName, followUp, FollowUpSchema);
      return { followUp: stored, created };
    },
  };
}
