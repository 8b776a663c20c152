import type { IntentResult } from '../intents/intent-handler';
import type { LexV2Event, LexV2Result, LexV2ResultIntent } from '../lex-event';
import type { MessageCatalogue } from '../messages';
import { askPendingSlotAgain, pendingSlot, slotPrompt } from '../pending-question';
import { close, confirmIntent, elicitIntent, elicitSlot } from '../responses';
import { END_CALL_ATTRIBUTE } from '../../shared/channel-attributes';

/** Consecutive turns in which the caller said nothing; gone after any turn with words or keys in it. */
export const SILENT_TURNS_ATTRIBUTE = 'parley:silentTurns';

/**
 * Two repeats give a caller with a bad line or a muted phone a fair chance; a third silence means nobody is
 * listening any more, and an open line only costs the caller and the contact centre.
 */
export const MAX_SILENT_TURNS = 3;

/** Lex routes input it cannot match here; a silence with no question pending arrives as this intent. */
const FALLBACK_INTENT = 'FallbackIntent';

/**
 * A call turn in which the caller said and keyed nothing: Lex hands the hook an empty transcript when the
 * start timeout passes. Only dialog turns and the fallback count: a fulfilment is never triggered by silence.
 * Typed input is never "no input" (an empty chat message is the chat's business).
 */
export function isNoInput(event: LexV2Event): boolean {
  const listening =
    event.invocationSource === 'DialogCodeHook' || event.sessionState.intent.name === FALLBACK_INTENT;
  return event.inputMode !== 'Text' && listening && event.inputTranscript.trim() === '';
}

/**
 * The reply to a silence: the pending question again, after a short apology, and the silence counted. The
 * third silence in a row closes with a goodbye and asks the contact flow to hang up.
 */
export function replyToSilence(
  event: LexV2Event,
  intent: LexV2ResultIntent,
  sessionAttributes: Record<string, string>,
  messages: MessageCatalogue,
): IntentResult {
  const silentTurns = silentTurnsSoFar(sessionAttributes) + 1;
  const attributes = { ...sessionAttributes, [SILENT_TURNS_ATTRIBUTE]: String(silentTurns) };
  const pending = pendingQuestion(event);
  const { voice } = messages;
  if (silentTurns >= MAX_SILENT_TURNS) {
    // A question left unanswered is a task left undone; with none pending, the call simply ended.
    const state = pending.kind === 'none' ? 'Fulfilled' : 'Failed';
    return close(intent, state, voice.goodbye, { ...attributes, [END_CALL_ATTRIBUTE]: 'true' });
  }
  return askAgain(pending, intent, voice.noInput, attributes, messages);
}

/**
 * The confidence of what the caller said, from Lex's top transcription; undefined for typed or keyed input,
 * a silence, or an event without one. Lex leaves acting on it to the code hook ("Using transcription
 * confidence scores" in the Lex V2 guide).
 */
export function speechConfidence(event: LexV2Event): number | undefined {
  if (event.inputMode !== 'Speech' || event.inputTranscript.trim() === '') return undefined;
  return event.transcriptions?.[0]?.transcriptionConfidence;
}

/**
 * The reply to words heard too unclearly to act on: "sorry, I didn't catch that" and the pending question
 * again, or an invitation to say what they need. Unlike a silence it is not counted toward hanging up.
 */
export function replyToUnclearSpeech(
  event: LexV2Event,
  intent: LexV2ResultIntent,
  sessionAttributes: Record<string, string>,
  messages: MessageCatalogue,
): IntentResult {
  const pending = pendingQuestion(event);
  // Unclear words can still take Lex out of the intent that asked (to "goodbye", say): that question stands.
  const left = pending.kind === 'none' ? pendingSlot(event) : undefined;
  if (left) return askPendingSlotAgain(left, messages, sessionAttributes);
  return askAgain(pending, intent, messages.repairs.notCaught, sessionAttributes, messages);
}

/** The pending question again after `lead` (an apology), or what the caller needs when nothing is pending. */
function askAgain(
  pending: PendingQuestion,
  intent: LexV2ResultIntent,
  lead: string,
  attributes: Record<string, string>,
  messages: MessageCatalogue,
): LexV2Result {
  const { voice } = messages;
  switch (pending.kind) {
    case 'slot': {
      const prompt = slotPrompt(messages, intent.name, pending.slot);
      return prompt
        ? elicitSlot(intent, pending.slot, `${lead} ${prompt}`, attributes)
        : repeatBotPrompt(intent, pending.slot, attributes);
    }
    case 'confirmation':
      return confirmIntent(intent, `${lead} ${voice.yesOrNo}`, attributes);
    case 'none':
      return elicitIntent(`${lead} ${voice.howCanIHelp}`, attributes);
  }
}

/**
 * A reply's attributes once the caller has been heard: the silence marks the turn came in with are dropped,
 * so the count starts again, while a mark the intent set this turn (the end of the call after a goodbye)
 * stays. A mark the reply merely echoes has the event's value; the flow hangs up on the turn that sets
 * `END_CALL_ATTRIBUTE`, so no turn arrives with it already set.
 */
export function afterHeardInput(
  replyAttributes: Record<string, string>,
  eventAttributes: Record<string, string>,
): Record<string, string> {
  const heard = { ...replyAttributes };
  for (const mark of [SILENT_TURNS_ATTRIBUTE, END_CALL_ATTRIBUTE]) {
    if (heard[mark] === eventAttributes[mark]) delete heard[mark];
  }
  return heard;
}

type PendingQuestion = { kind: 'slot'; slot: string } | { kind: 'confirmation' } | { kind: 'none' };

/** What Lex was waiting for: the step it proposes to repeat for the intent in progress, if any. */
function pendingQuestion(event: LexV2Event): PendingQuestion {
  const intentName = event.sessionState.intent.name;
  const proposed = event.proposedNextState;
  const action =
    proposed && proposed.intent.name === intentName ? proposed.dialogAction : event.sessionState.dialogAction;
  if (intentName === FALLBACK_INTENT || !action) return { kind: 'none' };
  const slot = action.type === 'ElicitSlot' ? action.slotToElicit : undefined;
  if (slot !== undefined && Object.hasOwn(event.sessionState.intent.slots, slot))
    return { kind: 'slot', slot };
  if (action.type === 'ConfirmIntent') return { kind: 'confirmation' };
  return { kind: 'none' };
}

function silentTurnsSoFar(sessionAttributes: Record<string, string>): number {
  const stored = sessionAttributes[SILENT_TURNS_ATTRIBUTE];
  return stored !== undefined && /^\d{1,3}$/.test(stored) ? Number(stored) : 0;
}

/** Without words for the slot's question, Lex asks it with the bot definition's own prompt. */
function repeatBotPrompt(
  intent: LexV2ResultIntent,
  slotName: string,
  sessionAttributes: Record<string, string>,
): LexV2Result {
  return {
    sessionState: {
      dialogAction: { type: 'ElicitSlot', slotToElicit: slotName },
      intent: { ...intent, state: 'InProgress' },
      sessionAttributes,
    },
  };
}
