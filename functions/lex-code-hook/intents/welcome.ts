import { close } from '../responses';
import type { IntentHandler } from './intent-handler';

/**
 * "Hi", "what can you do?": what the bot can help with and an invitation to ask, rather than a knowledge-base
 * search that finds nothing in a greeting.
 */
export const welcome: IntentHandler = {
  fulfil({ intent, sessionAttributes, messages }) {
    return close(intent, 'Fulfilled', messages.welcome, sessionAttributes);
  },
};
