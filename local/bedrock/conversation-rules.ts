import { validationError } from './errors';
import type { ContentBlock, ConverseRequestBody, Message } from './request-schema';

/**
 * Rules Bedrock enforces beyond the shapes of the service model, with its own wording where it is known.
 * Models differ in a few of them; these are the rules of the Anthropic and Nova models the bot targets, so
 * a conversation that passes here is not refused in production for its structure.
 */
export function checkConversationRules(body: ConverseRequestBody): void {
  checkTurnOrder(body.messages);
  body.messages.forEach((message, index) => checkMessage(message, index));
  checkTools(body);
  checkToolResults(body.messages);
}

function checkTurnOrder(messages: readonly Message[]): void {
  if (messages[0]?.role !== 'user') {
    throw validationError(
      'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
    );
  }
  messages.forEach((message, index) => {
    if (index > 0 && messages[index - 1]?.role === message.role) {
      throw validationError(
        'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
      );
    }
  });
}

function checkMessage(message: Message, index: number): void {
  if (message.content.length === 0) {
    throw validationError(
      `The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`,
    );
  }
  message.content.forEach((block, blockIndex) => {
    const where = `messages.${index}.content.${blockIndex}`;
    if (block.text !== undefined && block.text.trim() === '') {
      throw validationError(
        `The text field in the ContentBlock object at ${where} is blank. Add text to the text field, and try again.`,
      );
    }
    if (message.role === 'assistant' && userOnlyMember(block) !== undefined) {
      throw validationError(
        `The ${userOnlyMember(block)} block at ${where} is only allowed in a user message.`,
      );
    }
  });
}

function userOnlyMember(block: ContentBlock): string | undefined {
  if (block.image) return 'image';
  if (block.document) return 'document';
  if (block.video) return 'video';
  if (block.audio) return 'audio';
  if (block.toolResult) return 'toolResult';
  return undefined;
}

function checkTools(body: ConverseRequestBody): void {
  const usesTools = body.messages.some((message) =>
    message.content.some((block) => block.toolUse !== undefined || block.toolResult !== undefined),
  );
  if (usesTools && !body.toolConfig) {
    throw validationError(
      'The toolConfig field must be defined when using toolUse and toolResult content blocks.',
    );
  }
  if (!body.toolConfig) return;
  const names = body.toolConfig.tools.flatMap((tool) => {
    const name = tool.toolSpec?.name ?? tool.systemTool?.name;
    return name === undefined ? [] : [name];
  });
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw validationError(`The tool name ${duplicate} appears more than once in toolConfig.tools.`);
  }
  const forced = body.toolConfig.toolChoice?.tool?.name;
  if (forced !== undefined && !names.includes(forced)) {
    throw validationError(
      `The tool ${forced} named in toolConfig.toolChoice is not defined in toolConfig.tools.`,
    );
  }
}

/** Every toolResult answers a toolUse of the assistant turn right before it. */
function checkToolResults(messages: readonly Message[]): void {
  messages.forEach((message, index) => {
    const previous = messages[index - 1];
    const asked = new Set(
      (previous?.content ?? []).flatMap((block) => (block.toolUse ? [block.toolUse.toolUseId] : [])),
    );
    message.content.forEach((block, blockIndex) => {
      if (block.toolResult && !asked.has(block.toolResult.toolUseId)) {
        throw validationError(
          `The toolUseId ${block.toolResult.toolUseId} of the toolResult at messages.${index}.content.${blockIndex} does not match any toolUse in the previous assistant message.`,
        );
      }
    });
  });
}
