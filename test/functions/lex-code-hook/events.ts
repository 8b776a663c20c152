import type {
  LexV2ConfirmationState,
  LexV2Event,
  LexV2InvocationSource,
  LexV2Slot,
  LexV2Slots,
} from '../../../functions/lex-code-hook/lex-event';

/** Slots of each intent as the bot defines them; Lex always sends every slot, null when empty. */
export const INTENT_SLOTS: Readonly<Record<string, readonly string[]>> = {
  CheckOrderStatus: ['OrderNumber'],
  OrderStatusFollowUp: ['OrderNumber'],
  StoreHours: ['Location', 'Day', 'OpenAt'],
  StoreHoursFollowUp: ['Location', 'Day', 'OpenAt'],
  ResetPassword: ['Email'],
  BookCallback: ['CallbackDate', 'CallbackTime', 'PhoneNumber'],
  TalkToAgent: [],
  AcceptAgentOffer: [],
  AnswerNotHelpful: [],
  SendAnswerDetails: ['PhoneNumber'],
  ShowAnswerDetails: [],
  EndConversation: [],
  Welcome: [],
  RepeatLastReply: [],
  ResumeTask: ['CallbackDate', 'CallbackTime', 'PhoneNumber', 'Email'],
  FallbackIntent: [],
};

/** A slot Lex resolved to one value. */
export function slot(interpretedValue: string, originalValue = interpretedValue): LexV2Slot {
  return { shape: 'Scalar', value: { originalValue, interpretedValue, resolvedValues: [interpretedValue] } };
}

/** A slot Lex could not settle (AMAZON.Time "at 10"). */
export function ambiguousSlot(originalValue: string, resolvedValues: string[]): LexV2Slot {
  return { shape: 'Scalar', value: { originalValue, interpretedValue: null, resolvedValues } };
}

export interface EventOptions {
  intent: string;
  source?: LexV2InvocationSource;
  localeId?: string;
  slots?: Record<string, LexV2Slot | null>;
  confirmationState?: LexV2ConfirmationState;
  sessionAttributes?: Record<string, string>;
  sessionId?: string;
  originatingRequestId?: string;
  inputTranscript?: string;
  inputMode?: LexV2Event['inputMode'];
}

/** An event shaped like the ones Lex V2 sends (spec lex-v2.md §2.1). */
export function lexEvent(options: EventOptions): LexV2Event {
  const source = options.source ?? 'FulfillmentCodeHook';
  const slots: LexV2Slots = Object.fromEntries(
    (INTENT_SLOTS[options.intent] ?? []).map((name) => [name, null]),
  );
  Object.assign(slots, options.slots);
  const intent = {
    name: options.intent,
    state: source === 'FulfillmentCodeHook' ? ('ReadyForFulfillment' as const) : ('InProgress' as const),
    confirmationState: options.confirmationState ?? 'None',
    slots,
  };
  const transcript = options.inputTranscript ?? 'hello';
  const firstEmptySlot = Object.entries(slots).find(([, value]) => value === null)?.[0];
  return {
    messageVersion: '1.0',
    invocationSource: source,
    inputMode: options.inputMode ?? 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: options.sessionId ?? 'session-1',
    inputTranscript: transcript,
    bot: {
      id: 'RETAILBOT1',
      name: 'RetailSupportBot',
      aliasId: 'TSTALIASID',
      aliasName: 'TestBotAlias',
      localeId: options.localeId ?? 'en_US',
      version: 'DRAFT',
    },
    interpretations: [
      { intent, nluConfidence: 0.92, interpretationSource: 'Lex' },
      { intent: { name: 'FallbackIntent', slots: {}, state: 'InProgress', confirmationState: 'None' } },
    ],
    ...(source === 'DialogCodeHook'
      ? {
          proposedNextState: {
            dialogAction: firstEmptySlot
              ? { type: 'ElicitSlot', slotToElicit: firstEmptySlot }
              : { type: 'Delegate' },
            intent,
            prompt: { attempt: 'Initial' },
          },
        }
      : {}),
    requestAttributes: {},
    sessionState: {
      sessionAttributes: options.sessionAttributes ?? {},
      activeContexts: [],
      intent,
      originatingRequestId: options.originatingRequestId ?? 'request-1',
    },
    transcriptions: [{ transcription: transcript, transcriptionConfidence: 1 }],
  };
}
