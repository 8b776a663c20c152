import { randomUUID } from 'node:crypto';
import type { ConverseOutput, OutputContentBlock, ParsedConverseRequest } from './engine';
import { BedrockServiceError } from './errors';
import type { Fault } from './faults';
import { estimateOutputTokens } from './usage';

const INJECTED = '(local fault injection)';

/** The client went away while its request was held; there is no one left to answer. */
export class ClientAbortedError extends Error {
  constructor() {
    super('The client aborted the request');
    this.name = 'ClientAbortedError';
  }
}

/**
 * Faults that fail a request before any answer exists: throttle and 5xx at once, timeout after holding the
 * request for its delay (or until the client gives up, which ends the wait and its timer).
 */
export async function failBeforeAnswering(fault: Fault | undefined, signal: AbortSignal): Promise<void> {
  switch (fault?.mode) {
    case 'throttle':
      throw new BedrockServiceError(
        'ThrottlingException',
        `Too many requests, please wait before trying again. ${INJECTED}`,
      );
    case '5xx':
      throw fault.status === 503
        ? new BedrockServiceError(
            'ServiceUnavailableException',
            `The service is temporarily unable to handle the request. ${INJECTED}`,
          )
        : new BedrockServiceError(
            'InternalServerException',
            `The server encountered an internal error. ${INJECTED}`,
          );
    case 'timeout':
      if ((await holdFor(fault.delayMs, signal)) === 'aborted') throw new ClientAbortedError();
      throw new BedrockServiceError(
        'ModelTimeoutException',
        `Model has timed out in processing the request after ${fault.delayMs} ms. ${INJECTED}`,
      );
    default:
      return;
  }
}

function holdFor(delayMs: number, signal: AbortSignal): Promise<'elapsed' | 'aborted'> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve('aborted');
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve('aborted');
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve('elapsed');
    }, delayMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * What a model that misbehaves returns with HTTP 200: `off_schema` calls the tool with input that breaks its
 * schema (the required members missing, an unknown one present); `prose` answers in text instead of calling
 * the tool. The words come from the real answer, so only the shape is wrong.
 */
export function malformOutput(
  output: ConverseOutput,
  request: ParsedConverseRequest,
  variant: 'off_schema' | 'prose' | undefined,
): ConverseOutput {
  const toolName = offeredToolName(request);
  const chosen = variant ?? (toolName === undefined ? 'prose' : 'off_schema');
  const words = wordsOf(output.content);
  const content: OutputContentBlock[] =
    chosen === 'off_schema'
      ? [
          {
            toolUse: {
              toolUseId: toolUseIdOf(output),
              name: toolName ?? 'answer',
              input: { response: words },
            },
          },
        ]
      : [{ text: `Sure! Here is what I found: ${words}` }];
  const outputTokens = estimateOutputTokens(content);
  return {
    content,
    stopReason: chosen === 'off_schema' ? 'tool_use' : 'end_turn',
    usage: {
      inputTokens: output.usage.inputTokens,
      outputTokens,
      totalTokens: output.usage.inputTokens + outputTokens,
    },
  };
}

function offeredToolName(request: ParsedConverseRequest): string | undefined {
  const config = request.toolConfig;
  return config?.toolChoice?.tool?.name ?? config?.tools.find((tool) => tool.toolSpec)?.toolSpec?.name;
}

function wordsOf(content: readonly OutputContentBlock[]): string {
  return content
    .map((block) => {
      if ('text' in block) return block.text;
      const input = block.toolUse.input;
      const answer =
        typeof input === 'object' && input !== null && !Array.isArray(input) ? input.answer : undefined;
      return typeof answer === 'string' ? answer : JSON.stringify(input);
    })
    .join(' ');
}

function toolUseIdOf(output: ConverseOutput): string {
  for (const block of output.content) if ('toolUse' in block) return block.toolUse.toolUseId;
  return `tooluse_${randomUUID().replace(/-/g, '').slice(0, 22)}`;
}
