import { z } from 'zod';
import type { Message, SessionKey, SessionState } from '../runtime/types';

const stringMap = z.record(z.string(), z.string());

/** Lex counts lengths in UTF-16 code units (JS `.length`); zod's own min()/max() count code points. */
function boundedString(min: number, max: number) {
  return z.string().superRefine((value, ctx) => {
    if (value.length < min) {
      ctx.addIssue({ code: 'too_small', origin: 'string', minimum: min, inclusive: true, input: value });
    } else if (value.length > max) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: value });
    }
  });
}

/** Model strings with a minimum length and no maximum. */
const nonEmptyString = z.string().min(1);

function atMostEntries(limit: number) {
  return (map: Record<string, unknown>): boolean => Object.keys(map).length <= limit;
}

/** Path labels. botId and botAliasId also accept the bot's and alias's names: the runtime resolves both. */
export const sessionKeySchema = z.object({
  botId: boundedString(1, 100).regex(/^[0-9a-zA-Z_-]+$/),
  botAliasId: boundedString(1, 100).regex(/^[0-9a-zA-Z_-]+$/),
  localeId: boundedString(1, 100).regex(/^[0-9a-zA-Z_-]+$/),
  sessionId: boundedString(2, 100).regex(/^[0-9a-zA-Z._:-]+$/),
}) satisfies z.ZodType<SessionKey>;

const valueSchema = z.object({
  interpretedValue: z.string(),
  originalValue: z.string().optional(),
  resolvedValues: z.array(z.string()).optional(),
});

/** The wire form of a slot: unlike the SDK's type, slot maps carry JSON null for unfilled slots. */
interface WireSlot {
  value?: z.infer<typeof valueSchema>;
  shape?: 'Scalar' | 'List' | 'Composite';
  values?: WireSlot[];
  subSlots?: Record<string, WireSlot | null>;
}

const slotSchema: z.ZodType<WireSlot> = z.lazy(() =>
  z.object({
    value: valueSchema.optional(),
    shape: z.enum(['Scalar', 'List', 'Composite']).optional(),
    values: z.array(slotSchema).optional(),
    subSlots: z.record(z.string(), slotSchema.nullable()).optional(),
  }),
);

interface WireElicitSubSlot {
  name: string;
  subSlotToElicit?: WireElicitSubSlot;
}

const elicitSubSlotSchema: z.ZodType<WireElicitSubSlot> = z.lazy(() =>
  z.object({ name: nonEmptyString, subSlotToElicit: elicitSubSlotSchema.optional() }),
);

const dialogActionSchema = z.object({
  type: z.enum(['Close', 'ConfirmIntent', 'Delegate', 'ElicitIntent', 'ElicitSlot', 'None']),
  slotToElicit: nonEmptyString.optional(),
  slotElicitationStyle: z.enum(['Default', 'SpellByLetter', 'SpellByWord']).optional(),
  subSlotToElicit: elicitSubSlotSchema.optional(),
});

const intentSchema = z.object({
  name: nonEmptyString,
  slots: z.record(z.string(), slotSchema.nullable()).optional(),
  state: z
    .enum(['Failed', 'Fulfilled', 'InProgress', 'ReadyForFulfillment', 'Waiting', 'FulfillmentInProgress'])
    .optional(),
  confirmationState: z.enum(['Confirmed', 'Denied', 'None']).optional(),
});

const activeContextSchema = z.object({
  name: boundedString(1, 100).regex(/^([A-Za-z0-9]_?)+$/),
  timeToLive: z.object({
    timeToLiveInSeconds: z.number().int().min(5).max(86400),
    turnsToLive: z.number().int().min(1).max(20),
  }),
  contextAttributes: z
    .record(boundedString(1, 100), boundedString(1, 1024))
    .refine(atMostEntries(10), { message: 'must have length less than or equal to 10' }),
});

interface WireRuntimeHintDetails {
  runtimeHintValues?: { phrase: string }[];
  subSlotHints?: Record<string, WireRuntimeHintDetails>;
}

const runtimeHintDetailsSchema: z.ZodType<WireRuntimeHintDetails> = z.lazy(() =>
  z.object({
    runtimeHintValues: z
      .array(z.object({ phrase: boundedString(1, 140) }))
      .min(1)
      .max(100)
      .optional(),
    subSlotHints: z.record(z.string(), runtimeHintDetailsSchema).optional(),
  }),
);

const runtimeHintsSchema = z.object({
  slotHints: z.record(z.string(), z.record(z.string(), runtimeHintDetailsSchema)).optional(),
});

const sessionStateWireSchema = z.object({
  dialogAction: dialogActionSchema.optional(),
  intent: intentSchema.optional(),
  activeContexts: z.array(activeContextSchema).max(20).optional(),
  sessionAttributes: stringMap.optional(),
  originatingRequestId: nonEmptyString.optional(),
  runtimeHints: runtimeHintsSchema.optional(),
});

/**
 * The only place the wire's slot nulls meet the SDK's SessionState type, which omits them although the SDK
 * itself passes them through; the runtime treats a null slot as unfilled.
 */
export const sessionStateSchema: z.ZodType<SessionState> = sessionStateWireSchema.transform(
  (state) => state as SessionState,
);

const buttonSchema = z.object({ text: boundedString(1, 50), value: boundedString(1, 50) });

const imageResponseCardSchema = z.object({
  title: boundedString(1, 250),
  subtitle: boundedString(1, 250).optional(),
  imageUrl: boundedString(1, 250).optional(),
  buttons: z.array(buttonSchema).max(5).optional(),
});

const messageSchema = z
  .object({
    contentType: z.enum(['PlainText', 'ImageResponseCard', 'SSML', 'CustomPayload']),
    content: boundedString(1, 1024).optional(),
    imageResponseCard: imageResponseCardSchema.optional(),
  })
  .superRefine((message, ctx) => {
    const isCard = message.contentType === 'ImageResponseCard';
    if (isCard && !message.imageResponseCard) {
      ctx.addIssue({
        code: 'custom',
        path: ['imageResponseCard'],
        message: 'must not be null for ImageResponseCard',
      });
    }
    if (!isCard && message.content === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: `must not be null for ${message.contentType}`,
      });
    }
  }) satisfies z.ZodType<Message>;

export const requestAttributesSchema = stringMap;

export const recognizeTextBodySchema = z.object({
  text: boundedString(1, 1024),
  sessionState: sessionStateSchema.optional(),
  requestAttributes: requestAttributesSchema.optional(),
});

export const putSessionBodySchema = z.object({
  sessionState: sessionStateSchema,
  messages: z.array(messageSchema).max(10).optional(),
  requestAttributes: requestAttributesSchema.optional(),
});

/** RecognizeUtterance text arrives as the raw body, so it gets the same limits as RecognizeText's `text`. */
export const utteranceTextSchema = boundedString(1, 1024);
