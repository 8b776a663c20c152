import { z } from 'zod';
import { DEFAULT_MODEL_ID } from '../functions/lex-code-hook/config';
import { POLLY_ENGINES } from '../functions/voice/engine-support';
import { issueList } from '../functions/shared/zod-issues';

/**
 * What a deployment chooses, from CDK context (`cdk.json`, or `-c key=value` on the command line). Every
 * value is checked here, so a typo fails the synth with the setting's name instead of a broken stack.
 */
const SettingsSchema = z.object({
  /** A Bedrock model id (amazon.nova-lite-v1:0) or a cross-region inference profile id (us.amazon...). */
  modelId: z
    .string()
    .regex(
      /^(?:(us|eu|apac|global)\.)?[a-z0-9-]+\.[A-Za-z0-9.:-]+$/,
      'must be a Bedrock model id or inference profile id',
    )
    .default(DEFAULT_MODEL_ID),
  /** Create a Bedrock guardrail (content filters, PII masking) and have the code hook use it. */
  guardrail: z.boolean().default(true),
  /** The alias only the Slack worker may call; the code hook gives staff-only articles on it. */
  staffAliasName: z
    .string()
    .regex(/^([0-9a-zA-Z][_-]?){1,100}$/)
    .default('staff'),
  publicAliasName: z
    .string()
    .regex(/^([0-9a-zA-Z][_-]?){1,100}$/)
    .default('live'),
  voiceEngine: z.enum(POLLY_ENGINES).default('neural'),
  storeTimeZone: z.string().default('America/New_York'),
  /** Deploy the Slack ingress and worker (their secret is filled in after the first deploy). */
  slack: z.boolean().default(true),
  /** Optional: the support channel id hand-offs are posted to. */
  slackSupportChannel: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/)
    .optional(),
  /** Optional: an Amazon Connect instance; with it, the phone line is wired (contact flows, association). */
  connectInstanceArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]{36}$/)
    .optional(),
  /** The Connect queue a hand-off transfers to (required with connectInstanceArn). */
  connectQueueArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]{36}\/queue\/[0-9a-f-]{36}$/)
    .optional(),
  /** End User Messaging SMS origination identity (phone number, sender id or pool: id or ARN) for texts. */
  followUpOriginationIdentity: z.string().min(1).optional(),
  /** Where alarms are emailed; none: the alarms only show in CloudWatch. */
  alarmEmail: z.email().optional(),
  /** Days the functions' logs are kept. */
  logRetentionDays: z.number().int().positive().default(30),
});

export type ParleySettings = z.infer<typeof SettingsSchema>;

export class InvalidSettingsError extends Error {
  override readonly name = 'InvalidSettingsError';
}

/** Context values arrive as strings from `-c`; booleans and numbers are read from those too. */
export function parseSettings(context: Record<string, unknown>): ParleySettings {
  const values = Object.fromEntries(
    Object.entries(context)
      .filter(([key]) => key in SettingsSchema.shape)
      .map(([key, value]) => [key, fromContextString(value)]),
  );
  const parsed = SettingsSchema.safeParse(values);
  if (!parsed.success) {
    throw new InvalidSettingsError(`Invalid Parley context: ${issueList(parsed.error.issues)}`);
  }
  if ((parsed.data.connectInstanceArn === undefined) !== (parsed.data.connectQueueArn === undefined)) {
    throw new InvalidSettingsError(
      'Invalid Parley context: connectInstanceArn and connectQueueArn go together',
    );
  }
  return parsed.data;
}

function fromContextString(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
}
