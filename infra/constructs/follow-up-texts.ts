import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DataTables } from './data-tables';
import { deadLetterQueue } from './dead-letter-queue';
import { ParleyFunction } from './parley-function';

export interface FollowUpTextsProps {
  tables: DataTables;
  /** A registered phone number, sender id or pool ARN/id; none lets End User Messaging SMS choose. */
  originationIdentity: string | undefined;
  logRetention: RetentionDays;
}

/**
 * "Text me the details": new `pending` items of the follow-ups table stream into a function that sends each
 * once with AWS End User Messaging SMS (Powertools idempotency) and marks it sent. A record that keeps failing
 * lands in a dead-letter queue, and an alarm goes off when anything is there.
 */
export class FollowUpTexts extends Construct {
  readonly sender: ParleyFunction;
  readonly failed: Queue;
  readonly failedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: FollowUpTextsProps) {
    super(scope, id);
    const { tables } = props;
    this.failed = deadLetterQueue(this, 'Failed', 'the follow-up texts stream');
    this.sender = new ParleyFunction(this, 'Sender', {
      entry: 'functions/follow-ups/handler.ts',
      description: 'Parley follow-up texts: sends "text me the details" requests once',
      memorySize: 256,
      timeout: Duration.seconds(30),
      logRetention: props.logRetention,
      environment: {
        ...tables.environment(['followups', 'idempotency']),
        ...(props.originationIdentity ? { SMS_ORIGINATION_IDENTITY: props.originationIdentity } : {}),
        POWERTOOLS_SERVICE_NAME: 'parley-follow-up-texts',
      },
    });
    const fn = this.sender.fn;
    tables.tables.followups.grantReadWriteData(fn);
    tables.tables.idempotency.grantReadWriteData(fn);
    fn.addEventSource(
      new DynamoEventSource(tables.tables.followups, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        retryAttempts: 3,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.failed),
        // Only new requests wake the function: its own updates (sent, undeliverable) do not.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { status: { S: FilterRule.isEqual('pending') } } },
          }),
        ],
      }),
    );
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['sms-voice:SendTextMessage'],
        resources: [
          props.originationIdentity?.startsWith('arn:')
            ? props.originationIdentity
            : stack.formatArn({ service: 'sms-voice', resource: '*' }),
        ],
      }),
    );
    Validations.of(this.sender).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, added by the stream event source, has no resource-level permission; every other ' +
        'statement of this role names its table or stream.',
    });
    if (!props.originationIdentity?.startsWith('arn:')) {
      Validations.of(this.sender).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sms-voice:<AWS::Region>:<AWS::AccountId>:*]',
        reason:
          "Without a configured origination identity End User Messaging SMS picks one of the account's; the " +
          'action is scoped to this account and region. Set the followUpOriginationIdentity context to an ARN to ' +
          'narrow it to one number or pool.',
      });
    }
    this.failedAlarm = new Alarm(this, 'FailedAlarm', {
      alarmDescription:
        'A "text me the details" request could not be sent; it is kept in the dead-letter queue.',
      metric: this.failed.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
