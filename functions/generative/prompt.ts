import type { ConverseCommandInput, Message, ToolInputSchema } from '@aws-sdk/client-bedrock-runtime';
import { CHANNEL_SETTINGS, type Channel } from './channel-settings';
import {
  ANSWER_TOOL_NAME,
  ASKED_PREFIX,
  formatPassages,
  QUESTION_PREFIX,
  STRUCTURED_ANSWER_JSON_SCHEMA,
  type PromptPassage,
} from './contract';
import type { ModelConfig } from './dependencies';
import { systemPrompt } from './system-prompt';

/** A mutable copy of the contract's schema: the SDK's JSON document type has no readonly arrays. */
const ANSWER_INPUT_SCHEMA: ToolInputSchema = {
  json: JSON.parse(JSON.stringify(STRUCTURED_ANSWER_JSON_SCHEMA)),
};

export interface PromptInput {
  question: string;
  localeId: string;
  channel: Channel;
  passages: readonly PromptPassage[];
  /** Earlier turns, oldest first. */
  history: readonly { user: string; assistant: string }[];
  model: ModelConfig;
  /** What the bot had just asked, when the question answers it (ASKED_PREFIX). */
  askedFor?: string;
}

/**
 * The Converse request for one question: the locale's system prompt, the earlier turns, then one user
 * message holding the passages, what the bot had just asked if the question answers it, and the question
 * (the layout contract.ts fixes), with the answer tool forced
 * so the reply is structured and its citations can be checked.
 */
export function converseInput({
  question,
  localeId,
  channel,
  passages,
  history,
  model,
  askedFor,
}: PromptInput): ConverseCommandInput {
  return {
    modelId: model.modelId,
    system: [{ text: systemPrompt(localeId, channel) }],
    messages: [
      ...historyMessages(history),
      {
        role: 'user',
        content: [
          { text: formatPassages(passages) },
          ...(askedFor ? [{ text: `${ASKED_PREFIX}${askedFor}` }] : []),
          { text: `${QUESTION_PREFIX}${question}` },
        ],
      },
    ],
    inferenceConfig: { ...CHANNEL_SETTINGS[channel].inferenceConfig },
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: ANSWER_TOOL_NAME,
            description: 'Submit the reply to the customer with the ids of the passages it relies on.',
            inputSchema: ANSWER_INPUT_SCHEMA,
          },
        },
      ],
      toolChoice: { tool: { name: ANSWER_TOOL_NAME } },
    },
    ...(model.guardrail
      ? {
          guardrailConfig: {
            guardrailIdentifier: model.guardrail.identifier,
            guardrailVersion: model.guardrail.version,
            trace: 'disabled',
          },
        }
      : {}),
  };
}

/**
 * Earlier turns as user/assistant pairs: the result starts with the user and alternates, which Converse
 * models require, and ends with the assistant, so the new question keeps the alternation. A turn with an
 * empty side (nothing said, nothing answered) would break the pairing and is left out.
 */
export function historyMessages(turns: readonly { user: string; assistant: string }[]): Message[] {
  return turns
    .filter((turn) => turn.user.trim() !== '' && turn.assistant.trim() !== '')
    .flatMap((turn): Message[] => [
      { role: 'user', content: [{ text: turn.user }] },
      { role: 'assistant', content: [{ text: turn.assistant }] },
    ]);
}
