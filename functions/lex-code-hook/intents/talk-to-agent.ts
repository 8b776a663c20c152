import { handOff } from '../handoff';
import { close } from '../responses';
import type { IntentHandler } from './intent-handler';

export const talkToAgent: IntentHandler = {
  fulfil({ event, intent, sessionAttributes, messages }) {
    return handOff(
      close(intent, 'Fulfilled', messages.agent.connecting, sessionAttributes),
      'requested',
      event,
    );
  },
};
