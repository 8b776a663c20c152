/**
 * The session attributes that ask a channel to hand the conversation to a person. The code hook sets them;
 * the phone (Connect) and Slack channels read them after the turn.
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
