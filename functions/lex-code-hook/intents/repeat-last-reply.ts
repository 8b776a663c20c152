import { askPendingSlotAgain, lastReply, pendingSlot } from '../pending-question';
import { close } from '../responses';
import type { IntentHandler } from './intent-handler';

/**
 * "Say that again": the question the bot is waiting on, asked again as it was; else the bot's last reply
 * (the LastReply context, pending-question.ts); else, with nothing said yet, what the bot can do.
 */
export const repeatLastReply: IntentHandler = {
  fulfil({ event, intent, sessionAttributes, messages }) {
    const pending = pendingSlot(event);
    if (pending) return askPendingSlotAgain(pending, messages, sessionAttributes, '');
    return close(intent, 'Fulfilled', lastReply(event) ?? messages.welcome, sessionAttributes);
  },
};
