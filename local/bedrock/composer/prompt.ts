import {
  ANSWER_TOOL_NAME,
  ASKED_PREFIX,
  parsePassages,
  QUESTION_PREFIX,
  type PromptPassage,
} from '../../../functions/generative/contract';
import type { ParsedConverseRequest } from '../engine';
import { BedrockServiceError } from '../errors';
import type { Message } from '../request-schema';
import { LOCAL_COMPOSER_MODEL_ID } from './identity';

/** How the request wants the answer: through the contract's tool, or as plain text. */
export type AnswerChannel = 'answer_tool' | 'text';

/** What the composer reads from a Converse request that follows the generative contract. */
export interface ComposerPrompt {
  question: string;
  passages: PromptPassage[];
  /**
   * The customer's earlier questions, newest first, for follow-ups such as "and to Mexico?"; what the bot had
   * just asked (ASKED_PREFIX) comes first, since a question answering it is about it.
   */
  earlierQuestions: string[];
  /** What the assistant said last, which "that" in a follow-up most likely points at. */
  previousAnswer?: string;
  maxTokens?: number;
  channel: AnswerChannel;
}

const PASSAGES_OPENING = '<passages>';

/**
 * Reads the contract's prompt: the last user message holds a `<passages>` block and a block starting with
 * QUESTION_PREFIX. A request that does not follow it still works: its other text is the question, and
 * passages may also come in the system prompt. Earlier user turns give the earlier questions.
 */
export function readPrompt(request: ParsedConverseRequest): ComposerPrompt {
  const userMessages = request.messages.filter((message) => message.role === 'user');
  const last = userMessages[userMessages.length - 1];
  const lastTexts = last ? textsOf(last) : [];
  const systemTexts = (request.system ?? []).flatMap((block) =>
    block.text === undefined ? [] : [block.text],
  );
  const passageBlocks = [...lastTexts, ...systemTexts].filter(isPassagesBlock);
  const asked = lastTexts
    .find((text) => text.startsWith(ASKED_PREFIX))
    ?.slice(ASKED_PREFIX.length)
    .trim();
  const earlierQuestions = [
    ...(asked ? [asked] : []),
    ...userMessages
      .slice(0, -1)
      .map(questionOf)
      .filter((question) => question !== '')
      .reverse(),
  ];
  const previousAnswer = request.messages
    .filter((message) => message.role === 'assistant')
    .map((message) => textsOf(message).join(' ').trim())
    .at(-1);
  return {
    question: last ? questionOf(last) : '',
    passages: passageBlocks.flatMap(parsePassages),
    earlierQuestions,
    ...(previousAnswer ? { previousAnswer } : {}),
    ...(request.inferenceConfig?.maxTokens !== undefined
      ? { maxTokens: request.inferenceConfig.maxTokens }
      : {}),
    channel: answerChannel(request),
  };
}

function questionOf(message: Message): string {
  const texts = textsOf(message).filter((text) => !isPassagesBlock(text) && !text.startsWith(ASKED_PREFIX));
  const prefixed = texts.find((text) => text.startsWith(QUESTION_PREFIX));
  if (prefixed !== undefined) return prefixed.slice(QUESTION_PREFIX.length).trim();
  return texts.join('\n').trim();
}

function textsOf(message: Message): string[] {
  return message.content.flatMap((block) => {
    if (block.text !== undefined) return [block.text];
    if (block.guardContent?.text) return [block.guardContent.text.text];
    return [];
  });
}

function isPassagesBlock(text: string): boolean {
  return text.trimStart().startsWith(PASSAGES_OPENING);
}

/**
 * The composer can fill in only the contract's tool. Offered, it is used; a request that forces another tool
 * (or any tool without offering this one) asks for something the composer cannot do, so it says so rather
 * than invent a call.
 */
function answerChannel(request: ParsedConverseRequest): AnswerChannel {
  const config = request.toolConfig;
  if (!config) return 'text';
  const offered = config.tools.some((tool) => tool.toolSpec?.name === ANSWER_TOOL_NAME);
  const forced = config.toolChoice?.tool?.name;
  if ((forced !== undefined && forced !== ANSWER_TOOL_NAME) || (config.toolChoice?.any && !offered)) {
    throw new BedrockServiceError(
      'ModelErrorException',
      `The local composer can only call the ${ANSWER_TOOL_NAME} tool, but the request requires ${forced ?? 'a tool'} from toolConfig.tools`,
      { originalStatusCode: 400, resourceName: LOCAL_COMPOSER_MODEL_ID },
    );
  }
  return offered ? 'answer_tool' : 'text';
}
