import * as z from 'zod/mini';
import { parseJsonWith } from './parse-json';

/**
 * What an answer from the knowledge base was, for channels to render their own way: where it came from, the
 * articles it cites, and which remembered turn it is (for feedback on it). The hook returns it as a request
 * attribute of the turn, which Lex hands back with that turn's response only: a session attribute would
 * outlive the answer and describe the next turn wrongly.
 */
export const ANSWER_ATTRIBUTE = 'parley:answer';

/** Lex keeps request attributes small; a handful of short titles is all a reader follows anyway. */
const MAX_CITATIONS = 5;
const MAX_TITLE_LENGTH = 200;

export const AnswerDescriptionSchema = z.object({
  /** `curated`: one of our articles as written; `model`: written by the model from our articles. */
  source: z.enum(['curated', 'model', 'no_passage', 'fallback_error']),
  /** The remembered turn, when memory stored it: the key for feedback on this answer. */
  turn: z.optional(z.int().check(z.positive())),
  citations: z
    .array(
      z.object({
        id: z.string().check(z.minLength(1)),
        title: z.string().check(z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)),
      }),
    )
    .check(z.maxLength(MAX_CITATIONS)),
  /** Tokens the model used for a model answer, for the console and reports. */
  usage: z.optional(
    z.object({ inputTokens: z.int().check(z.nonnegative()), outputTokens: z.int().check(z.nonnegative()) }),
  ),
  /** How long the model took, when it was called. */
  modelLatencyMs: z.optional(z.number().check(z.nonnegative())),
});
export type AnswerDescription = z.infer<typeof AnswerDescriptionSchema>;

export function answerAttributeValue(description: AnswerDescription): string {
  return JSON.stringify({
    ...description,
    citations: description.citations.slice(0, MAX_CITATIONS).map((citation) => ({
      id: citation.id,
      title: citation.title.slice(0, MAX_TITLE_LENGTH),
    })),
  });
}

/** The description in a Lex response's request attributes; undefined when absent or not one of ours. */
export function readAnswerAttribute(
  requestAttributes: Record<string, string> | undefined,
): AnswerDescription | undefined {
  return parseJsonWith(AnswerDescriptionSchema, requestAttributes?.[ANSWER_ATTRIBUTE]);
}
