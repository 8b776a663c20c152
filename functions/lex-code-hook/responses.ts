import type { LexV2Intent, LexV2Message, LexV2Result, LexV2ResultIntent } from './lex-event';
import { withoutSlot } from './slots';

/**
 * Builders for the hook result (spec lex-v2.md §2.2). Every result echoes the whole intent and the whole
 * session attribute map, because Lex replaces both with what the hook returns.
 */

export function plainText(content: string): LexV2Message {
  return { contentType: 'PlainText', content };
}

/** The intent as Lex expects it back: only the fields of the result contract, none of the event's extras. */
export function resultIntent(intent: LexV2Intent): LexV2ResultIntent {
  return {
    name: intent.name,
    state: intent.state,
    confirmationState: intent.confirmationState,
    slots: intent.slots,
  };
}

export function close(
  intent: LexV2ResultIntent,
  state: 'Fulfilled' | 'Failed',
  message: string,
  sessionAttributes: Record<string, string>,
): LexV2Result {
  return {
    sessionState: { dialogAction: { type: 'Close' }, intent: { ...intent, state }, sessionAttributes },
    messages: [plainText(message)],
  };
}

/** Asks for `slotName` again with `message` explaining why, after emptying the rejected value. */
export function elicitSlot(
  intent: LexV2ResultIntent,
  slotName: string,
  message: string,
  sessionAttributes: Record<string, string>,
): LexV2Result {
  return {
    sessionState: {
      dialogAction: { type: 'ElicitSlot', slotToElicit: slotName },
      intent: { ...withoutSlot(intent, slotName), state: 'InProgress' },
      sessionAttributes,
    },
    messages: [plainText(message)],
  };
}

/** Lets Lex choose the next step from the bot definition, using the slots as returned here. */
export function delegate(intent: LexV2ResultIntent, sessionAttributes: Record<string, string>): LexV2Result {
  return { sessionState: { dialogAction: { type: 'Delegate' }, intent, sessionAttributes } };
}

/** Asks the customer to confirm the intent with `message`, a yes-or-no question. */
export function confirmIntent(
  intent: LexV2ResultIntent,
  message: string,
  sessionAttributes: Record<string, string>,
): LexV2Result {
  return {
    sessionState: {
      dialogAction: { type: 'ConfirmIntent' },
      intent: { ...intent, state: 'InProgress', confirmationState: 'None' },
      sessionAttributes,
    },
    messages: [plainText(message)],
  };
}

/** Ends the intent without closing the conversation: `message` asks what the customer wants next. */
export function elicitIntent(message: string, sessionAttributes: Record<string, string>): LexV2Result {
  return {
    sessionState: { dialogAction: { type: 'ElicitIntent' }, sessionAttributes },
    messages: [plainText(message)],
  };
}
