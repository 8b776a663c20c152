import { z } from 'zod';
import type { ConverseEngine, ParsedConverseRequest } from './engine';
import { BedrockServiceError } from './errors';
import {
  fromChatCompletion,
  parseChatCompletionResponse,
  toChatCompletionRequest,
} from './openai-translation';

export interface OpenAiEngineOptions {
  /** The server's base URL (`http://127.0.0.1:11434`), its `/v1`, or the full `/v1/chat/completions` URL. */
  url: string;
  model: string;
  apiKey?: string;
  /** A local model on a CPU can take a while; past this the call fails with ModelTimeoutException. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Enough of an error body to say what went wrong, short enough for a log line. */
const ERROR_BODY_CHARS = 300;

const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

/**
 * Forwards Converse to a local LLM that speaks OpenAI chat completions (Ollama, llama.cpp, vLLM...), and
 * translates its answer back. Failures keep Bedrock's names: an unreachable server is
 * ServiceUnavailableException naming the URL, an HTTP error from it ModelErrorException, a slow answer
 * ModelTimeoutException.
 */
export function createOpenAiEngine(options: OpenAiEngineOptions): ConverseEngine {
  const apiBase = apiBaseOf(options.url);
  const endpoint = `${apiBase}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
  };

  const post = async (request: ParsedConverseRequest, signal: AbortSignal): Promise<Response> => {
    const body = JSON.stringify(toChatCompletionRequest(request, options.model));
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      return await fetch(endpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.any([signal, deadline]),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      if (deadline.aborted) {
        throw new BedrockServiceError(
          'ModelTimeoutException',
          `The local LLM at ${endpoint} did not answer within ${timeoutMs} ms`,
        );
      }
      throw new BedrockServiceError(
        'ServiceUnavailableException',
        `The local LLM at ${endpoint} is unreachable (${causeOf(error)}); start it or unset PARLEY_LOCAL_LLM_URL`,
      );
    }
  };

  return {
    id: `local-llm:${options.model}`,
    converse: async (request, signal) => {
      const response = await post(request, signal);
      const text = await response.text();
      if (!response.ok) {
        throw new BedrockServiceError(
          'ModelErrorException',
          `The local LLM at ${endpoint} answered HTTP ${response.status}: ${text.slice(0, ERROR_BODY_CHARS)}`,
          { originalStatusCode: response.status, resourceName: options.model },
        );
      }
      const parsed = parseChatCompletionResponse(parseJson(text));
      if (parsed instanceof z.ZodError) {
        throw new BedrockServiceError(
          'ModelErrorException',
          `The local LLM at ${endpoint} answered outside the chat-completions shape: ${z.prettifyError(parsed).slice(0, ERROR_BODY_CHARS)}`,
          { originalStatusCode: response.status, resourceName: options.model },
        );
      }
      return fromChatCompletion(parsed, request);
    },
    checkReadiness: async (signal) => {
      let response: Response;
      try {
        response = await fetch(`${apiBase}/models`, { headers, signal });
      } catch (error) {
        return `the local LLM at ${apiBase} is unreachable (${causeOf(error)}); every Converse call will answer ServiceUnavailableException until it is up`;
      }
      const models = modelListSchema.safeParse(response.ok ? parseJson(await response.text()) : undefined);
      if (!models.success) return undefined;
      const ids = models.data.data.map((model) => model.id);
      return ids.includes(options.model)
        ? undefined
        : `the local LLM at ${apiBase} does not list model ${options.model} (it has: ${ids.join(', ') || 'none'}); pull or load it first`;
    },
  };
}

/** Accepts the forms people paste: the server root, its /v1, or the full chat-completions URL. */
export function apiBaseOf(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  if (trimmed.endsWith('/chat/completions')) return trimmed.slice(0, -'/chat/completions'.length);
  return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface ErrorLike {
  code?: string;
  message?: string;
  cause?: ErrorLike;
  errors?: ErrorLike[];
}

/**
 * fetch() hides the socket error (ECONNREFUSED...) in `cause`, or in the `errors` of an AggregateError when
 * several addresses were tried. Read by shape: errors from undici need not be `instanceof` this realm's Error.
 */
function causeOf(error: unknown): string {
  const failure =
    typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const cause = failure.cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? failure.message ?? String(error);
}
