import { Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ParleySettings } from '../settings';
import type { DataTables } from './data-tables';
import { deadLetterQueue } from './dead-letter-queue';
import type { BotAliasRef } from './lex-bot';
import { ParleyFunction } from './parley-function';

export interface SlackChannelProps {
  settings: ParleySettings;
  tables: DataTables;
  botId: string;
  staffAlias: BotAliasRef;
  logRetention: RetentionDays;
}

/**
 * The Slack channel: the ingress behind a function URL (Slack's request URL; requests are authenticated by
 * their Slack signature, checked in code, so the URL itself is public), the worker it invokes asynchronously,
 * the secret with the app's tokens, and a dead-letter queue for work that failed all three attempts. Only the
 * worker may call the staff alias.
 */
export class SlackChannel extends Construct {
  readonly ingress: ParleyFunction;
  readonly worker: ParleyFunction;
  readonly secret: Secret;
  readonly deadLetters: Queue;
  readonly requestUrl: string;

  constructor(scope: Construct, id: string, props: SlackChannelProps) {
    super(scope, id);
    const { settings, tables } = props;
    this.secret = new Secret(this, 'Tokens', {
      description:
        'Parley Slack app: {"botToken": "xoxb-...", "signingSecret": "..."} (put the real values after deploying)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ botToken: 'xoxb-replace-me' }),
        generateStringKey: 'signingSecret',
        excludePunctuation: true,
      },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Slack issues and rotates these tokens (app settings), not AWS; a rotation Lambda has nothing to ' +
        'rotate. Replacing them is a put-secret-value, documented in the deploy guide.',
    });
    this.deadLetters = deadLetterQueue(this, 'FailedWork', 'the Slack worker');

    this.worker = new ParleyFunction(this, 'Worker', {
      entry: 'channels/slack/lambda/worker.ts',
      description: 'Parley Slack worker: asks Lex (staff alias) and answers in the thread',
      memorySize: 512,
      // Lex's own limit for a turn plus the Slack calls around it.
      timeout: Duration.seconds(60),
      logRetention: props.logRetention,
      environment: {
        ...tables.environment(['slackEvents', 'conversations', 'knowledgeGaps']),
        SLACK_SECRET_ARN: this.secret.secretArn,
        LEX_BOT_ID: props.botId,
        LEX_BOT_ALIAS_ID: props.staffAlias.id,
        ...(settings.slackSupportChannel ? { SLACK_SUPPORT_CHANNEL: settings.slackSupportChannel } : {}),
        POWERTOOLS_SERVICE_NAME: 'parley-slack-worker',
      },
    });
    const worker = this.worker.fn;
    worker.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: new SqsDestination(this.deadLetters),
    });
    this.secret.grantRead(worker);
    tables.tables.slackEvents.grantReadWriteData(worker);
    tables.tables.conversations.grantReadWriteData(worker);
    tables.tables.knowledgeGaps.grantWriteData(worker);
    worker.addToRolePolicy(
      new PolicyStatement({ actions: ['lex:RecognizeText'], resources: [props.staffAlias.arn] }),
    );

    this.ingress = new ParleyFunction(this, 'Ingress', {
      entry: 'channels/slack/lambda/ingress.ts',
      description: 'Parley Slack ingress: verifies, hands work to the worker, acknowledges within 3 s',
      memorySize: 256,
      timeout: Duration.seconds(5),
      logRetention: props.logRetention,
      environment: {
        SLACK_SECRET_ARN: this.secret.secretArn,
        SLACK_WORKER_FUNCTION_NAME: worker.functionName,
        POWERTOOLS_SERVICE_NAME: 'parley-slack-ingress',
      },
    });
    this.secret.grantRead(this.ingress.fn);
    grantAsyncInvoke(worker, this.ingress.fn);
    const url = this.ingress.fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    this.requestUrl = `${url.url}slack/events`;
  }
}

function grantAsyncInvoke(target: IFunction, caller: ParleyFunction['fn']): void {
  caller.addToRolePolicy(
    new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
  );
}
