import * as z from 'zod/mini';

/**
 * The Lex V2 code hook contract (spec lex-v2.md §2): the event Lex sends and the result it accepts.
 * Lex may add fields without changing `messageVersion`, so every object is loose (unknown keys pass
 * through untouched), while the fields Parley relies on stay required.
 */

const SlotValueSchema = z.looseObject({
  originalValue: z.optional(z.string()),
  /** Null when Lex could not settle on one value (AMAZON.Time "at 10" gives 10:00 and 22:00). */
  interpretedValue: z.nullable(z.string()),
  resolvedValues: z.optional(z.array(z.string())),
});
export type LexV2SlotValue = z.infer<typeof SlotValueSchema>;

export interface LexV2Slot {
  shape?: 'Scalar' | 'List' | 'Composite' | undefined;
  value?: LexV2SlotValue | undefined;
  values?: LexV2Slot[] | undefined;
  subSlots?: Record<string, LexV2Slot | null> | undefined;
  [unknownField: string]: unknown;
}
const SlotSchema: z.ZodMiniType<LexV2Slot> = z.lazy(() =>
  z.looseObject({
    shape: z.optional(z.enum(['Scalar', 'List', 'Composite'])),
    value: z.optional(SlotValueSchema),
    values: z.optional(z.array(SlotSchema)),
    subSlots: z.optional(z.record(z.string(), z.nullable(SlotSchema))),
  }),
);

/** Lex's own rule for slot names (CreateSlot `slotName`): no event from Lex carries any other. */
const SlotNameSchema = z.string().check(z.regex(/^([0-9a-zA-Z][_-]?){1,100}$/, 'must be a Lex slot name'));
const SlotsSchema = z.record(SlotNameSchema, z.nullable(SlotSchema));
export type LexV2Slots = z.infer<typeof SlotsSchema>;

const IntentStateSchema = z.enum([
  'Failed',
  'Fulfilled',
  'FulfillmentInProgress',
  'InProgress',
  'ReadyForFulfillment',
  'Waiting',
]);
export type LexV2IntentState = z.infer<typeof IntentStateSchema>;

const ConfirmationStateSchema = z.enum(['Confirmed', 'Denied', 'None']);
export type LexV2ConfirmationState = z.infer<typeof ConfirmationStateSchema>;

const IntentSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  state: IntentStateSchema,
  confirmationState: ConfirmationStateSchema,
  slots: SlotsSchema,
});
export type LexV2Intent = z.infer<typeof IntentSchema>;

/** Interpretations list alternatives, so Lex sends only what it knows about each one. */
const InterpretedIntentSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  state: z.optional(IntentStateSchema),
  confirmationState: z.optional(ConfirmationStateSchema),
  slots: z.optional(SlotsSchema),
});

const DialogActionTypeSchema = z.enum([
  'Close',
  'ConfirmIntent',
  'Delegate',
  'ElicitIntent',
  'ElicitSlot',
  'None',
]);

const EventDialogActionSchema = z.looseObject({
  type: DialogActionTypeSchema,
  slotToElicit: z.optional(z.string()),
  slotElicitationStyle: z.optional(z.enum(['Default', 'SpellByLetter', 'SpellByWord'])),
});

const ActiveContextSchema = z.looseObject({
  name: z.string(),
  timeToLive: z.looseObject({ timeToLiveInSeconds: z.number(), turnsToLive: z.number() }),
  contextAttributes: z.record(z.string(), z.string()),
});
export type LexV2ActiveContext = z.infer<typeof ActiveContextSchema>;

const InvocationSourceSchema = z.enum(['DialogCodeHook', 'FulfillmentCodeHook']);
export type LexV2InvocationSource = z.infer<typeof InvocationSourceSchema>;

export const LexV2EventSchema = z.looseObject({
  messageVersion: z.string(),
  invocationSource: InvocationSourceSchema,
  inputMode: z.enum(['Text', 'Speech', 'DTMF']),
  responseContentType: z.string(),
  sessionId: z.string().check(z.minLength(1)),
  inputTranscript: z.string(),
  rawInputTranscript: z.optional(z.string()),
  invocationLabel: z.optional(z.string()),
  bot: z.looseObject({
    id: z.string(),
    name: z.string(),
    aliasId: z.string(),
    aliasName: z.optional(z.string()),
    localeId: z.string(),
    version: z.string(),
  }),
  interpretations: z.array(
    z.looseObject({
      intent: InterpretedIntentSchema,
      /** A bare number here, unlike the `{score}` object of the runtime API. */
      nluConfidence: z.optional(z.number()),
      interpretationSource: z.optional(z.string()),
    }),
  ),
  /** Only on DialogCodeHook invocations: what Lex will do next if the hook delegates. */
  proposedNextState: z.optional(
    z.looseObject({
      dialogAction: EventDialogActionSchema,
      intent: InterpretedIntentSchema,
      prompt: z.optional(z.looseObject({ attempt: z.string() })),
    }),
  ),
  requestAttributes: z.optional(z.record(z.string(), z.string())),
  sessionState: z.looseObject({
    sessionAttributes: z.optional(z.record(z.string(), z.string())),
    activeContexts: z.optional(z.array(ActiveContextSchema)),
    dialogAction: z.optional(EventDialogActionSchema),
    intent: IntentSchema,
    originatingRequestId: z.optional(z.string()),
  }),
  transcriptions: z.optional(
    z.array(
      z.looseObject({
        transcription: z.string(),
        transcriptionConfidence: z.optional(z.number()),
        /** Slot values Lex read in this transcription, for the intent it resolved to. */
        resolvedSlots: z.optional(z.record(SlotNameSchema, z.nullable(SlotSchema))),
      }),
    ),
  ),
});
export type LexV2Event = z.infer<typeof LexV2EventSchema>;

export type LexV2TextMessage = { contentType: 'PlainText' | 'SSML' | 'CustomPayload'; content: string };
export interface LexV2ImageResponseCard {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  buttons?: { text: string; value: string }[];
}
export type LexV2Message =
  LexV2TextMessage | { contentType: 'ImageResponseCard'; imageResponseCard: LexV2ImageResponseCard };

export type LexV2DialogAction =
  | { type: 'Close' | 'ConfirmIntent' | 'Delegate' | 'ElicitIntent' }
  | {
      type: 'ElicitSlot';
      slotToElicit: string;
      slotElicitationStyle?: 'Default' | 'SpellByLetter' | 'SpellByWord';
    };

/** The intent a hook hands back; Lex wants it whole, so slots are always echoed. */
export interface LexV2ResultIntent {
  name: string;
  state: LexV2IntentState;
  confirmationState: LexV2ConfirmationState;
  slots: LexV2Slots;
}

export interface LexV2Result {
  sessionState: {
    dialogAction: LexV2DialogAction;
    /** Required for every dialog action except Delegate and ElicitIntent. */
    intent?: LexV2ResultIntent;
    /** Replaces the stored map, so hooks always return the whole map. */
    sessionAttributes?: Record<string, string>;
    activeContexts?: LexV2ActiveContext[];
  };
  messages?: LexV2Message[];
  requestAttributes?: Record<string, string>;
}
