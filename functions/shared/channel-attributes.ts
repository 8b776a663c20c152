/**
 * The Lex attributes the code hook and the channels exchange, by name: the channels read what the hook sets
 * and set what it reads, so both import them from here and cannot drift apart.
 */

/** Request attributes a channel sets on RecognizeText / RecognizeUtterance to describe itself. */
export const REQUEST_ATTRIBUTES = {
  /** `voice` or `chat`: how the reply reaches the person. */
  channel: 'parley:channel',
  /**
   * `separate` when the channel shows an answer's sources itself, from the `parley:answer` description
   * (Slack's context block); otherwise chat answers end with a line naming them.
   */
  sources: 'parley:sources',
} as const;

/**
 * The session attributes that ask a channel to hand the conversation to a person. The code hook sets them;
 * the phone (Connect) reads them after the turn.
 */
export const HANDOFF_ATTRIBUTES = {
  /** `agent` when the customer should be transferred. */
  target: 'parley:handoff',
  /**
   * Why, for routing and reporting: `requested` when the customer asked for it, `generative` when the
   * answer to an open question needs a person.
   */
  reason: 'parley:handoffReason',
} as const;

/**
 * The same request as a request attribute of the turn that made it. Session attributes stay set for the
 * rest of the session, which suits a call that is transferred at once; a chat thread goes on, and its
 * channel must tell the turn that asked for a person from the ones after it.
 */
export const HANDOFF_REQUEST_ATTRIBUTE = 'parley:handoffRequested';

/** The caller's number, E.164; the Connect contact flow copies it from the caller id before the bot runs. */
export const CALLER_NUMBER_ATTRIBUTE = 'customerPhoneNumber';

/** `true` on the turn after which the contact flow should hang up. */
export const END_CALL_ATTRIBUTE = 'parley:endCall';
