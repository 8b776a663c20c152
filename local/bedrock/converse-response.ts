import { writeJson } from '../edge/aws-response';
import type { EdgeResponse } from '../edge/service';
import type { GuardedOutput } from './guardrail';

/** The Converse response body exactly as the SDK's deserializer reads it. */
export function converseResponseBody(output: GuardedOutput, latencyMs: number): Record<string, unknown> {
  return {
    output: { message: { role: 'assistant', content: output.content } },
    stopReason: output.stopReason,
    usage: output.usage,
    metrics: { latencyMs },
    ...(output.trace ? { trace: output.trace } : {}),
  };
}

export function writeConverseResponse(
  res: EdgeResponse,
  requestId: string,
  output: GuardedOutput,
  latencyMs: number,
): void {
  writeJson(res, 200, converseResponseBody(output, latencyMs), { 'x-amzn-RequestId': requestId });
}
