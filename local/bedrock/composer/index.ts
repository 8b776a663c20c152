import { createHash } from 'node:crypto';
import { ANSWER_TOOL_NAME, type StructuredAnswer } from '../../../functions/generative/contract';
import type {
  ConverseEngine,
  ConverseOutput,
  OutputContentBlock,
  ParsedConverseRequest,
  StopReason,
} from '../engine';
import { estimateUsage } from '../usage';
import { compose } from './compose';
import { LOCAL_COMPOSER_MODEL_ID } from './identity';
import { readPrompt } from './prompt';

export { LOCAL_COMPOSER_MODEL_ID } from './identity';

const CHARS_PER_TOKEN = 4;

/**
 * The default engine behind the local Bedrock endpoint: an extractive composer, not a language model. It
 * reads the generative contract's prompt (passages + question), picks the passage sentences that best overlap
 * the question and hands them back through `submit_answer`, or as plain text when that tool is not offered.
 * No weights, no network, no randomness: the same request always gets the same answer.
 */
export function createLocalComposerEngine(): ConverseEngine {
  return {
    id: LOCAL_COMPOSER_MODEL_ID,
    converse: async (request) => composeOutput(request),
  };
}

function composeOutput(request: ParsedConverseRequest): ConverseOutput {
  const prompt = readPrompt(request);
  const composed = compose(prompt);
  if (prompt.channel === 'answer_tool') {
    const { answer, truncated } = fitToolAnswer(composed, prompt.maxTokens);
    const content: OutputContentBlock[] = [
      {
        toolUse: {
          toolUseId: toolUseIdFor(request),
          name: ANSWER_TOOL_NAME,
          input: { ...answer },
        },
      },
    ];
    return {
      content,
      stopReason: truncated ? 'max_tokens' : 'tool_use',
      usage: estimateUsage(request, content),
    };
  }
  const { text, stopReason } = fitText(
    composed.answer,
    prompt.maxTokens,
    request.inferenceConfig?.stopSequences,
  );
  const content: OutputContentBlock[] = [{ text }];
  return { content, stopReason, usage: estimateUsage(request, content) };
}

/**
 * The composer already sizes replies for the token limit; this is the last guard for limits too small to
 * hold even the tool call's JSON, where a model would be cut off too (stopReason max_tokens).
 */
function fitToolAnswer(
  answer: StructuredAnswer,
  maxTokens: number | undefined,
): { answer: StructuredAnswer; truncated: boolean } {
  if (maxTokens === undefined) return { answer, truncated: false };
  const limit = maxTokens * CHARS_PER_TOKEN;
  const envelope = JSON.stringify({ ...answer, answer: '' }).length;
  if (envelope + answer.answer.length <= limit) return { answer, truncated: false };
  return {
    answer: { ...answer, answer: answer.answer.slice(0, Math.max(1, limit - envelope)) },
    truncated: true,
  };
}

function fitText(
  text: string,
  maxTokens: number | undefined,
  stopSequences: readonly string[] | undefined,
): { text: string; stopReason: StopReason } {
  const stops = (stopSequences ?? [])
    .map((sequence) => text.indexOf(sequence))
    .filter((position) => position > 0);
  if (stops.length > 0) return { text: text.slice(0, Math.min(...stops)), stopReason: 'stop_sequence' };
  const limit = maxTokens === undefined ? Infinity : maxTokens * CHARS_PER_TOKEN;
  if (text.length <= limit) return { text, stopReason: 'end_turn' };
  return { text: text.slice(0, Math.max(1, limit)), stopReason: 'max_tokens' };
}

/** Deterministic like the rest of the answer: derived from the conversation, in Bedrock's id alphabet. */
function toolUseIdFor(request: ParsedConverseRequest): string {
  const digest = createHash('sha256').update(JSON.stringify(request.messages)).digest('base64url');
  return `tooluse_${digest.slice(0, 22)}`;
}
