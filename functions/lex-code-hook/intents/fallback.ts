import { close } from '../responses';
import type { IntentHandler } from './intent-handler';

export const fallback: IntentHandler = {
  fulfil({ intent, sessionAttributes, messages }) {
    // Saying plainly what the bot can do is a complete answer; Failed would trigger Lex's failure message.
    return close(intent, 'Fulfilled', messages.fallback.cannotHelp, sessionAttributes);
  },
};
