import path from 'node:path';
import * as z from 'zod/mini';
import { optionalSetting, tableNameSetting } from '../shared/settings';
import { POLLY_ENGINES, type PollyEngine } from '../voice/engine-support';
import { issueList } from '../shared/zod-issues';

const TimeZoneSchema = z
  ._default(z.string(), 'America/New_York')
  .check(
    z.refine(isKnownTimeZone, { message: 'must be an IANA time zone known to Intl, like America/New_York' }),
  );

/** Fast and cheap, with tool use and prompt caching; an answer grounded in a few passages needs no more. */
export const DEFAULT_MODEL_ID = 'amazon.nova-lite-v1:0';

/**
 * The knowledge index ships inside the Lambda bundle, next to the code (esbuild puts the bundle and its
 * assets in one directory, which is __dirname at run time); the local stack points elsewhere with
 * KNOWLEDGE_INDEX_PATH.
 */
export const DEFAULT_KNOWLEDGE_INDEX_PATH = path.join(__dirname, 'knowledge-index.json');

const DEFAULT_CONVERSATION_TTL_HOURS = 24;
const MAX_CONVERSATION_TTL_HOURS = 24 * 365;

const EnvSchema = z
  .object({
    ORDERS_TABLE_NAME: tableNameSetting('orders'),
    STORES_TABLE_NAME: tableNameSetting('stores'),
    CALLBACKS_TABLE_NAME: tableNameSetting('callbacks'),
    FOLLOWUPS_TABLE_NAME: tableNameSetting('followups'),
    CONVERSATIONS_TABLE_NAME: tableNameSetting('conversations'),
    KNOWLEDGE_GAPS_TABLE_NAME: tableNameSetting('knowledgeGaps'),
    STORE_TIME_ZONE: TimeZoneSchema,
    BEDROCK_MODEL_ID: optionalSetting(
      z
        .string()
        .check(z.regex(/^\S{1,2048}$/, 'must be a Bedrock model id or ARN, like amazon.nova-lite-v1:0')),
    ),
    BEDROCK_GUARDRAIL_ID: optionalSetting(
      z.string().check(z.regex(/^[a-z0-9]{1,64}$|^arn:\S+$/, 'must be a guardrail id (like gr1abc) or ARN')),
    ),
    BEDROCK_GUARDRAIL_VERSION: optionalSetting(
      z.string().check(z.regex(/^(DRAFT|[1-9][0-9]{0,7})$/, 'must be DRAFT or a version number')),
    ),
    KNOWLEDGE_INDEX_PATH: optionalSetting(z.string()),
    CONVERSATION_TTL_HOURS: optionalSetting(
      z
        .pipe(z.string().check(z.regex(/^\d+$/, 'must be a whole number of hours')), z.transform(Number))
        .check(
          z.refine((hours) => hours >= 1 && hours <= MAX_CONVERSATION_TTL_HOURS, {
            message: `must be from 1 to ${MAX_CONVERSATION_TTL_HOURS} hours`,
          }),
        ),
    ),
    MEMORY_REDACT_PII: optionalSetting(z.enum(['true', 'false'], { message: 'must be true or false' })),
    STAFF_BOT_ALIAS_NAME: optionalSetting(
      z
        .string()
        .check(
          z.regex(/^([0-9a-zA-Z][_-]?){1,100}$/, 'must be a Lex bot alias name, like staff or Staff-Slack'),
        ),
    ),
    VOICE_ENGINE: optionalSetting(
      z.enum(POLLY_ENGINES, { message: `must be a Polly engine: ${POLLY_ENGINES.join(', ')}` }),
    ),
    SPEECH_CONFIDENCE_THRESHOLD: optionalSetting(
      z.pipe(
        z.string().check(z.regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1, like 0.5')),
        z.transform(Number),
      ),
    ),
  })
  .check(
    z.refine(
      (env) => (env.BEDROCK_GUARDRAIL_ID === undefined) === (env.BEDROCK_GUARDRAIL_VERSION === undefined),
      {
        message: 'set both or neither: a guardrail needs its id and its version',
        path: ['BEDROCK_GUARDRAIL_ID'],
      },
    ),
  );

export interface TableNames {
  orders: string;
  stores: string;
  callbacks: string;
  /** Requests to text a customer the details of an answer; a later consumer sends them. */
  followups: string;
}

/**
 * The Polly engine of the bot locales' voice (bot-definitions VoiceSettings.Engine): spoken replies use only
 * the SSML it accepts, since Polly rejects a whole message over one unsupported tag.
 */
export const DEFAULT_VOICE_ENGINE: PollyEngine = 'neural';

/**
 * Below this transcription confidence a caller's words are asked for again rather than acted on. Lex leaves
 * the threshold to the code hook (its guide's example uses 0.8 for noisy lines); 0.5 keeps a clear but
 * unusual answer from being asked twice. 0 turns the check off.
 */
export const DEFAULT_SPEECH_CONFIDENCE_THRESHOLD = 0.5;

/** The generative answer path (FallbackIntent): model, knowledge index and its two tables. */
export interface GenerativeConfig {
  modelId: string;
  guardrail?: { identifier: string; version: string };
  knowledgeIndexPath: string;
  conversationsTableName: string;
  knowledgeGapsTableName: string;
  /** Conversation memory: how long a turn is remembered, and whether personal data is redacted first. */
  memory: { ttlHours: number; redactPii: boolean };
}

export interface CodeHookConfig {
  tableNames: TableNames;
  /** The stores' time zone: "today" and business hours are decided in it. */
  storeTimeZone: string;
  generative: GenerativeConfig;
  voiceEngine: PollyEngine;
  /** See DEFAULT_SPEECH_CONFIDENCE_THRESHOLD. */
  speechConfidenceThreshold: number;
  /**
   * The bot alias whose text conversations may read staff-only articles; IAM lets only channels that
   * authenticate employees call it. Unset: no conversation is staff.
   */
  staffAliasName?: string;
}

export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): CodeHookConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new InvalidConfigError(`Invalid code hook configuration: ${issueList(parsed.error.issues)}`);
  }
  const settings = parsed.data;
  return {
    tableNames: {
      orders: settings.ORDERS_TABLE_NAME,
      stores: settings.STORES_TABLE_NAME,
      callbacks: settings.CALLBACKS_TABLE_NAME,
      followups: settings.FOLLOWUPS_TABLE_NAME,
    },
    storeTimeZone: settings.STORE_TIME_ZONE,
    generative: {
      modelId: settings.BEDROCK_MODEL_ID ?? DEFAULT_MODEL_ID,
      ...(settings.BEDROCK_GUARDRAIL_ID && settings.BEDROCK_GUARDRAIL_VERSION
        ? {
            guardrail: {
              identifier: settings.BEDROCK_GUARDRAIL_ID,
              version: settings.BEDROCK_GUARDRAIL_VERSION,
            },
          }
        : {}),
      knowledgeIndexPath: settings.KNOWLEDGE_INDEX_PATH ?? DEFAULT_KNOWLEDGE_INDEX_PATH,
      conversationsTableName: settings.CONVERSATIONS_TABLE_NAME,
      knowledgeGapsTableName: settings.KNOWLEDGE_GAPS_TABLE_NAME,
      memory: {
        ttlHours: settings.CONVERSATION_TTL_HOURS ?? DEFAULT_CONVERSATION_TTL_HOURS,
        redactPii: settings.MEMORY_REDACT_PII !== 'false',
      },
    },
    voiceEngine: settings.VOICE_ENGINE ?? DEFAULT_VOICE_ENGINE,
    speechConfidenceThreshold: settings.SPEECH_CONFIDENCE_THRESHOLD ?? DEFAULT_SPEECH_CONFIDENCE_THRESHOLD,
    ...(settings.STAFF_BOT_ALIAS_NAME ? { staffAliasName: settings.STAFF_BOT_ALIAS_NAME } : {}),
  };
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
