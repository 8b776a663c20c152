import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../../functions/generative/metrics';

export interface ObservabilityProps {
  codeHook: IFunction;
  slackWorker: IFunction | undefined;
  /** Queues whose every message is work that failed for good. */
  deadLetterQueues: Queue[];
  /** Alarms that exist already (the follow-up texts'), to send to the same topic. */
  otherAlarms: Alarm[];
  alarmEmail: string | undefined;
}

/** The code hook's Powertools metrics: answers by source, tokens and model latency (functions/generative). */
const answerMetric = (metricName: string, source: string, statistic: string) =>
  new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: 'parley-code-hook', AnswerSource: source },
    statistic,
    period: Duration.minutes(5),
  });

/** The voice answer deadline (functions/generative): a caller waiting longer hears silence. */
const VOICE_DEADLINE_MS = 3_500;

/**
 * What an operator needs to see and be woken for: alarms on code hook errors and throttles, slow turns,
 * model failures, Slack worker errors and any dead-lettered work, all to one topic (emailed when an address
 * is configured), and a dashboard of turns, latency, answers by source and tokens.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', {
      displayName: 'Parley alarms',
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (name: string, description: string, metric: IMetric, threshold: number) => {
      const created = new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
    };
    const fiveMinutes = { period: Duration.minutes(5) };
    alarm(
      'CodeHookErrors',
      'The code hook failed; Lex answered callers with an error.',
      props.codeHook.metricErrors(fiveMinutes),
      1,
    );
    alarm(
      'CodeHookThrottles',
      'The code hook was throttled: raise its concurrency.',
      props.codeHook.metricThrottles(fiveMinutes),
      1,
    );
    alarm(
      'SlowTurns',
      `Turns take longer than the voice deadline (${VOICE_DEADLINE_MS} ms) at p95: callers hear silence.`,
      props.codeHook.metricDuration({ ...fiveMinutes, statistic: 'p95' }),
      VOICE_DEADLINE_MS,
    );
    alarm(
      'ModelFailures',
      'Five or more answers in five minutes fell back to an apology (model throttled, failing or malformed).',
      answerMetric('Answers', 'fallback_error', 'Sum'),
      5,
    );
    if (props.slackWorker) {
      alarm(
        'SlackWorkerErrors',
        'The Slack worker failed; Lambda retries it.',
        props.slackWorker.metricErrors(fiveMinutes),
        1,
      );
    }
    props.deadLetterQueues.forEach((queue, index) =>
      alarm(
        `DeadLetters${index + 1}`,
        `Work failed for good and waits in ${queue.node.path}.`,
        queue.metricApproximateNumberOfMessagesVisible(fiveMinutes),
        1,
      ),
    );
    for (const other of props.otherAlarms) other.addAlarmAction(action);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-parley`,
    });
    const sources = ['curated', 'model', 'no_passage', 'fallback_error'];
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Turns and errors (code hook)',
        left: [props.codeHook.metricInvocations(fiveMinutes), props.codeHook.metricErrors(fiveMinutes)],
        width: 12,
      }),
      new GraphWidget({
        title: 'Turn latency (ms)',
        left: ['p50', 'p95', 'p99'].map((statistic) =>
          props.codeHook.metricDuration({ ...fiveMinutes, statistic }),
        ),
        right: [answerMetric('ModelLatency', 'model', 'p95')],
        width: 12,
      }),
      new GraphWidget({
        title: 'Answers by source',
        left: sources.map((source) => answerMetric('Answers', source, 'Sum')),
        width: 12,
      }),
      new GraphWidget({
        title: 'Curated answer rate and model tokens',
        left: [
          new MathExpression({
            label: 'curated share %',
            expression: '100 * curated / (curated + model + nopassage + failed)',
            usingMetrics: {
              curated: answerMetric('Answers', 'curated', 'Sum'),
              model: answerMetric('Answers', 'model', 'Sum'),
              nopassage: answerMetric('Answers', 'no_passage', 'Sum'),
              failed: answerMetric('Answers', 'fallback_error', 'Sum'),
            },
            period: Duration.minutes(5),
          }),
        ],
        right: [answerMetric('InputTokens', 'model', 'Sum'), answerMetric('OutputTokens', 'model', 'Sum')],
        width: 12,
      }),
    );
  }
}
