import { z } from 'zod';
import { optionalSetting, tableNameSetting } from '../../functions/shared/settings';
import { issueList } from '../../functions/shared/zod-issues';

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
  SLACK_API_URL: optionalSetting(z.url({ message: 'must be a URL like https://slack.com/api/' })),
  SLACK_SUPPORT_CHANNEL: optionalSetting(
    z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel id like C0123ABCD (not a #name)'),
  ),
  SLACK_LOCALE_ID: z.enum(['en_US', 'es_US'], { message: 'must be en_US or es_US' }).default('en_US'),
  LEX_BOT_ID: z.string().min(1, 'must be set: the Lex bot id'),
  LEX_BOT_ALIAS_ID: z.string().min(1, 'must be set: the id of the staff alias, which only this worker calls'),
  SLACK_EVENTS_TABLE_NAME: tableNameSetting('slackEvents'),
  CONVERSATIONS_TABLE_NAME: tableNameSetting('conversations'),
  KNOWLEDGE_GAPS_TABLE_NAME: tableNameSetting('knowledgeGaps'),
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
