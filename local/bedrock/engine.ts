import type { ConverseRequestBody, JsonValue } from './request-schema';

export type { JsonValue } from './request-schema';

/** A validated Converse or ConverseStream request: the body plus the decoded `modelId` path label. */
export interface ParsedConverseRequest extends ConverseRequestBody {
  modelId: string;
}

export type StopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'stop_sequence'
  | 'guardrail_intervened'
  | 'content_filtered'
  | 'malformed_model_output'
  | 'malformed_tool_use'
  | 'model_context_window_exceeded';

export interface ToolUseOutput {
  toolUseId: string;
  name: string;
  input: JsonValue;
}

/** What an engine may answer with: text and tool calls, exactly one member per block as on the wire. */
export type OutputContentBlock = { text: string } | { toolUse: ToolUseOutput };

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface ConverseOutput {
  content: OutputContentBlock[];
  stopReason: StopReason;
  usage: TokenUsage;
}

/**
 * Whatever stands behind the local Bedrock endpoint: the deterministic composer by default, or a local LLM.
 * The HTTP service owns the wire, validation, guardrails and faults; an engine only turns a valid request
 * into an answer, and throws BedrockServiceError for failures the caller should see by name.
 */
export interface ConverseEngine {
  /** Names the engine in logs, e.g. `parley.local-composer-v1`; Bedrock's response has no field for it. */
  readonly id: string;
  converse(request: ParsedConverseRequest, signal: AbortSignal): Promise<ConverseOutput>;
  /**
   * Called once when the service is created. Resolves to a description of why the engine cannot serve yet
   * (an unreachable server, a missing model), or undefined when it is ready.
   */
  checkReadiness?(signal: AbortSignal): Promise<string | undefined>;
}
