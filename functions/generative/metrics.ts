import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export type AnswerSource = 'curated' | 'model' | 'no_passage' | 'fallback_error';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface AnswerSample {
  source: AnswerSource;
  /** Tokens Bedrock billed for this answer, also when its reply was unusable. */
  usage?: TokenUsage;
  /** Wall time of the Converse call, retries included; absent when the model was not called. */
  modelLatencyMs?: number;
}

export interface AnswerMetrics {
  record(sample: AnswerSample): void;
}

export const METRICS_NAMESPACE = 'Parley';

/**
 * CloudWatch metrics through Powertools (EMF lines on stdout): `Answers`, `InputTokens`, `OutputTokens` and
 * `ModelLatency`, with the `AnswerSource` dimension, so cost and latency can be read per kind of answer.
 */
export function powertoolsAnswerMetrics(serviceName: string): AnswerMetrics {
  return {
    record({ source, usage, modelLatencyMs }) {
      // One Metrics object per answer: the local stack serves sessions concurrently in one process, and a
      // shared buffer would publish one answer's dimension with another's numbers.
      const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
      metrics.addDimension('AnswerSource', source);
      metrics.addMetric('Answers', MetricUnit.Count, 1);
      if (usage) {
        metrics.addMetric('InputTokens', MetricUnit.Count, usage.inputTokens);
        metrics.addMetric('OutputTokens', MetricUnit.Count, usage.outputTokens);
      }
      if (modelLatencyMs !== undefined)
        metrics.addMetric('ModelLatency', MetricUnit.Milliseconds, modelLatencyMs);
      metrics.publishStoredMetrics();
    },
  };
}
