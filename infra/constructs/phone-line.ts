import { Stack } from 'aws-cdk-lib';
import { CfnContactFlow, CfnIntegrationAssociation } from 'aws-cdk-lib/aws-connect';
import { CfnResourcePolicy } from 'aws-cdk-lib/aws-lex';
import { Construct } from 'constructs';
import { renderContactFlowContent } from '../../channels/voice/contact-flow';
import { LINE_LOCALES } from '../../channels/voice/line-locales';
import type { BotAliasRef } from './lex-bot';

export interface PhoneLineProps {
  connectInstanceArn: string;
  /** The queue a hand-off transfers the caller to. */
  queueArn: string;
  /** The public alias: callers are never staff. */
  alias: BotAliasRef;
}

/**
 * The phone line on an existing Amazon Connect instance: the bot's public alias associated with the
 * instance, the alias's resource policy letting that instance (and only it) call the bot, and one inbound
 * contact flow per locale as channels/voice builds and validates it. Claiming numbers and pointing them at
 * the flows stays a manual step (CloudFormation cannot attach a flow to a number).
 */
export class PhoneLine extends Construct {
  readonly flows: Readonly<Record<(typeof LINE_LOCALES)[number], CfnContactFlow>>;

  constructor(scope: Construct, id: string, props: PhoneLineProps) {
    super(scope, id);
    new CfnIntegrationAssociation(this, 'BotAssociation', {
      instanceId: props.connectInstanceArn,
      integrationType: 'LEX_BOT',
      integrationArn: props.alias.arn,
    });
    new CfnResourcePolicy(this, 'ConnectMayCallTheBot', {
      resourceArn: props.alias.arn,
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ConnectInstanceCallsTheBot',
            Effect: 'Allow',
            Principal: { Service: 'connect.amazonaws.com' },
            Action: ['lex:RecognizeText', 'lex:StartConversation'],
            Resource: props.alias.arn,
            Condition: {
              StringEquals: { 'AWS:SourceAccount': Stack.of(this).account },
              ArnEquals: { 'AWS:SourceArn': props.connectInstanceArn },
            },
          },
        ],
      },
    });
    const flows = {} as Record<(typeof LINE_LOCALES)[number], CfnContactFlow>;
    for (const localeId of LINE_LOCALES) {
      flows[localeId] = new CfnContactFlow(this, `Flow${localeId.replace('_', '')}`, {
        instanceArn: props.connectInstanceArn,
        name: `Parley ${localeId}`,
        type: 'CONTACT_FLOW',
        description: `Parley inbound line (${localeId}): greets, runs the bot, transfers or hangs up`,
        content: renderContactFlowContent({
          localeId,
          botAliasArn: props.alias.arn,
          queueArn: props.queueArn,
        }),
      });
    }
    this.flows = flows;
  }
}
