import { createHash } from 'node:crypto';
import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { LoadedBot } from '../../bot-definitions/loader/load';

/** Lex's draft alias, which the console's test window uses. */
const TEST_ALIAS_ID = 'TSTALIASID';

export interface LexBotProps {
  /** The bot exactly as bot-definitions/ holds it: the same object the emulator runs. */
  bot: LoadedBot;
  codeHook: IFunction;
  publicAliasName: string;
  staffAliasName: string;
  logRetention: RetentionDays;
}

export interface BotAliasRef {
  name: string;
  /** `Fn::GetAtt` of the alias: its id and ARN, for IAM policies and integrations. */
  id: string;
  arn: string;
}

/**
 * The Lex V2 bot from bot-definitions/ (verbatim `AWS::Lex::Bot` properties plus the role and the test alias
 * settings), a version whose logical id carries a hash of the definition, so any change to an intent, slot or
 * prompt makes a new version, and two aliases on it: the public one (the phone line, public channels) and the
 * staff one (only the Slack worker may call it). Each alias runs the code hook in every locale, logs the
 * conversation text to CloudWatch and may invoke the hook only as itself.
 */
export class LexBot extends Construct {
  readonly botId: string;
  readonly botArn: string;
  readonly publicAlias: BotAliasRef;
  readonly staffAlias: BotAliasRef;
  readonly conversationLogs: LogGroup;

  constructor(scope: Construct, id: string, props: LexBotProps) {
    super(scope, id);
    const definition = props.bot.definition;
    const localeIds = definition.BotLocales.map((locale) => locale.LocaleId);
    this.conversationLogs = new LogGroup(this, 'ConversationLogs', { retention: props.logRetention });

    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lexv2.amazonaws.com'),
      description: 'Lex V2 runtime role of the Parley bot: speaks with Polly, writes conversation logs',
    });
    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['polly:SynthesizeSpeech'],
        // Polly has no resource for a voice; its only resources are lexicons, which the bot does not use.
        resources: ['*'],
      }),
    );
    this.conversationLogs.grantWrite(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'polly:SynthesizeSpeech has no voice-level resource (only lexicons, which the bot does not use), so ' +
        'the speaking bot needs it on *; the role is assumable only by Lex V2.',
    });

    const codeHookSettings = localeIds.map((localeId) => ({
      LocaleId: localeId,
      BotAliasLocaleSetting: {
        Enabled: true,
        CodeHookSpecification: {
          LambdaCodeHook: { LambdaArn: props.codeHook.functionArn, CodeHookInterfaceVersion: '1.0' },
        },
      },
    }));

    const bot = new CfnResource(this, 'Bot', {
      type: 'AWS::Lex::Bot',
      properties: {
        ...definition,
        RoleArn: role.roleArn,
        TestBotAliasSettings: { BotAliasLocaleSettings: codeHookSettings },
      },
    });
    this.botId = bot.ref;
    this.botArn = bot.getAtt('Arn').toString();

    const digest = definitionDigest(definition);
    const version = new CfnResource(this, `Version${digest}`, {
      type: 'AWS::Lex::BotVersion',
      properties: {
        BotId: bot.ref,
        Description: `bot-definitions digest ${digest}`,
        BotVersionLocaleSpecification: localeIds.map((localeId) => ({
          LocaleId: localeId,
          BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' },
        })),
      },
    });

    const alias = (logicalId: string, name: string): BotAliasRef => {
      const resource = new CfnResource(this, logicalId, {
        type: 'AWS::Lex::BotAlias',
        properties: {
          BotId: bot.ref,
          BotAliasName: name,
          BotVersion: version.getAtt('BotVersion'),
          BotAliasLocaleSettings: codeHookSettings,
          ConversationLogSettings: {
            TextLogSettings: [
              {
                Enabled: true,
                Destination: {
                  CloudWatch: {
                    CloudWatchLogGroupArn: this.conversationLogs.logGroupArn,
                    LogPrefix: `${name}/`,
                  },
                },
              },
            ],
          },
          SentimentAnalysisSettings: { DetectSentiment: false },
        },
      });
      const ref = {
        name,
        id: resource.getAtt('BotAliasId').toString(),
        arn: resource.getAtt('Arn').toString(),
      };
      // Only this alias, not any caller of the function, may run the hook as this alias.
      props.codeHook.addPermission(`InvokedBy${logicalId}`, {
        principal: new ServicePrincipal('lexv2.amazonaws.com'),
        sourceArn: ref.arn,
      });
      return ref;
    };
    this.publicAlias = alias('PublicAlias', props.publicAliasName);
    this.staffAlias = alias('StaffAlias', props.staffAliasName);
    props.codeHook.addPermission('InvokedByTestAlias', {
      principal: new ServicePrincipal('lexv2.amazonaws.com'),
      sourceArn: Stack.of(this).formatArn({
        service: 'lex',
        resource: 'bot-alias',
        resourceName: `${bot.ref}/${TEST_ALIAS_ID}`,
      }),
    });
  }
}

/** 12 hex characters of the definition's SHA-256: the version's identity. */
export function definitionDigest(definition: unknown): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 12);
}
