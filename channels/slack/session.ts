import { createHash } from 'node:crypto';

/** Lex's session id rule: 2-100 of letters, digits and `._:-`. */
const LEX_SESSION_ID = /^[0-9a-zA-Z._:-]{2,100}$/;
/** What Slack ids and timestamps are made of; anything else (a `:` above all) could blur the parts. */
const PLAIN_PART = /^[0-9a-zA-Z.]+$/;

export interface ThreadPerson {
  teamId: string;
  channel: string;
  /** The thread's root message ts; a direct message outside any thread uses `dm`. */
  threadRoot: string;
  user: string;
}

/**
 * One Lex session per person per thread: their slot answers and follow-ups stay together, and two people in
 * one thread do not answer each other's questions. Slack ids are letters and digits and a ts is digits and a
 * dot, so the readable form is valid and unambiguous whenever it is short enough; a longer one (enterprise
 * ids), or one with parts Slack would not send, is hashed.
 */
export function lexSessionId({ teamId, channel, threadRoot, user }: ThreadPerson): string {
  const parts = [teamId, channel, threadRoot, user];
  const readable = `slack:${parts.join(':')}`;
  if (parts.every((part) => PLAIN_PART.test(part)) && LEX_SESSION_ID.test(readable)) return readable;
  return `slack:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}`;
}
