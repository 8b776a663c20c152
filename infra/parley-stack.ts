import { Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { LoadedBot } from '../bot-definitions/loader/load';
import { CodeHook } from './constructs/code-hook';
import { DataTables } from './constructs/data-tables';
import { LexBot } from './constructs/lex-bot';
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
  }
}

/** CloudWatch keeps logs only for these numbers of days; the setting is rounded up to the next one. */
function retentionOf(days: number): RetentionDays {
  const allowed = Object.values(RetentionDays)
    .filter((value): value is number => typeof value === 'number' && value > 0)
    .sort((a, b) => a - b);
  return (allowed.find((value) => value >= days) ?? RetentionDays.INFINITE) as RetentionDays;
}
