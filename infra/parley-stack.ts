import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { LoadedBot } from '../bot-definitions/loader/load';
import { CodeHook } from './constructs/code-hook';
import { DataTables } from './constructs/data-tables';
import { FollowUpTexts } from './constructs/follow-up-texts';
import { LexBot } from './constructs/lex-bot';
import { Observability } from './constructs/observability';
import { PhoneLine } from './constructs/phone-line';
import { SlackChannel } from './constructs/slack-channel';
import type { ParleySettings } from './settings';

export interface ParleyStackProps extends StackProps {
  settings: ParleySettings;
  bot: LoadedBot;
  knowledgeIndexFile: string;
}

/** Parley in one stack: the tables, the code hook, and the Lex bot with its public and staff aliases. */
export class ParleyStack extends Stack {
  readonly tables: DataTables;
  readonly codeHook: CodeHook;
  readonly bot: LexBot;
  readonly slack: SlackChannel | undefined;
  readonly followUpTexts: FollowUpTexts;
  readonly phoneLine: PhoneLine | undefined;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ParleyStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const logRetention = retentionOf(settings.logRetentionDays);
    this.tables = new DataTables(this, 'Data');
    this.codeHook = new CodeHook(this, 'CodeHook', {
      settings,
      tables: this.tables,
      knowledgeIndexFile: props.knowledgeIndexFile,
      logRetention,
    });
    this.bot = new LexBot(this, 'Bot', {
      bot: props.bot,
      codeHook: this.codeHook.function.fn,
      publicAliasName: settings.publicAliasName,
      staffAliasName: settings.staffAliasName,
      logRetention,
    });
    this.phoneLine =
      settings.connectInstanceArn && settings.connectQueueArn
        ? new PhoneLine(this, 'PhoneLine', {
            connectInstanceArn: settings.connectInstanceArn,
            queueArn: settings.connectQueueArn,
            alias: this.bot.publicAlias,
          })
        : undefined;
    this.followUpTexts = new FollowUpTexts(this, 'FollowUpTexts', {
      tables: this.tables,
      originationIdentity: settings.followUpOriginationIdentity,
      logRetention,
    });
    this.slack = settings.slack
      ? new SlackChannel(this, 'Slack', {
          settings,
          tables: this.tables,
          botId: this.bot.botId,
          staffAlias: this.bot.staffAlias,
          logRetention,
        })
      : undefined;
    if (this.slack) {
      new CfnOutput(this, 'SlackRequestUrl', {
        description: 'Slack app manifest: both request URLs (event_subscriptions and interactivity)',
        value: this.slack.requestUrl,
      });
      new CfnOutput(this, 'SlackSecretArn', {
        description: 'Put the bot token and signing secret here (see README, Deploy)',
        value: this.slack.secret.secretArn,
      });
    }
    this.observability = new Observability(this, 'Observability', {
      codeHook: this.codeHook.function.fn,
      slackWorker: this.slack?.worker.fn,
      deadLetterQueues: this.slack ? [this.slack.deadLetters] : [],
      otherAlarms: [this.followUpTexts.failedAlarm],
      alarmEmail: settings.alarmEmail,
    });
    new CfnOutput(this, 'BotId', { value: this.bot.botId });
    new CfnOutput(this, 'OrdersTableName', { value: this.tables.tables.orders.tableName });
    new CfnOutput(this, 'StoresTableName', { value: this.tables.tables.stores.tableName });
    new CfnOutput(this, 'PublicAliasId', { value: this.bot.publicAlias.id });
    // The conversation tests run Slack-style staff turns on this alias (npm run conversations -- --staff-alias-id).
    new CfnOutput(this, 'StaffAliasId', { value: this.bot.staffAlias.id });
  }
}

/** CloudWatch keeps logs only for these numbers of days; the setting is rounded up to the next one. */
function retentionOf(days: number): RetentionDays {
  const allowed = Object.values(RetentionDays)
    .filter((value): value is number => typeof value === 'number' && value > 0)
    .sort((a, b) => a - b);
  return (allowed.find((value) => value >= days) ?? RetentionDays.INFINITE) as RetentionDays;
}
