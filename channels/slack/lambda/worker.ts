import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { recordKnowledgeGap } from '../../../functions/knowledge/gaps';
import { dynamoDbConversationMemory } from '../../../functions/memory/conversation-memory';
import { dynamoDbAnsweredOnce } from '../answered-once';
import { loadWorkerConfig } from '../config';
import { SlackWorkSchema } from '../payloads';
import { readSlackSecrets } from '../secrets';
import { dynamoDbThreadRegistry } from '../threads';
import { createSlackWorker, type SlackWorker } from '../worker';

const logger = new Logger({ serviceName: 'parley-slack-worker' });

let worker: Promise<SlackWorker> | undefined;

/** Read and built on the first invocation, once per container; a failure is retried on the next one. */
async function wire(): Promise<SlackWorker> {
  const config = loadWorkerConfig(process.env);
  const secrets = await readSlackSecrets(new SecretsManagerClient({}), config.SLACK_SECRET_ARN);
  const dynamo = new DynamoDBClient({});
  const documents = DynamoDBDocumentClient.from(dynamo);
  return createSlackWorker({
    botToken: secrets.botToken,
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    lex: {
      client: new LexRuntimeV2Client({}),
      botId: config.LEX_BOT_ID,
      botAliasId: config.LEX_BOT_ALIAS_ID,
      localeId: config.SLACK_LOCALE_ID,
    },
    ...(config.SLACK_SUPPORT_CHANNEL ? { supportChannel: config.SLACK_SUPPORT_CHANNEL } : {}),
    answeredOnce: dynamoDbAnsweredOnce(dynamo, config.SLACK_EVENTS_TABLE_NAME),
    threads: dynamoDbThreadRegistry(documents, config.SLACK_EVENTS_TABLE_NAME),
    feedback: {
      memory: dynamoDbConversationMemory(documents, config.CONVERSATIONS_TABLE_NAME),
      recordGap: (gap) => recordKnowledgeGap(documents, config.KNOWLEDGE_GAPS_TABLE_NAME, gap),
    },
    logger,
  });
}

/**
 * The Slack worker, invoked asynchronously by the ingress with one piece of verified work. A throw makes
 * Lambda retry it; work that is not Slack work at all is logged and dropped, since no retry can fix it.
 */
export async function handler(event: unknown, context: Context): Promise<void> {
  const work = SlackWorkSchema.safeParse(event);
  if (!work.success) {
    logger.error('Not Slack work; dropped', { issues: work.error.issues.map((issue) => issue.message) });
    return;
  }
  worker ??= wire().catch((error: unknown) => {
    worker = undefined;
    throw error;
  });
  await (await worker).process(work.data, context);
}
