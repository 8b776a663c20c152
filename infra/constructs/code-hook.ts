import { Duration, Stack } from 'aws-cdk-lib';
import { CfnGuardrail, CfnGuardrailVersion } from 'aws-cdk-lib/aws-bedrock';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ParleySettings } from '../settings';
import type { DataTables } from './data-tables';
import { ParleyFunction } from './parley-function';

export interface CodeHookProps {
  settings: ParleySettings;
  tables: DataTables;
  /** The knowledge index built at synth from knowledge/, shipped beside the bundle. */
  knowledgeIndexFile: string;
  logRetention: RetentionDays;
}

/** Lex gives a code hook 30 s; the chat answer deadline is 10 s and the voice one 3.5 s (functions/generative). */
const CODE_HOOK_TIMEOUT = Duration.seconds(15);
/**
 * 1,024 MB: Lambda's CPU share grows with memory, and at this size the hook's cold start (bundle load,
 * index parse) and its retrieval are no longer CPU bound; the turn costs stay dominated by the model.
 * Issue 12's benchmark measures this.
 */
const CODE_HOOK_MEMORY_MB = 1024;

/**
 * The Lex code hook Lambda: the handler of functions/lex-code-hook with the knowledge index beside it, its
 * configuration from the deployment's settings, and exactly the access it uses: read orders and stores,
 * write callbacks and follow-ups, read and write conversation memory, write knowledge gaps, and call the one
 * configured model (and guardrail).
 */
export class CodeHook extends Construct {
  readonly function: ParleyFunction;

  constructor(scope: Construct, id: string, props: CodeHookProps) {
    super(scope, id);
    const { settings, tables } = props;
    const guardrail = settings.guardrail ? new ParleyGuardrail(this, 'Guardrail') : undefined;
    this.function = new ParleyFunction(this, 'Handler', {
      entry: 'functions/lex-code-hook/handler.ts',
      description: 'Parley Lex V2 code hook: validation, business intents, grounded answers',
      memorySize: CODE_HOOK_MEMORY_MB,
      timeout: CODE_HOOK_TIMEOUT,
      logRetention: props.logRetention,
      assets: [{ from: props.knowledgeIndexFile, name: 'knowledge-index.json' }],
      environment: {
        ...tables.environment([
          'orders',
          'stores',
          'callbacks',
          'followups',
          'conversations',
          'knowledgeGaps',
        ]),
        BEDROCK_MODEL_ID: settings.modelId,
        STORE_TIME_ZONE: settings.storeTimeZone,
        VOICE_ENGINE: settings.voiceEngine,
        STAFF_BOT_ALIAS_NAME: settings.staffAliasName,
        POWERTOOLS_SERVICE_NAME: 'parley-code-hook',
        POWERTOOLS_METRICS_NAMESPACE: 'Parley',
        ...(guardrail
          ? { BEDROCK_GUARDRAIL_ID: guardrail.guardrailId, BEDROCK_GUARDRAIL_VERSION: guardrail.version }
          : {}),
      },
    });
    const fn = this.function.fn;
    tables.tables.orders.grantReadData(fn);
    tables.tables.stores.grantReadData(fn);
    tables.tables.callbacks.grantReadWriteData(fn);
    tables.tables.followups.grantReadWriteData(fn);
    tables.tables.conversations.grantReadWriteData(fn);
    tables.tables.knowledgeGaps.grantWriteData(fn);
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: modelArns(this, settings.modelId) }),
    );
    if (guardrail) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['bedrock:ApplyGuardrail'], resources: [guardrail.arn] }),
      );
    }
  }
}

/**
 * What Converse needs for a model id: the foundation model in this region, or for a cross-region inference
 * profile (`us.`, `eu.`, ...) the profile and the model in the regions it routes to.
 */
export function modelArns(scope: Construct, modelId: string): string[] {
  const stack = Stack.of(scope);
  const profile = /^(us|eu|apac|global)\.(.+)$/.exec(modelId);
  if (!profile) return [`arn:${stack.partition}:bedrock:${stack.region}::foundation-model/${modelId}`];
  return [
    `arn:${stack.partition}:bedrock:${stack.region}:${stack.account}:inference-profile/${modelId}`,
    `arn:${stack.partition}:bedrock:*::foundation-model/${profile[2]}`,
  ];
}

/**
 * A Bedrock guardrail for every model answer: harmful content and prompt attacks filtered, and personal data
 * the model might repeat (emails, phone and card numbers) masked before it reaches a customer.
 */
class ParleyGuardrail extends Construct {
  readonly guardrailId: string;
  readonly arn: string;
  readonly version: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const strength = (filter: string, input = 'HIGH', output = 'HIGH') => ({
      type: filter,
      inputStrength: input,
      outputStrength: output,
    });
    const guardrail = new CfnGuardrail(this, 'Resource', {
      name: `${Stack.of(this).stackName}-answers`,
      description: 'Parley: filters for customer-facing answers',
      blockedInputMessaging: "Sorry, I can't help with that. Would you like me to connect you with an agent?",
      blockedOutputsMessaging: "Sorry, I can't answer that. Would you like me to connect you with an agent?",
      contentPolicyConfig: {
        filtersConfig: [
          strength('HATE'),
          strength('INSULTS'),
          strength('SEXUAL'),
          strength('VIOLENCE'),
          strength('MISCONDUCT'),
          // Prompt attacks are judged on what the customer typed; the model's output has no such filter.
          strength('PROMPT_ATTACK', 'HIGH', 'NONE'),
        ],
      },
      sensitiveInformationPolicyConfig: {
        piiEntitiesConfig: [
          { type: 'EMAIL', action: 'ANONYMIZE' },
          { type: 'PHONE', action: 'ANONYMIZE' },
          { type: 'CREDIT_DEBIT_CARD_NUMBER', action: 'ANONYMIZE' },
          { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' },
        ],
      },
    });
    const version = new CfnGuardrailVersion(this, 'Version', {
      guardrailIdentifier: guardrail.attrGuardrailId,
      description: 'Deployed with Parley',
    });
    this.guardrailId = guardrail.attrGuardrailId;
    this.arn = guardrail.attrGuardrailArn;
    this.version = version.attrVersion;
  }
}
