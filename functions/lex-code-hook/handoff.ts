import type { LexV2Event, LexV2Result } from './lex-event';

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

export type HandoffReason = 'requested' | 'generative';

/** `result`, asking the channel to bring in a person for `reason`. */
export function handOff(result: LexV2Result, reason: HandoffReason, event: LexV2Event): LexV2Result {
  return {
    ...result,
    sessionState: {
      ...result.sessionState,
      sessionAttributes: {
        ...result.sessionState.sessionAttributes,
        [HANDOFF_ATTRIBUTES.target]: 'agent',
        [HANDOFF_ATTRIBUTES.reason]: reason,
      },
    },
    requestAttributes: {
      ...event.requestAttributes,
      ...result.requestAttributes,
      [HANDOFF_REQUEST_ATTRIBUTE]: reason,
    },
  };
}
