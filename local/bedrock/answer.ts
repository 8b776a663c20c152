import type { ConverseEngine, ParsedConverseRequest } from './engine';
import { malformOutput } from './fault-effects';
import type { Fault } from './faults';
import { intervene, screenInput, screenOutput, type GuardedOutput } from './guardrail';
import { estimateInputTokens } from './usage';

/**
 * One Converse answer, whatever the wire: the guardrail screens the input, the engine answers, a malformed
 * fault bends the answer, and the guardrail screens the output. A `guardrail` fault intervenes as if the
 * input had been blocked, with or without guardrailConfig in the request.
 */
export async function answerConverse(
  request: ParsedConverseRequest,
  engine: ConverseEngine,
  fault: Fault | undefined,
  signal: AbortSignal,
): Promise<GuardedOutput> {
  const config = request.guardrailConfig;
  if (fault?.mode === 'guardrail') {
    return intervene(
      { topic: 'ParleyFaultInjection', source: 'input' },
      config,
      estimateInputTokens(request),
    );
  }
  const inputFinding = config ? screenInput(request) : undefined;
  if (inputFinding) return intervene(inputFinding, config, estimateInputTokens(request));
  const answered = await engine.converse(request, signal);
  const output = fault?.mode === 'malformed' ? malformOutput(answered, request, fault.variant) : answered;
  const outputFinding = config ? screenOutput(output.content) : undefined;
  return outputFinding ? intervene(outputFinding, config, output.usage.inputTokens) : output;
}
