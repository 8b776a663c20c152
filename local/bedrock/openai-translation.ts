import { z } from 'zod';
import type {
  ConverseOutput,
  JsonValue,
  OutputContentBlock,
  ParsedConverseRequest,
  StopReason,
} from './engine';
import { validationError, type BedrockServiceError } from './errors';
import type { ContentBlock, Message } from './request-schema';
import { estimateUsage } from './usage';

/*
 * Converse <-> OpenAI chat completions (`POST /v1/chat/completions`), the API Ollama, llama.cpp's server,
 * vLLM and LM Studio all serve. Text, images sent as bytes, tools (forced ones included), tool calls and
 * tool results translate; content the chat API has no place for is refused by name, as Bedrock refuses
 * content a model does not support.
 */

type ChatContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: ChatContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  stream: false;
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  tools?: { type: 'function'; function: { name: string; description?: string; parameters: unknown } }[];
  tool_choice?: 'auto' | 'required' | { type: 'function'; function: { name: string } };
}

export function toChatCompletionRequest(
  request: ParsedConverseRequest,
  model: string,
): ChatCompletionRequest {
  const system = (request.system ?? [])
    .flatMap((block) => {
      if (block.text !== undefined) return [block.text];
      if (block.guardContent?.text) return [block.guardContent.text.text];
      if (block.guardContent) throw unsupported('guardContent image', 'system');
      return [];
    })
    .join('\n\n');
  const config = request.inferenceConfig;
  return {
    model,
    messages: [
      ...(system ? [{ role: 'system' as const, content: system }] : []),
      ...request.messages.flatMap((message, index) => chatMessagesOf(message, index)),
    ],
    stream: false,
    ...(config?.maxTokens !== undefined ? { max_tokens: config.maxTokens } : {}),
    ...(config?.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config?.topP !== undefined ? { top_p: config.topP } : {}),
    ...(config?.stopSequences?.length ? { stop: config.stopSequences } : {}),
    ...toolsOf(request),
  };
}

function chatMessagesOf(message: Message, index: number): ChatMessage[] {
  const where = `messages.${index}`;
  return message.role === 'user'
    ? userMessagesOf(message.content, where)
    : [assistantMessageOf(message.content, where)];
}

/** Tool results become `tool` messages, which the chat API wants right after the assistant's calls. */
function userMessagesOf(blocks: readonly ContentBlock[], where: string): ChatMessage[] {
  const results: ChatMessage[] = [];
  const parts: ChatContentPart[] = [];
  for (const block of blocks) {
    if (block.text !== undefined) parts.push({ type: 'text', text: block.text });
    else if (block.guardContent?.text) parts.push({ type: 'text', text: block.guardContent.text.text });
    else if (block.image?.source.bytes !== undefined) {
      parts.push({
        type: 'image_url',
        image_url: { url: `data:image/${block.image.format};base64,${block.image.source.bytes}` },
      });
    } else if (block.toolResult) {
      const prefix = block.toolResult.status === 'error' ? 'Error: ' : '';
      results.push({
        role: 'tool',
        tool_call_id: block.toolResult.toolUseId,
        content: prefix + block.toolResult.content.map((part) => toolResultText(part, where)).join('\n'),
      });
    } else if (!block.cachePoint) throw unsupported(memberOf(block), where);
  }
  return parts.length > 0 ? [...results, { role: 'user', content: parts }] : results;
}

function assistantMessageOf(blocks: readonly ContentBlock[], where: string): ChatMessage {
  const texts: string[] = [];
  const calls: ChatToolCall[] = [];
  for (const block of blocks) {
    if (block.text !== undefined) texts.push(block.text);
    else if (block.toolUse) {
      calls.push({
        id: block.toolUse.toolUseId,
        type: 'function',
        function: { name: block.toolUse.name, arguments: JSON.stringify(block.toolUse.input) },
      });
    } else if (!block.cachePoint && !block.reasoningContent) throw unsupported(memberOf(block), where);
  }
  return {
    role: 'assistant',
    content: texts.length > 0 ? texts.join('\n') : null,
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
  };
}

function toolResultText(
  part: NonNullable<ContentBlock['toolResult']>['content'][number],
  where: string,
): string {
  if (part.text !== undefined) return part.text;
  if (part.json !== undefined) return JSON.stringify(part.json);
  if (part.searchResult) return part.searchResult.content.map((item) => item.text).join('\n');
  throw unsupported(`toolResult ${memberOf(part)}`, where);
}

function toolsOf(request: ParsedConverseRequest): Pick<ChatCompletionRequest, 'tools' | 'tool_choice'> {
  const config = request.toolConfig;
  if (!config) return {};
  const tools = config.tools.flatMap((tool) => {
    if (tool.systemTool) throw unsupported(`systemTool ${tool.systemTool.name}`, 'toolConfig.tools');
    if (!tool.toolSpec) return [];
    const { name, description, inputSchema } = tool.toolSpec;
    return [
      {
        type: 'function' as const,
        function: { name, ...(description ? { description } : {}), parameters: inputSchema.json },
      },
    ];
  });
  if (tools.length === 0) return {};
  const choice = config.toolChoice;
  const tool_choice: ChatCompletionRequest['tool_choice'] = choice?.tool
    ? { type: 'function', function: { name: choice.tool.name } }
    : choice?.any
      ? 'required'
      : 'auto';
  return { tools, tool_choice };
}

function memberOf(block: object): string {
  return Object.keys(block).find((key) => (block as Record<string, unknown>)[key] !== undefined) ?? 'empty';
}

function unsupported(what: string, where: string): BedrockServiceError {
  return validationError(`The local LLM engine does not support ${what} content (at ${where})`);
}

const chatCompletionResponseSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          tool_calls: z
            .array(
              z.object({
                id: z.string().optional(),
                function: z.object({ name: z.string(), arguments: z.string() }),
              }),
            )
            .nullable()
            .optional(),
        }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) })
    .optional(),
});
export type ChatCompletionResponse = z.infer<typeof chatCompletionResponseSchema>;

export function parseChatCompletionResponse(body: unknown): ChatCompletionResponse | z.ZodError {
  const result = chatCompletionResponseSchema.safeParse(body);
  return result.success ? result.data : result.error;
}

const TOOL_USE_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * The first choice as Converse output. A tool call whose arguments are not a JSON object (small local models
 * do that) is what Bedrock reports as `malformed_tool_use`; the raw arguments are kept as text so the
 * caller can see what came back.
 */
export function fromChatCompletion(
  response: ChatCompletionResponse,
  request: ParsedConverseRequest,
): ConverseOutput {
  const choice = response.choices[0];
  const content: OutputContentBlock[] = [];
  const text = choice?.message.content?.trim();
  if (text) content.push({ text });
  let malformed = false;
  (choice?.message.tool_calls ?? []).forEach((call, index) => {
    const input = parseArguments(call.function.arguments);
    if (input === undefined || !TOOL_NAME.test(call.function.name)) {
      malformed = true;
      content.push({ text: `${call.function.name}(${call.function.arguments})` });
      return;
    }
    content.push({ toolUse: { toolUseId: toolUseIdOf(call.id, index), name: call.function.name, input } });
  });
  const usage = response.usage
    ? {
        inputTokens: response.usage.prompt_tokens,
        outputTokens: response.usage.completion_tokens,
        totalTokens: response.usage.prompt_tokens + response.usage.completion_tokens,
      }
    : estimateUsage(request, content);
  return { content, stopReason: stopReasonOf(choice?.finish_reason, content, malformed), usage };
}

function parseArguments(text: string): JsonValue | undefined {
  try {
    const value = JSON.parse(text) as JsonValue;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** OpenAI ids look like `call_abc123`; Bedrock's allow letters, digits, _ and - up to 64 characters. */
function toolUseIdOf(id: string | undefined, index: number): string {
  const cleaned = (id ?? '').replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return TOOL_USE_ID.test(cleaned) ? cleaned : `tooluse_${index}`;
}

function stopReasonOf(
  finishReason: string | null | undefined,
  content: readonly OutputContentBlock[],
  malformed: boolean,
): StopReason {
  if (malformed) return 'malformed_tool_use';
  if (content.some((block) => 'toolUse' in block)) return 'tool_use';
  if (finishReason === 'length') return 'max_tokens';
  if (finishReason === 'content_filter') return 'content_filtered';
  return 'end_turn';
}
