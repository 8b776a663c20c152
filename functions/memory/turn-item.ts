import * as z from 'zod/mini';

/**
 * How one conversation turn is stored: one item per turn in the conversations table, keyed
 * `pk = "S#<sessionId>"`, `sk = "T#<turn number, 8 digits>"`, so a session's turns sort by number and a
 * Query reads the newest first.
 */

const SESSION_KEY_PREFIX = 'S#';
export const TURN_KEY_PREFIX = 'T#';
const TURN_NUMBER_DIGITS = 8;

/**
 * Limits that keep every item far from DynamoDB's 400 KB: a UTF-16 unit takes at most 3 UTF-8 bytes, so
 * the three texts (question, answer, details) at the cap are 36 KB, the citations 12 KB, and the keys and
 * short fields under 3 KB. A turn item is under 52 KB whatever was said (about 1 KB, one write unit, in a
 * typical turn; a spoken curated answer with its article as details, about 2 KB).
 */
export const MAX_STORED_TEXT_LENGTH = 4_000;
export const MAX_CITATIONS = 20;
export const MAX_CITATION_LENGTH = 200;
export const MAX_SESSION_ID_LENGTH = 500;
export const MAX_REQUEST_ID_LENGTH = 200;
export const MAX_LABEL_LENGTH = 50;

/** Where a turn's details came from (see DetailsSource in conversation-memory.ts). */
export const DETAILS_SOURCES = ['knowledge', 'model'] as const;

/** A person's verdict on an answer, asked by channels that can show buttons. */
export const ANSWER_FEEDBACK = ['helpful', 'unhelpful'] as const;

/**
 * What a turn says, as `append` takes it and as its item holds it. The limits hold for both: an item that
 * breaks one was not written here, and is reported as bad data rather than trusted.
 */
export const TurnContentSchema = z.object({
  user: z.string(),
  assistant: z.string(),
  /** Lex `originatingRequestId`: a retried invocation carries the same one. */
  requestId: z.string().check(z.minLength(1), z.maxLength(MAX_REQUEST_ID_LENGTH)),
  localeId: z.string().check(z.minLength(1), z.maxLength(MAX_LABEL_LENGTH)),
  channel: z.string().check(z.minLength(1), z.maxLength(MAX_LABEL_LENGTH)),
  inputTokens: z.optional(z.int().check(z.nonnegative())),
  outputTokens: z.optional(z.int().check(z.nonnegative())),
  citations: z.optional(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(MAX_CITATION_LENGTH)))
      .check(z.maxLength(MAX_CITATIONS)),
  ),
  outcome: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_LABEL_LENGTH))),
  /**
   * The complete answer when `assistant` is a shorter form of it (a curated answer's voice line on a call),
   * for a customer who asks to have it texted. Outside the history's token count: the model is told what the
   * customer was told.
   */
  details: z.optional(z.string().check(z.minLength(1))),
  /**
   * Where `details` came from (see DetailsSource); `model` when left out, so text nobody vouched for is
   * redacted. Stored with the details, so an item shows why they were or were not redacted.
   */
  detailsSource: z.optional(z.enum(DETAILS_SOURCES)),
});
export type TurnContent = z.infer<typeof TurnContentSchema>;

export const TurnItemSchema = z.looseObject({
  pk: z.string().check(z.startsWith(SESSION_KEY_PREFIX)),
  sk: z
    .string()
    .check(z.regex(new RegExp(`^${TURN_KEY_PREFIX}\\d{${TURN_NUMBER_DIGITS}}$`), 'must be T#<8 digits>')),
  ...TurnContentSchema.shape,
  createdAt: z.iso.datetime(),
  /** Epoch seconds, the table's TTL attribute. */
  expiresAt: z.int(),
  /** What the person said of this answer, when a channel asked them (Slack's helpful / not helpful). */
  feedback: z.optional(z.enum(ANSWER_FEEDBACK)),
});
export type TurnItem = z.infer<typeof TurnItemSchema>;

export function sessionKey(sessionId: string): string {
  return `${SESSION_KEY_PREFIX}${sessionId}`;
}

export function turnKey(turn: number): string {
  return `${TURN_KEY_PREFIX}${String(turn).padStart(TURN_NUMBER_DIGITS, '0')}`;
}

export function turnNumberOf(item: TurnItem): number {
  return Number(item.sk.slice(TURN_KEY_PREFIX.length));
}

/** Cuts at the cap without splitting a surrogate pair, which would leave invalid UTF-16 to store. */
export function capText(text: string): string {
  if (text.length <= MAX_STORED_TEXT_LENGTH) return text;
  let end = MAX_STORED_TEXT_LENGTH - 1;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
