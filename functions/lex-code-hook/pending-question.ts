import type { IntentResult } from './intents/intent-handler';
import type { LexV2ActiveContext, LexV2Event, LexV2Result, LexV2ResultIntent, LexV2Slot } from './lex-event';
import type { MessageCatalogue } from './messages';
import { elicitSlot } from './responses';

/**
 * Lex contexts that remember, for the next turn only, what the bot just asked, so a short reply ("yes",
 * "no") is read as an answer to it:
 * - AgentOffered: the reply offered a person ("Would you like me to connect you with an agent?"); the
 *   AcceptAgentOffer intent, eligible only while it is active, takes "yes please" to a hand-off.
 * - AnswerPending: the bot asked for a slot value; a lone "no" then is a misheard or confused answer, not a
 *   goodbye, and the same question is asked again (it never ends a call).
 * Contexts rather than session attributes because Lex expires them by itself after one turn, whichever path
 * that turn takes.
 */
export const AGENT_OFFERED_CONTEXT = 'AgentOffered';
/** The reply showed the opening of an article: "tell me more" (ShowAnswerDetails) shows the rest. */
export const DETAILS_OFFERED_CONTEXT = 'DetailsOffered';

export const ANSWER_PENDING_CONTEXT = 'AnswerPending';
/** The reply answered from the knowledge base: "what about the airport one?" next goes on with its topic. */
export const KNOWLEDGE_ANSWERED_CONTEXT = 'KnowledgeAnswered';

/** The catalogue's words for a slot's question, as its bot definition first asks it. */
export function slotPrompt(
  messages: MessageCatalogue,
  intentName: string,
  slotName: string,
): string | undefined {
  const prompts = messages.voice.slotPrompts;
  // Own keys only: a slot or intent named like an Object.prototype member must not find a function.
  const ofIntent = Object.hasOwn(prompts, intentName) ? prompts[intentName] : undefined;
  return ofIntent && Object.hasOwn(ofIntent, slotName) ? ofIntent[slotName] : undefined;
}

/**
 * What the bot said last, for "say that again": a one-turn context like the others, so it costs nothing to
 * the session attributes every channel carries and is gone after the next turn.
 */
export const LAST_REPLY_CONTEXT = 'LastReply';
/** One turn: the reply to the question, and nothing after. The seconds only bound a conversation left idle. */
const PENDING_TURNS = 1;
const PENDING_SECONDS = 300;

/** The question a slot prompt asked, enough to ask it again: the intent, the slot, the values given so far. */
export interface PendingSlot {
  intentName: string;
  slotName: string;
  /** Interpreted values of the intent's filled slots. */
  slots: Record<string, string>;
}

/** A reply with the contexts that say what it asked; the reply unchanged when it asked nothing. */
export function withPendingQuestion(event: LexV2Event, reply: IntentResult): IntentResult {
  const { offersAgent, offersDetails, ...result } = reply;
  const pending = pendingSlotOf(event, result);
  const added: LexV2ActiveContext[] = [
    ...(offersAgent ? [context(AGENT_OFFERED_CONTEXT, {})] : []),
    ...(offersDetails ? [context(DETAILS_OFFERED_CONTEXT, {})] : []),
    ...(answersFromKnowledge(result) ? [context(KNOWLEDGE_ANSWERED_CONTEXT, {})] : []),
    ...(pending
      ? [
          context(ANSWER_PENDING_CONTEXT, {
            intentName: pending.intentName,
            slotName: pending.slotName,
            slots: JSON.stringify(pending.slots),
          }),
        ]
      : []),
  ];
  return withContexts(event, result, added);
}

/** Whether the reply is an answer from the knowledge base (in full or its short form). */
export function answersFromKnowledge(result: IntentResult): boolean {
  return result.messageKind === 'answer' || result.messageKind === 'answerSummary';
}

/** Every context of this file: they live one turn, so one arriving in the event is never handed back. */
const ONE_TURN_CONTEXTS: ReadonlySet<string> = new Set([
  AGENT_OFFERED_CONTEXT,
  ANSWER_PENDING_CONTEXT,
  DETAILS_OFFERED_CONTEXT,
  KNOWLEDGE_ANSWERED_CONTEXT,
  LAST_REPLY_CONTEXT,
]);

/**
 * The result with `added` among its active contexts and those named in `dropped` gone. A hook that sets one
 * context must return them all (Lex replaces the list), so the event's other contexts are handed back as they
 * came; this file's own come only from this turn, since handing one back would give it another turn.
 */
export function withContexts<Result extends LexV2Result>(
  event: LexV2Event,
  result: Result,
  added: readonly LexV2ActiveContext[],
  dropped: readonly string[] = [],
): Result {
  if (added.length === 0 && dropped.length === 0) return result;
  const base =
    result.sessionState.activeContexts ??
    (event.sessionState.activeContexts ?? []).filter((active) => !ONE_TURN_CONTEXTS.has(active.name));
  const kept = base.filter(
    (active) => !dropped.includes(active.name) && !added.some((fresh) => fresh.name === active.name),
  );
  return { ...result, sessionState: { ...result.sessionState, activeContexts: [...kept, ...added] } };
}

export function isActive(event: LexV2Event, contextName: string): boolean {
  return (event.sessionState.activeContexts ?? []).some((active) => active.name === contextName);
}

/** The slot question asked in the previous turn, when that context is still active and readable. */
export function pendingSlot(event: LexV2Event): PendingSlot | undefined {
  const active = (event.sessionState.activeContexts ?? []).find((c) => c.name === ANSWER_PENDING_CONTEXT);
  if (!active) return undefined;
  const { intentName, slotName, slots } = active.contextAttributes;
  if (!intentName || !slotName) return undefined;
  return { intentName, slotName, slots: parseSlotValues(slots) };
}

/** The pending slot's intent, rebuilt with the values given so far, ready to be elicited again. */
export function pendingIntent(pending: PendingSlot): LexV2ResultIntent {
  const slots: Record<string, LexV2Slot | null> = {};
  for (const [name, value] of Object.entries(pending.slots)) {
    slots[name] = {
      shape: 'Scalar',
      value: { originalValue: value, interpretedValue: value, resolvedValues: [value] },
    };
  }
  return { name: pending.intentName, state: 'InProgress', confirmationState: 'None', slots };
}

/**
 * The slot question of the previous turn asked again after "Sorry, I didn't catch that", for a reply that
 * could not have answered it (a lone "no", words heard too unclearly) and took Lex to another intent.
 */
export function askPendingSlotAgain(
  pending: PendingSlot,
  messages: MessageCatalogue,
  sessionAttributes: Record<string, string>,
  lead: string = messages.repairs.notCaught,
): LexV2Result {
  const prompt = slotPrompt(messages, pending.intentName, pending.slotName);
  const message = [lead, prompt ?? ''].filter((part) => part !== '').join(' ');
  return elicitSlot(
    pendingIntent(pending),
    pending.slotName,
    message || messages.repairs.notCaught,
    sessionAttributes,
  );
}

const LAST_REPLY_TEXT = 'text';
/** Long enough for any reply a channel shows whole. */
const LAST_REPLY_MAX_LENGTH = 1000;

/** The reply, with its words kept in the LastReply context for the next turn. */
export function rememberReply(event: LexV2Event, result: IntentResult): IntentResult {
  const said = (result.messages ?? [])
    .flatMap((message) => (message.contentType === 'PlainText' ? [message.content] : []))
    .join(' ')
    .trim();
  if (said === '') return result;
  const remembered = context(LAST_REPLY_CONTEXT, { [LAST_REPLY_TEXT]: said.slice(0, LAST_REPLY_MAX_LENGTH) });
  return withContexts(event, result, [remembered]);
}

/** The bot's previous reply, while its LastReply context is active. */
export function lastReply(event: LexV2Event): string | undefined {
  const active = (event.sessionState.activeContexts ?? []).find((c) => c.name === LAST_REPLY_CONTEXT);
  return active?.contextAttributes[LAST_REPLY_TEXT]?.trim() || undefined;
}

function pendingSlotOf(event: LexV2Event, result: LexV2Result): PendingSlot | undefined {
  const action = result.sessionState.dialogAction;
  const proposed = event.proposedNextState;
  const [intent, slotName] =
    action.type === 'ElicitSlot'
      ? [result.sessionState.intent, action.slotToElicit]
      : action.type === 'Delegate' && proposed?.dialogAction.type === 'ElicitSlot'
        ? [result.sessionState.intent ?? proposed.intent, proposed.dialogAction.slotToElicit]
        : [undefined, undefined];
  if (!intent || !slotName) return undefined;
  return { intentName: intent.name, slotName, slots: filledSlotValues(intent) };
}

/** The interpreted values of an intent's filled slots, by slot name. */
export function filledSlotValues(intent: {
  slots?: Record<string, LexV2Slot | null>;
}): Record<string, string> {
  const slots: Record<string, string> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    const value = slot?.value?.interpretedValue;
    if (value) slots[name] = value;
  }
  return slots;
}

function parseSlotValues(text: string | undefined): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function context(name: string, contextAttributes: Record<string, string>): LexV2ActiveContext {
  return {
    name,
    timeToLive: { timeToLiveInSeconds: PENDING_SECONDS, turnsToLive: PENDING_TURNS },
    contextAttributes,
  };
}
