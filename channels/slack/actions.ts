import { z } from 'zod';
import { parseJsonWith } from '../../functions/shared/parse-json';

/** Every interactive element Parley posts carries one of these action ids. */
export const ACTION_IDS = {
  /** A button whose value goes back to Lex as the person's answer (ConfirmIntent, response cards). */
  reply: 'parley_reply',
  /** Helpful / not helpful on an answer from the knowledge base. */
  feedback: 'parley_feedback',
} as const;

/** Whether a clicked element is one of Parley's (its action id starts with one of ACTION_IDS). */
export function isParleyAction(actionId: string): boolean {
  return Object.values(ACTION_IDS).some((prefix) => actionId === prefix || actionId.startsWith(`${prefix}_`));
}

/**
 * A reply button: the text to send to Lex, and whose conversation it continues (the asker's session: in a
 * thread, someone else's click must not answer for them).
 */
export const ReplyValueSchema = z.object({ text: z.string().min(1).max(500), asker: z.string().min(1) });
export type ReplyValue = z.infer<typeof ReplyValueSchema>;

/** A feedback button: which remembered answer of which Lex session, and the verdict. */
export const FeedbackValueSchema = z.object({
  session: z.string().min(2).max(100),
  turn: z.number().int().positive(),
  verdict: z.enum(['helpful', 'unhelpful']),
});
export type FeedbackValue = z.infer<typeof FeedbackValueSchema>;

/** Slack's limit on a button value. */
const MAX_VALUE_LENGTH = 2000;

export function encodeValue(value: ReplyValue | FeedbackValue): string {
  const encoded = JSON.stringify(value);
  if (encoded.length > MAX_VALUE_LENGTH)
    throw new RangeError(`button value over ${MAX_VALUE_LENGTH} characters`);
  return encoded;
}

/** The value parsed with `schema`; undefined for anything else (an old message's button, a forged value). */
export function decodeValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  return parseJsonWith(schema, raw);
}
