import type { PromptAttempt } from '../../../bot-definitions/loader/schema';
import type { LocaleBundle, TurnInput } from './engine';
import type { HookSource } from './hook-exchange';
import type { LocaleDefinition } from './intent-definitions';
import type { DialogSession, WireIntent, WireInterpretation, WireSlots } from './state';

export interface HookEventParts {
  source: HookSource;
  intent: WireIntent;
  attempt: PromptAttempt;
  bundle: LocaleBundle;
  session: DialogSession;
  input: TurnInput;
  interpretations: readonly WireInterpretation[];
  /** The intent's slot values this turn's words spell out (see Turn.slotsSpelledOut). */
  resolvedSlots: WireSlots;
}

/** The Lex V2 code hook event (messageVersion 1.0) for one invocation. */
export function hookEvent(parts: HookEventParts): Record<string, unknown> {
  const { source, intent, attempt, bundle, session, input } = parts;
  const { definition } = bundle;
  const state = session.state;
  const eventIntent = {
    ...structuredClone(intent),
    slots: definition.completeSlots(intent.name, intent.slots),
  };
  const proposed =
    source === 'DialogCodeHook' ? proposedNextState(definition, eventIntent, attempt) : undefined;
  return {
    messageVersion: '1.0',
    invocationSource: source,
    inputMode: input.inputMode,
    responseContentType: input.responseContentType,
    sessionId: session.sessionId,
    inputTranscript: input.text,
    bot: {
      id: bundle.botId,
      name: bundle.botName,
      aliasId: input.alias.id,
      aliasName: input.alias.name,
      localeId: definition.localeId,
      version: 'DRAFT',
    },
    interpretations: parts.interpretations.map((interpretation) => ({
      intent: interpretation.intent,
      ...(interpretation.nluConfidence ? { nluConfidence: interpretation.nluConfidence.score } : {}),
      interpretationSource: interpretation.interpretationSource ?? 'Lex',
    })),
    ...(proposed ? { proposedNextState: proposed } : {}),
    requestAttributes: input.requestAttributes ?? {},
    sessionState: {
      sessionAttributes: { ...(state.sessionAttributes ?? {}) },
      activeContexts: structuredClone(state.activeContexts ?? []),
      intent: eventIntent,
      ...(state.originatingRequestId ? { originatingRequestId: state.originatingRequestId } : {}),
    },
    transcriptions: [
      {
        transcription: input.text,
        transcriptionConfidence: input.transcriptionConfidence ?? 1,
        resolvedContext: { intent: intent.name },
        resolvedSlots: parts.resolvedSlots,
      },
    ],
  };
}

/** What Lex would do next without the hook; sent only when that is eliciting a slot or confirming. */
function proposedNextState(definition: LocaleDefinition, intent: WireIntent, attempt: PromptAttempt) {
  const slot = definition.nextSlotToElicit(intent);
  if (slot) {
    return { dialogAction: { type: 'ElicitSlot', slotToElicit: slot.Name }, intent, prompt: { attempt } };
  }
  if (definition.confirmationActive(intent.name) && intent.confirmationState === 'None') {
    return { dialogAction: { type: 'ConfirmIntent' }, intent, prompt: { attempt } };
  }
  return undefined;
}
