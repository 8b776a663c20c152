import type { LexV2Event, LexV2Result, LexV2ResultIntent } from './lex-event';
import { filledSlotValues, pendingSlot, type PendingSlot } from './pending-question';
import { withSlotValue } from './slots';
import * as z from 'zod/mini';
import { parseJsonWith } from '../shared/parse-json';
import { saysAnyOf } from '../shared/plain-words';
import { DROPPING_PHRASES } from './lead-ins';

/**
 * The values of an intent the customer left for another one while a slot was asked ("el jueves", then "por
 * cierto, ¿cuánto cuesta el envío al día siguiente?"), kept in a session attribute so that coming back to it ("que
 * me llamen a las 4") does not ask again for what was already said. Lex itself forgets a left intent's values.
 */
export const INTERRUPTED_INTENT_ATTRIBUTE = 'parley:interrupted';
/** After this long the values are forgotten: a callback asked for again later starts afresh. */
const KEPT_FOR_MS = 10 * 60 * 1000;

/**
 * What says the customer dropped what they were doing ("olvídelo, mejor...", "ya no hace falta"): nothing is kept
 * then.
 */
const DROPPING_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: [...(DROPPING_PHRASES.en_US ?? []), 'cancel', 'no longer need'],
  es_US: [...(DROPPING_PHRASES.es_US ?? []), 'ya no hace falta', 'cancelar', 'cancele'],
};

/**
 * The reply with the intent the customer just left kept in its session attributes, when they left one with values
 * given (Lex took them to another intent, or the hook answered a question asked instead of the slot) and did not
 * drop it; the reply as it was otherwise.
 */
export function keepingInterrupted(event: LexV2Event, reply: LexV2Result, nowMs: number): LexV2Result {
  const left = leftIntent(event, reply);
  if (!left) return reply;
  const attributes = reply.sessionState.sessionAttributes ?? {};
  const sessionAttributes = saysAnyOf(event.inputTranscript, DROPPING_WORDS[event.bot.localeId] ?? [])
    ? withoutInterrupted(attributes)
    : { ...attributes, [INTERRUPTED_INTENT_ATTRIBUTE]: JSON.stringify({ ...left, at: nowMs }) };
  return { ...reply, sessionState: { ...reply.sessionState, sessionAttributes } };
}

/** The intent, with its values, that was waiting for a slot and that the reply moved away from. */
function leftIntent(event: LexV2Event, reply: LexV2Result): Omit<PendingSlot, 'slotName'> | undefined {
  const replied = reply.sessionState.intent?.name;
  const pending = pendingSlot(event);
  if (pending && pending.intentName !== replied && Object.keys(pending.slots).length > 0)
    return { intentName: pending.intentName, slots: pending.slots };
  const asked = event.proposedNextState?.dialogAction.type === 'ElicitSlot';
  const intent = event.sessionState.intent;
  if (!asked || intent.name === replied) return undefined;
  const slots = filledSlotValues(intent);
  return Object.keys(slots).length > 0 ? { intentName: intent.name, slots } : undefined;
}

/**
 * The intent with the values it had when the customer left it, for the slots not given again now, when it is the
 * intent they left; undefined otherwise.
 */
export function resumedIntent(
  intent: LexV2ResultIntent,
  sessionAttributes: Record<string, string>,
  nowMs: number,
): LexV2ResultIntent | undefined {
  const kept = parseJsonWith(KeptIntentSchema, sessionAttributes[INTERRUPTED_INTENT_ATTRIBUTE]);
  if (!kept || kept.intentName !== intent.name || !(nowMs - kept.at <= KEPT_FOR_MS)) return undefined;
  let resumed = intent;
  for (const [slotName, value] of Object.entries(kept.slots)) {
    if (Object.hasOwn(intent.slots, slotName) && !intent.slots[slotName]?.value)
      resumed = withSlotValue(resumed, slotName, value);
  }
  return resumed;
}

export function withoutInterrupted(sessionAttributes: Record<string, string>): Record<string, string> {
  if (!Object.hasOwn(sessionAttributes, INTERRUPTED_INTENT_ATTRIBUTE)) return sessionAttributes;
  return Object.fromEntries(
    Object.entries(sessionAttributes).filter(([name]) => name !== INTERRUPTED_INTENT_ATTRIBUTE),
  );
}

/** The kept intent as the attribute holds it; anything else (a value a client set by hand) is nothing. */
const KeptIntentSchema = z.object({
  intentName: z.string().check(z.minLength(1), z.maxLength(100)),
  slots: z.record(z.string(), z.string().check(z.maxLength(1000))),
  at: z.number(),
});
