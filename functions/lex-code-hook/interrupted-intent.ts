import type { LexV2Event, LexV2Result, LexV2ResultIntent } from './lex-event';
import { filledSlotValues, isActive, pendingSlot, withContexts } from './pending-question';
import { withSlotValue } from './slots';
import * as z from 'zod/mini';
import { parseJsonWith } from '../shared/parse-json';
import { saysAnyOf } from '../shared/plain-words';
import { DROPPING_PHRASES } from './lead-ins';

/**
 * An intent the customer left for another one while a slot was asked ("el jueves", then "por cierto, ¿cuánto
 * cuesta el envío al día siguiente?"), with the slot asked and the values given, kept in a session attribute so
 * that coming back to it ("que me llamen a las 4", or the value alone) does not ask again for what was already
 * said. Lex itself forgets a left intent's values.
 */
export const INTERRUPTED_INTENT_ATTRIBUTE = 'parley:interrupted';
/** After this long the values are forgotten: a callback asked for again later starts afresh. */
const KEPT_FOR_MS = 10 * 60 * 1000;

/**
 * Active while a task is kept, for a few turns (the answer to the question asked instead, a follow-up of it): it
 * makes ResumeTask eligible, whose samples are values alone ("a las 3 de la tarde", a phone number), so a value
 * said next goes back to the task instead of being taken for a question of its own. Lex weighs a value alone
 * against every intent otherwise, and a context is how it is told when such an utterance makes sense.
 */
export const TASK_LEFT_CONTEXT = 'TaskLeft';
export const RESUME_TASK_INTENT_NAME = 'ResumeTask';
const TASK_LEFT_TURNS = 3;

/**
 * What says the customer dropped what they were doing ("olvídelo, mejor...", "ya no hace falta"): nothing is kept
 * then.
 */
const DROPPING_WORDS: Readonly<Record<string, readonly string[]>> = {
  en_US: [...(DROPPING_PHRASES.en_US ?? []), 'cancel', 'no longer need'],
  es_US: [...(DROPPING_PHRASES.es_US ?? []), 'ya no hace falta', 'cancelar', 'cancele'],
};

/**
 * The reply with the intent the customer just left kept in its session attributes, when they left one while it
 * asked for a slot (Lex took them to another intent, or the hook answered a question asked instead of the slot)
 * and did not drop it; the reply as it was otherwise.
 */
export function keepingInterrupted(event: LexV2Event, reply: LexV2Result, nowMs: number): LexV2Result {
  const left = leftIntent(event, reply);
  if (!left) return withTaskLeftContext(event, reply, false);
  const attributes = reply.sessionState.sessionAttributes ?? {};
  const kept = !saysAnyOf(event.inputTranscript, DROPPING_WORDS[event.bot.localeId] ?? []);
  const sessionAttributes = kept
    ? { ...attributes, [INTERRUPTED_INTENT_ATTRIBUTE]: JSON.stringify({ ...left, at: nowMs }) }
    : withoutInterrupted(attributes);
  return withTaskLeftContext(
    event,
    { ...reply, sessionState: { ...reply.sessionState, sessionAttributes } },
    kept,
  );
}

/**
 * The reply with TaskLeft set afresh when a task was left this turn, gone when the reply no longer keeps one (it
 * was taken up again, dropped or forgotten), and as Lex counts it down otherwise.
 */
function withTaskLeftContext(event: LexV2Event, reply: LexV2Result, leftNow: boolean): LexV2Result {
  if (leftNow) {
    const taskLeft = {
      name: TASK_LEFT_CONTEXT,
      timeToLive: { timeToLiveInSeconds: KEPT_FOR_MS / 1000, turnsToLive: TASK_LEFT_TURNS },
      contextAttributes: {},
    };
    return withContexts(event, reply, [taskLeft]);
  }
  const keeps = Object.hasOwn(reply.sessionState.sessionAttributes ?? {}, INTERRUPTED_INTENT_ATTRIBUTE);
  return !keeps && isActive(event, TASK_LEFT_CONTEXT)
    ? withContexts(event, reply, [], [TASK_LEFT_CONTEXT])
    : reply;
}

/** The intent, with its values and the slot it was asking for, that the reply moved away from. */
function leftIntent(event: LexV2Event, reply: LexV2Result): Omit<KeptIntent, 'at'> | undefined {
  const replied = reply.sessionState.intent?.name;
  const pending = pendingSlot(event);
  // The bot asked for a slot last turn: the task stands even with nothing given yet.
  if (pending && pending.intentName !== replied) return pending;
  const slotName =
    event.proposedNextState?.dialogAction.type === 'ElicitSlot'
      ? event.proposedNextState.dialogAction.slotToElicit
      : undefined;
  const intent = event.sessionState.intent;
  if (!slotName || intent.name === replied) return undefined;
  // Lex chose the intent this turn and the reply answered something else: only values said for it make it a task
  // the customer started; otherwise it was a misreading, and the task left before stays kept.
  const slots = filledSlotValues(intent);
  return Object.keys(slots).length > 0 ? { intentName: intent.name, slotName, slots } : undefined;
}

/**
 * The intent with the values it had when the customer left it, for the slots not given again now, when it is the
 * intent they left; undefined otherwise. ResumeTask (a value said alone) is the intent left, with that value for
 * the slot it was asking for, or for one it already had (said again, it corrects it); values for other slots
 * are not carried over, since the task may have no slot of that name.
 */
export function resumedIntent(
  intent: LexV2ResultIntent,
  sessionAttributes: Record<string, string>,
  nowMs: number,
): LexV2ResultIntent | undefined {
  const kept = parseJsonWith(KeptIntentSchema, sessionAttributes[INTERRUPTED_INTENT_ATTRIBUTE]);
  if (!kept || !(nowMs - kept.at <= KEPT_FOR_MS)) return undefined;
  if (intent.name === RESUME_TASK_INTENT_NAME) return taskWithValueSaid(kept, intent);
  if (kept.intentName !== intent.name) return undefined;
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

/**
 * The task left, with its values and the one said now. ResumeTask's slots are named as the tasks' slots it gives
 * values to, so only those names pass: the attribute comes back from the client, and a name it made up must not
 * reach Lex as a slot of the task.
 */
function taskWithValueSaid(kept: KeptIntent, said: LexV2ResultIntent): LexV2ResultIntent {
  const task: LexV2ResultIntent = {
    name: kept.intentName,
    state: 'InProgress',
    confirmationState: 'None',
    slots: {},
  };
  const resumable = new Set(Object.keys(said.slots));
  const taskSlots = new Set([...Object.keys(kept.slots), ...(kept.slotName ? [kept.slotName] : [])]);
  const values = { ...kept.slots, ...filledSlotValues(said) };
  return Object.entries(values)
    .filter(([slotName]) => taskSlots.has(slotName) && resumable.has(slotName))
    .reduce((resumed, [slotName, value]) => withSlotValue(resumed, slotName, value), task);
}

/** The kept intent as the attribute holds it; anything else (a value a client set by hand) is nothing. */
const KeptIntentSchema = z.object({
  intentName: z.string().check(z.minLength(1), z.maxLength(100)),
  slotName: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  slots: z.record(z.string(), z.string().check(z.maxLength(1000))),
  at: z.number(),
});
type KeptIntent = z.infer<typeof KeptIntentSchema>;
