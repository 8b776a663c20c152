import * as z from 'zod/mini';

/**
 * The contract between the code hook's generative path and any Converse model behind it (Bedrock in
 * production, the local composer offline): how retrieved passages travel in the prompt, and the structured
 * result the model must hand back through the `submit_answer` tool.
 */

export const ANSWER_TOOL_NAME = 'submit_answer';

export const AnswerOutcome = z.enum(['answer', 'clarify', 'handoff', 'cannot_answer']);
export type AnswerOutcome = z.infer<typeof AnswerOutcome>;

export const StructuredAnswer = z.strictObject({
  /** What the customer hears or reads; plain text, no Markdown tables or HTML. */
  answer: z.string().check(z.minLength(1), z.maxLength(2000)),
  /** Ids of the passages the answer relies on; empty for clarify / handoff / cannot_answer. */
  citations: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(10)),
  outcome: AnswerOutcome,
});
export type StructuredAnswer = z.infer<typeof StructuredAnswer>;

/** JSON Schema of StructuredAnswer, as Converse `toolSpec.inputSchema.json` wants it. */
export const STRUCTURED_ANSWER_JSON_SCHEMA = {
  type: 'object',
  properties: {
    answer: { type: 'string', description: 'The reply to the customer, grounded only in the passages.' },
    citations: {
      type: 'array',
      items: { type: 'string' },
      description: 'Ids of the passages the answer uses.',
    },
    outcome: {
      type: 'string',
      enum: AnswerOutcome.options,
      description:
        'answer: grounded answer; clarify: ask a clarifying question; handoff: offer a human agent; cannot_answer: the passages do not cover it.',
    },
  },
  required: ['answer', 'citations', 'outcome'],
  additionalProperties: false,
} as const;

export interface PromptPassage {
  id: string;
  title: string;
  text: string;
}

const PASSAGE = /<passage id="([^"]*)" title="([^"]*)">\n([\s\S]*?)\n<\/passage>/g;

/** Passages go in the last user message as one text block, ahead of the question block. */
export function formatPassages(passages: readonly PromptPassage[]): string {
  const body = passages
    .map(
      (p) =>
        `<passage id="${escapeAttribute(p.id)}" title="${escapeAttribute(p.title)}">\n${p.text}\n</passage>`,
    )
    .join('\n');
  return `<passages>\n${body}\n</passages>`;
}

export function parsePassages(block: string): PromptPassage[] {
  return [...block.matchAll(PASSAGE)].map((m) => ({
    id: unescapeAttribute(m[1] ?? ''),
    title: unescapeAttribute(m[2] ?? ''),
    text: m[3] ?? '',
  }));
}

export const QUESTION_PREFIX = 'Customer question: ';
/**
 * Opens the block, before the question, with what the bot had just asked the customer (a slot's question)
 * when the customer answered it with a question: "where do I find that?" is about the order number asked for.
 */
export const ASKED_PREFIX = 'Just asked of the customer: ';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, ' ');
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
