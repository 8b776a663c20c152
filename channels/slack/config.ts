import { z } from 'zod';
import { TABLE_CONTRACTS } from '../../functions/tables';
import { issueList } from '../../functions/shared/zod-issues';

/** Unset and empty mean the same: a deployment template often renders an unused parameter as "". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const tableName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -')
    .default(fallback);

const secretArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:\S+$/,
    'must be the ARN of the Slack secret',
  );

const IngressEnvSchema = z.object({
  SLACK_SECRET_ARN: secretArn,
  SLACK_WORKER_FUNCTION_NAME: z.string().min(1).default('parley-slack-worker'),
});

const WorkerEnvSchema = z.object({
  SLACK_SECRET_ARN: secretArn,
  SLACK_API_URL: optional(z.url({ message: 'must be a URL like https://slack.com/api/' })),
  SLACK_SUPPORT_CHANNEL: optional(
    z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel id like C0123ABCD (not a #name)'),
  ),
  SLACK_LOCALE_ID: z.enum(['en_US', 'es_US'], { message: 'must be en_US or es_US' }).default('en_US'),
  LEX_BOT_ID: z.string().min(1, 'must be set: the Lex bot id'),
  LEX_BOT_ALIAS_ID: z.string().min(1, 'must be set: the id of the staff alias, which only this worker calls'),
  SLACK_EVENTS_TABLE_NAME: tableName(TABLE_CONTRACTS.slackEvents.defaultName),
  CONVERSATIONS_TABLE_NAME: tableName(TABLE_CONTRACTS.conversations.defaultName),
  KNOWLEDGE_GAPS_TABLE_NAME: tableName(TABLE_CONTRACTS.knowledgeGaps.defaultName),
});

export type IngressConfig = z.infer<typeof IngressEnvSchema>;
export type WorkerConfig = z.infer<typeof WorkerEnvSchema>;

export class InvalidSlackConfigError extends Error {
  override readonly name = 'InvalidSlackConfigError';
}

export function loadIngressConfig(env: NodeJS.ProcessEnv): IngressConfig {
  return parse(IngressEnvSchema, env, 'Slack ingress');
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  return parse(WorkerEnvSchema, env, 'Slack worker');
}

/** Names what is wrong, never the values. The tokens themselves are in the secret (see secrets.ts). */
function parse<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, what: string): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new InvalidSlackConfigError(`Invalid ${what} configuration: ${issueList(parsed.error.issues)}`);
}
