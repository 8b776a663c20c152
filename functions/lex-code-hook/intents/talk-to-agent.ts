import { HANDOFF_ATTRIBUTES } from '../handoff';
import { close } from '../responses';
import type { IntentHandler } from './intent-handler';

export const talkToAgent: IntentHandler = {
  fulfil({ intent, sessionAttributes, messages }) {
    return close(intent, 'Fulfilled', messages.agent.connecting, {
      ...sessionAttributes,
      [HANDOFF_ATTRIBUTES.target]: 'agent',
      [HANDOFF_ATTRIBUTES.reason]: 'requested',
    });
  },
};
