import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { TABLE_CONTRACTS } from '../../functions/tables';

/** Slack redelivers for about five minutes; a day covers that and the Lambda's own async retries. */
const REMEMBER_SECONDS = 24 * 3600;

export interface AnsweredOnce {
  /**
   * Runs `work` unless work under the same key already ran or is running: `ran`, or `duplicate`. A `work`
   * that throws leaves no mark, so a retry of the same delivery still gets its answer.
   */
  run(key: string, work: () => Promise<void>): Promise<'ran' | 'duplicate'>;
  /** The current Lambda invocation: a crash mid-answer then frees the key when the invocation would end. */
  useLambdaContext(context: Context): void;
}

/**
 * Exactly-once answers on Powertools idempotency with its DynamoDB persistence layer: a conditional put on
 * the key before the work, the result after, the record deleted if the work fails.
 */
export function dynamoDbAnsweredOnce(client: DynamoDBClient, tableName: string): AnsweredOnce {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: client,
    keyAttr: TABLE_CONTRACTS.slackEvents.partitionKey,
    expiryAttr: TABLE_CONTRACTS.slackEvents.ttlAttribute,
  });
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: REMEMBER_SECONDS });
  const guarded = makeIdempotent(
    async (_key: { key: string }, work: () => Promise<void>, attempt: string) => {
      await work();
      return { attempt };
    },
    // A fixed prefix rather than the function name: a renamed or redeployed worker still knows the keys.
    { persistenceStore, config, keyPrefix: 'parley-slack' },
  );
  return {
    async run(key, work) {
      // A completed record answers with the result stored by the attempt that ran; only ours carries this id.
      const attempt = randomUUID();
      try {
        const result = await guarded({ key }, work, attempt);
        return result.attempt === attempt ? 'ran' : 'duplicate';
      } catch (error) {
        if (error instanceof IdempotencyAlreadyInProgressError) return 'duplicate';
        throw error;
      }
    },
    useLambdaContext(context) {
      config.registerLambdaContext(context);
    },
  };
}
