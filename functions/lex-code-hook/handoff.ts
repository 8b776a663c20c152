import type { LexV2Event, LexV2Result } from './lex-event';
import { HANDOFF_ATTRIBUTES, HANDOFF_REQUEST_ATTRIBUTE } from '../shared/channel-attributes';

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
