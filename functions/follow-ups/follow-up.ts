import * as z from 'zod/mini';

/**
 * A request to text a customer the full text of an answer they heard shortened on a call. Storing it is the
 * whole hand-off: the code hook sends no SMS itself. A separate consumer (infrastructure, for example a
 * DynamoDB stream into an SMS sender) picks up `pending` items, sends them and moves them on; `expiresAt` is
 * the table's TTL, so a request nobody sent in time disappears instead of reaching the customer days late.
 */
export const FollowUpSchema = z.looseObject({
  /** `<sessionId>#<turn>`: one request per remembered answer, so a retried or repeated ask adds nothing. */
  requestId: z.string().check(z.minLength(1)),
  sessionId: z.string().check(z.minLength(1)),
  /** The conversation memory turn whose answer is sent. */
  answerTurn: z.int().check(z.positive()),
  /** `pending` when the code hook writes it; the consumer moves it on. */
  status: z.string().check(z.minLength(1)),
  /** Digits with an optional leading "+", as normalizePhoneNumber gives them. */
  phoneNumber: z.string().check(z.regex(/^\+?\d{10,15}$/)),
  localeId: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  /** Epoch seconds. */
  expiresAt: z.int(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** `requestId` of the follow-up for one answer of a session. Lex session ids cannot contain "#". */
export function followUpRequestId(sessionId: string, answerTurn: number): string {
  return `${sessionId}#${answerTurn}`;
}
