import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { z } from 'zod';
import { tableNameSetting } from '../shared/settings';
import { TABLE_CONTRACTS } from '../tables';
import { textFollowUp, type FollowUpTextDependencies } from './send-follow-up-texts';

const logger = new Logger({ serviceName: 'parley-follow-up-texts' });

const EnvSchema = z.object({
  [TABLE_CONTRACTS.followups.envVar]: tableNameSetting('followups'),
  [TABLE_CONTRACTS.idempotency.envVar]: tableNameSetting('idempotency'),
  SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
});

interface Wiring {
  deps: FollowUpTextDependencies;
  config: IdempotencyConfig;
}

let wiring: Wiring | undefined;

/** Read and built on the first invocation, once per container. */
function wire(): Wiring {
  const env = EnvSchema.parse(process.env);
  const dynamo = new DynamoDBClient({});
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'requestId', expiresAfterSeconds: 7 * 24 * 3600 });
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: env[TABLE_CONTRACTS.idempotency.envVar] as string,
    awsSdkV3Client: dynamo,
    keyAttr: TABLE_CONTRACTS.idempotency.partitionKey,
    expiryAttr: TABLE_CONTRACTS.idempotency.ttlAttribute,
  });
  const sendOnce = makeIdempotent(
    async (_key: { requestId: string }, send: () => Promise<string>) => ({ messageId: await send() }),
    { persistenceStore, config, keyPrefix: 'parley-follow-up-texts' },
  );
  return {
    config,
    deps: {
      sms: new PinpointSMSVoiceV2Client({}),
      documents: DynamoDBDocumentClient.from(dynamo),
      followUpsTableName: env[TABLE_CONTRACTS.followups.envVar] as string,
      ...(env.SMS_ORIGINATION_IDENTITY ? { originationIdentity: env.SMS_ORIGINATION_IDENTITY } : {}),
      once: async (requestId, send) => (await sendOnce({ requestId }, send)).messageId,
      now: Date.now,
      log: (message, details) => logger.warn(message, details ?? {}),
    },
  };
}

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * The follow-ups table's stream, in batches: each new request is texted once; a record that failed is
 * reported alone (partial batch response), so Lambda retries it without resending the others.
 */
export async function handler(event: DynamoDBStreamEvent, context: Context) {
  wiring ??= wire();
  const { deps, config } = wiring;
  config.registerLambdaContext(context);
  return processPartialResponse(event, (record: DynamoDBRecord) => textFollowUp(record, deps), processor, {
    context,
  });
}
