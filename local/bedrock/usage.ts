import type { OutputContentBlock, ParsedConverseRequest, TokenUsage } from './engine';

/**
 * Token counts for engines that have no tokenizer. Four characters a token is the usual rule of thumb for
 * English; it is an estimate, good for budgets and dashboards, not for billing comparisons.
 */
const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** What the model would read: system prompt, messages and tool definitions, as their JSON text. */
export function estimateInputTokens(request: ParsedConverseRequest): number {
  const read = [request.system ?? [], request.messages, request.toolConfig ?? {}];
  return estimateTokens(read.map((part) => JSON.stringify(part)).join(''));
}

export function estimateOutputTokens(content: readonly OutputContentBlock[]): number {
  const written = content.map((block) =>
    'text' in block ? block.text : JSON.stringify(block.toolUse.input),
  );
  return Math.max(1, estimateTokens(written.join('')));
}

export function estimateUsage(
  request: ParsedConverseRequest,
  content: readonly OutputContentBlock[],
): TokenUsage {
  const inputTokens = estimateInputTokens(request);
  const outputTokens = estimateOutputTokens(content);
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}
