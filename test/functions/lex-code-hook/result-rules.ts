import type { LexV2Result } from '../../../functions/lex-code-hook/lex-event';
import { INTENT_SLOTS } from './events';

/**
 * The rules Lex applies to a hook result (spec lex-v2.md §2.2), plus the bot's own slot names: a result that
 * breaks one would reach the customer as DependencyFailedException. Returns the broken rules.
 */
export function resultProblems(
  result: LexV2Result,
  /**
   * Slot names the event itself carried: the hook echoes the slots Lex sent, and only Lex decides which
   * those are, so an event altered to carry undeclared ones may get them back (Lex never sends such).
   */
  echoedSlots: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const { dialogAction, intent, sessionAttributes } = result.sessionState;
  const allowed = ['Close', 'ConfirmIntent', 'Delegate', 'ElicitIntent', 'ElicitSlot'];
  if (!allowed.includes(dialogAction.type)) problems.push(`dialogAction.type ${dialogAction.type}`);
  if (dialogAction.type !== 'Delegate' && dialogAction.type !== 'ElicitIntent' && !intent)
    problems.push('intent missing');
  if (intent) {
    // Object.hasOwn: fast-check generates intent names such as "valueOf".
    const declared = Object.hasOwn(INTENT_SLOTS, intent.name) ? INTENT_SLOTS[intent.name] : undefined;
    if (declared) {
      const unknown = Object.keys(intent.slots).filter(
        (name) => !declared.includes(name) && !echoedSlots.includes(name),
      );
      if (unknown.length > 0) problems.push(`slots not in ${intent.name}: ${unknown.join(', ')}`);
      if (dialogAction.type === 'ElicitSlot' && !declared.includes(dialogAction.slotToElicit)) {
        problems.push(`slotToElicit ${dialogAction.slotToElicit} not in ${intent.name}`);
      }
    }
    if (intent.state === 'ReadyForFulfillment' && dialogAction.type !== 'Delegate')
      problems.push('ReadyForFulfillment without Delegate');
  }
  if (dialogAction.type === 'ElicitSlot' && !dialogAction.slotToElicit)
    problems.push('ElicitSlot without slotToElicit');
  if (
    (dialogAction.type === 'ElicitIntent' || dialogAction.type === 'ConfirmIntent') &&
    !result.messages?.length
  ) {
    problems.push(`${dialogAction.type} without messages`);
  }
  for (const message of result.messages ?? []) {
    if (message.contentType !== 'PlainText') problems.push(`contentType ${message.contentType}`);
    else if (message.content.length < 1 || message.content.length > 1000)
      problems.push(`message length ${message.content.length}`);
  }
  for (const [key, value] of Object.entries(sessionAttributes ?? {})) {
    if (typeof value !== 'string') problems.push(`session attribute ${key} is not a string`);
  }
  return problems;
}

export function textOf(result: LexV2Result): string {
  return (result.messages ?? []).map((message) => ('content' in message ? message.content : '')).join(' ');
}
