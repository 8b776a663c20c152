import { z } from 'zod';
import type { BotLocale } from '../../../bot-definitions/loader/schema';
import type { WireIntent, WireMessage, WireSessionState } from './state';
import { issueList } from '../../../functions/shared/zod-issues';

/**
 * What Lex V2 accepts back from a code hook (spec lex-v2.md §2.2). Lex rejects a response that breaks these
 * rules with DependencyFailedException; checking them here keeps the emulator as strict as the service,
 * so a hook bug shows up offline rather than on the phone line.
 */

const ValueSchema = z.looseObject({
  originalValue: z.string().optional(),
  interpretedValue: z.string().nullable(),
  resolvedValues: z.array(z.string()).optional(),
});

type SlotInput = {
  value?: z.infer<typeof ValueSchema>;
  shape?: 'Scalar' | 'List' | 'Composite';
  values?: SlotInput[];
  subSlots?: Record<string, SlotInput | null>;
};
const SlotSchema: z.ZodType<SlotInput> = z.lazy(() =>
  z.looseObject({
    value: ValueSchema.optional(),
    shape: z.enum(['Scalar', 'List', 'Composite']).optional(),
    values: z.array(SlotSchema).optional(),
    subSlots: z.record(z.string(), SlotSchema.nullable()).optional(),
  }),
);

const IntentSchema = z.looseObject({
  name: z.string().min(1),
  state: z.enum([
    'Failed',
    'Fulfilled',
    'InProgress',
    'ReadyForFulfillment',
    'Waiting',
    'FulfillmentInProgress',
  ]),
  confirmationState: z.enum(['Confirmed', 'Denied', 'None']).optional(),
  slots: z.record(z.string(), SlotSchema.nullable()).optional(),
});

const ButtonSchema = z.looseObject({ text: z.string().min(1).max(50), value: z.string().min(1).max(50) });
const MessageSchema = z
  .looseObject({
    contentType: z.enum(['PlainText', 'SSML', 'CustomPayload', 'ImageResponseCard']),
    content: z.string().min(1).max(1024).optional(),
    imageResponseCard: z
      .looseObject({
        title: z.string().min(1).max(250),
        subtitle: z.string().min(1).max(250).optional(),
        imageUrl: z.string().min(1).max(250).optional(),
        buttons: z.array(ButtonSchema).max(5).optional(),
      })
      .optional(),
  })
  .refine(
    (m) =>
      m.contentType === 'ImageResponseCard' ? m.imageResponseCard !== undefined : m.content !== undefined,
    {
      message:
        'content is required for PlainText, SSML and CustomPayload; imageResponseCard for ImageResponseCard',
    },
  );

const ActiveContextSchema = z.looseObject({
  name: z
    .string()
    .regex(/^([A-Za-z0-9]_?)+$/)
    .max(100),
  timeToLive: z.looseObject({
    timeToLiveInSeconds: z.number().int().min(5).max(86400),
    turnsToLive: z.number().int().min(1).max(20),
  }),
  contextAttributes: z.record(z.string(), z.string()),
});

const HookResponseSchema = z.looseObject({
  sessionState: z.looseObject({
    dialogAction: z.looseObject({
      type: z.enum(['Close', 'ConfirmIntent', 'Delegate', 'ElicitIntent', 'ElicitSlot']),
      slotToElicit: z.string().optional(),
      slotElicitationStyle: z.enum(['Default', 'SpellByLetter', 'SpellByWord']).optional(),
    }),
    intent: IntentSchema.optional(),
    sessionAttributes: z.record(z.string(), z.string()).optional(),
    activeContexts: z.array(ActiveContextSchema).max(20).optional(),
  }),
  messages: z.array(MessageSchema).max(10).optional(),
  requestAttributes: z.record(z.string(), z.string()).optional(),
});

export interface HookResponse {
  sessionState: WireSessionState & { dialogAction: NonNullable<WireSessionState['dialogAction']> };
  messages?: WireMessage[];
  requestAttributes?: Record<string, string>;
}

export type HookResponseCheck = { ok: true; response: HookResponse } | { ok: false; reason: string };

export function checkHookResponse(raw: unknown, locale: BotLocale): HookResponseCheck {
  const parsed = HookResponseSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: issueList(parsed.error.issues, { whole: '(response)' }) };
  }
  const response = parsed.data as unknown as HookResponse;
  const { dialogAction, intent } = response.sessionState;
  const problem = ruleViolation(
    dialogAction.type,
    dialogAction.slotToElicit,
    intent,
    response.messages,
    locale,
  );
  return problem ? { ok: false, reason: problem } : { ok: true, response };
}

function ruleViolation(
  type: string,
  slotToElicit: string | undefined,
  intent: WireIntent | undefined,
  messages: WireMessage[] | undefined,
  locale: BotLocale,
): string | undefined {
  const needsIntent = type !== 'Delegate' && type !== 'ElicitIntent';
  if (needsIntent && !intent) return `sessionState.intent is required when dialogAction.type is ${type}`;
  if (intent) {
    const definition = locale.Intents?.find((i) => i.Name === intent.name);
    if (!definition)
      return `sessionState.intent.name "${intent.name}" is not an intent of locale ${locale.LocaleId}`;
    const declared = new Set((definition.Slots ?? []).map((s) => s.Name));
    const unknown = Object.keys(intent.slots ?? {}).find((name) => !declared.has(name));
    if (unknown) return `sessionState.intent.slots.${unknown} is not a slot of intent ${intent.name}`;
    if (intent.state === 'ReadyForFulfillment' && type !== 'Delegate') {
      return 'intent state ReadyForFulfillment is only valid with dialogAction type Delegate';
    }
    if (type === 'ElicitSlot' && slotToElicit && !declared.has(slotToElicit)) {
      return `dialogAction.slotToElicit "${slotToElicit}" is not a slot of intent ${intent.name}`;
    }
  }
  if (type === 'ElicitSlot' && !slotToElicit) return 'dialogAction.slotToElicit is required for ElicitSlot';
  if (type === 'ElicitIntent' && !messages?.length)
    return 'messages are required when dialogAction.type is ElicitIntent';
  if (type === 'ConfirmIntent' && !messages?.length) {
    const definition = locale.Intents?.find((i) => i.Name === intent?.name);
    if (!definition?.IntentConfirmationSetting) {
      return `messages are required for ConfirmIntent: intent ${intent?.name} has no confirmation prompt`;
    }
  }
  return undefined;
}
