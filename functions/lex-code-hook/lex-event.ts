import { z } from 'zod';

/**
 * The Lex V2 code hook contract (spec lex-v2.md §2): the event Lex sends and the result it accepts.
 * Lex may add fields without changing `messageVersion`, so every object is loose (unknown keys pass
 * through untouched), while the fields Parley relies on stay required.
 */

const SlotValueSchema = z.looseObject({
  originalValue: z.string().optional(),
  /** Null when Lex could not settle on one value (AMAZON.Time "at 10" gives 10:00 and 22:00). */
  interpretedValue: z.string().nullable(),
  resolvedValues: z.array(z.string()).optional(),
});
export type LexV2SlotValue = z.infer<typeof SlotValueSchema>;

export interface LexV2Slot {
  shape?: 'Scalar' | 'List' | 'Composite' | undefined;
  value?: LexV2SlotValue | undefined;
  values?: LexV2Slot[] | undefined;
  subSlots?: Record<string, LexV2Slot | null> | undefined;
  [unknownField: string]: unknown;
}
const SlotSchema: z.ZodType<LexV2Slot> = z.lazy(() =>
  z.looseObject({
    shape: z.enum(['Scalar', 'List', 'Composite']).optional(),
    value: SlotValueSchema.optional(),
    values: z.array(SlotSchema).optional(),
    subSlots: z.record(z.string(), SlotSchema.nullable()).optional(),
  }),
);

/** Lex's own rule for slot names (CreateSlot `slotName`): no event from Lex carries any other. */
const SlotNameSchema = z.string().regex(/^([0-9a-zA-Z][_-]?){1,100}$/, 'must be a Lex slot name');
const SlotsSchema = z.record(SlotNameSchema, SlotSchema.nullable());
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
  name: z.string().min(1),
  state: IntentStateSchema,
  confirmationState: ConfirmationStateSchema,
  slots: SlotsSchema,
});
export type LexV2Intent = z.infer<typeof IntentSchema>;

/** Interpretations list alternatives, so Lex sends only what it knows about each one. */
const InterpretedIntentSchema = z.looseObject({
  name: z.string().min(1),
  state: IntentStateSchema.optional(),
  confirmationState: ConfirmationStateSchema.optional(),
  slots: SlotsSchema.optional(),
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
  slotToElicit: z.string().optional(),
  slotElicitationStyle: z.enum(['Default', 'SpellByLetter', 'SpellByWord']).optional(),
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
  sessionId: z.string().min(1),
  inputTranscript: z.string(),
  rawInputTranscript: z.string().optional(),
  invocationLabel: z.string().optional(),
  bot: z.looseObject({
    id: z.string(),
    name: z.string(),
    aliasId: z.string(),
    aliasName: z.string().optional(),
    localeId: z.string(),
    version: z.string(),
  }),
  interpretations: z.array(
    z.looseObject({
      intent: InterpretedIntentSchema,
      /** A bare number here, unlike the `{score}` object of the runtime API. */
      nluConfidence: z.number().optional(),
      interpretationSource: z.string().optional(),
    }),
  ),
  /** Only on DialogCodeHook invocations: what Lex will do next if the hook delegates. */
  proposedNextState: z
    .looseObject({
      dialogAction: EventDialogActionSchema,
      intent: InterpretedIntentSchema,
      prompt: z.looseObject({ attempt: z.string() }).optional(),
    })
    .optional(),
  requestAttributes: z.record(z.string(), z.string()).optional(),
  sessionState: z.looseObject({
    sessionAttributes: z.record(z.string(), z.string()).optional(),
    activeContexts: z.array(ActiveContextSchema).optional(),
    dialogAction: EventDialogActionSchema.optional(),
    intent: IntentSchema,
    originatingRequestId: z.string().optional(),
  }),
  transcriptions: z
    .array(
      z.looseObject({
        transcription: z.string(),
        transcriptionConfidence: z.number().optional(),
        /** Slot values Lex read in this transcription, for the intent it resolved to. */
        resolvedSlots: z.record(SlotNameSchema, SlotSchema.nullable()).optional(),
      }),
    )
    .optional(),
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
    /** Required for every dialog action except Delegate and ElicitIntent (spec §2.2). */
    intent?: LexV2ResultIntent;
    /** Replaces the stored map, so hooks always return the whole map. */
    sessionAttributes?: Record<string, string>;
    activeContexts?: LexV2ActiveContext[];
  };
  messages?: LexV2Message[];
  requestAttributes?: Record<string, string>;
}
