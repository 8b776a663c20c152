import { z } from 'zod';

/**
 * The subset of the Amazon Connect flow language that Parley's phone line uses, as zod schemas. Field names
 * and error types follow the Connect Administrator / Developer Guide action pages ("Flow language"); anything
 * outside the subset is rejected rather than passed through, so a typo cannot reach a deployment.
 */

export const FLOW_LANGUAGE_VERSION = '2019-10-30';

/** Connect's documented ceiling: "A single Flow may have no more than 250 Actions defined." */
export const MAX_FLOW_ACTIONS = 250;

const ActionId = z.string().min(1, 'must name an action');

/** "Any single JSONPath identifier that is valid for the flow data object", e.g. `$.Lex.IntentName`. */
const JsonPath = z.string().regex(/^\$\.\S+$/, 'must be a JSONPath such as $.Lex.IntentName');

const Prompt = z.string().trim().min(1, 'must not be empty');

/** Connect only supports Equals on Lex intents, and Parley needs nothing more on Compare. */
const EqualsCondition = z.strictObject({
  NextAction: ActionId,
  Condition: z.strictObject({
    Operator: z.literal('Equals'),
    Operands: z.tuple([z.string().min(1, 'must not be empty')]),
  }),
});
export type EqualsCondition = z.infer<typeof EqualsCondition>;

/**
 * The error branches an action declares. Each one must be handled exactly once: Connect refuses to import an
 * action with a required error missing, and an unhandled branch would leave the caller in silence.
 */
function handledErrors<const Types extends readonly [string, ...string[]]>(types: Types) {
  return z
    .array(z.strictObject({ NextAction: ActionId, ErrorType: z.enum(types) }))
    .superRefine((errors, context) => {
      for (const type of types) {
        const count = errors.filter((error) => error.ErrorType === type).length;
        if (count !== 1)
          context.addIssue({
            code: 'custom',
            message: count === 0 ? `no branch for error ${type}` : `error ${type} has ${count} branches`,
          });
      }
    });
}

function withNoMatchingError() {
  return z.strictObject({ NextAction: ActionId, Errors: handledErrors(['NoMatchingError']) });
}

/** Contact attribute keys may not contain `$` or `.`, which JSONPath reserves (Set contact attributes tips). */
const ContactAttributeKey = z.string().regex(/^[^$.]+$/, 'must not be empty or contain $ or .');

export const UpdateContactTextToSpeechVoice = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('UpdateContactTextToSpeechVoice'),
  Parameters: z.strictObject({
    TextToSpeechVoice: z.string().min(1),
    TextToSpeechEngine: z.enum(['Standard', 'Neural', 'Generative']),
    TextToSpeechStyle: z.enum(['None', 'Conversational', 'Newscaster']).optional(),
  }),
  Transitions: withNoMatchingError(),
});

/** Sets the contact's language, which a Lex V2 bot uses to pick its locale. */
export const UpdateContactData = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('UpdateContactData'),
  Parameters: z.strictObject({
    LanguageCode: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/, 'must look like en-US'),
    TargetContact: z.literal('Current'),
  }),
  Transitions: withNoMatchingError(),
});

export const UpdateContactAttributes = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('UpdateContactAttributes'),
  Parameters: z.strictObject({
    Attributes: z.record(ContactAttributeKey, z.string()),
    TargetContact: z.literal('Current'),
  }),
  Transitions: withNoMatchingError(),
});

export const MessageParticipant = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('MessageParticipant'),
  Parameters: z
    .strictObject({ Text: Prompt.optional(), SSML: Prompt.optional() })
    .refine((prompt) => (prompt.Text === undefined) !== (prompt.SSML === undefined), {
      message: 'needs exactly one of Text or SSML',
    }),
  Transitions: withNoMatchingError(),
});

export const ConnectParticipantWithLexBot = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('ConnectParticipantWithLexBot'),
  Parameters: z
    .strictObject({
      Text: Prompt.optional(),
      SSML: Prompt.optional(),
      LexV2Bot: z.strictObject({ AliasArn: z.string().min(1) }),
      LexSessionAttributes: z.record(z.string().min(1), z.string()).optional(),
    })
    .refine((prompt) => prompt.Text === undefined || prompt.SSML === undefined, {
      message: 'may have Text or SSML, not both',
    }),
  Transitions: z.strictObject({
    NextAction: ActionId,
    /** Operands are intent names of the bot. */
    Conditions: z.array(EqualsCondition).optional(),
    Errors: handledErrors(['InputTimeLimitExceeded', 'NoMatchingError', 'NoMatchingCondition']),
  }),
});

export const Compare = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('Compare'),
  Parameters: z.strictObject({ ComparisonValue: JsonPath }),
  Transitions: z.strictObject({
    NextAction: ActionId,
    Conditions: z.array(EqualsCondition).min(1, 'a Compare without conditions decides nothing'),
    Errors: handledErrors(['NoMatchingCondition']),
  }),
});

export const UpdateContactTargetQueue = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('UpdateContactTargetQueue'),
  Parameters: z.strictObject({ QueueId: z.string().min(1) }),
  Transitions: withNoMatchingError(),
});

/**
 * Success hands the contact to the queue and ends this flow; `NextAction` is only what the console writes
 * there (the error handler), so it is required like every other exit.
 */
export const TransferContactToQueue = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('TransferContactToQueue'),
  Parameters: z.strictObject({}),
  Transitions: z.strictObject({
    NextAction: ActionId,
    Errors: handledErrors(['QueueAtCapacity', 'NoMatchingError']),
  }),
});

export const DisconnectParticipant = z.strictObject({
  Identifier: ActionId,
  Type: z.literal('DisconnectParticipant'),
  Parameters: z.strictObject({}),
  Transitions: z.strictObject({}),
});

/** Each action type of the subset, by its `Type`. */
export const ACTION_SCHEMAS = {
  UpdateContactTextToSpeechVoice,
  UpdateContactData,
  UpdateContactAttributes,
  MessageParticipant,
  ConnectParticipantWithLexBot,
  Compare,
  UpdateContactTargetQueue,
  TransferContactToQueue,
  DisconnectParticipant,
} as const;
export type ActionType = keyof typeof ACTION_SCHEMAS;

export const FlowAction = z.discriminatedUnion('Type', [
  UpdateContactTextToSpeechVoice,
  UpdateContactData,
  UpdateContactAttributes,
  MessageParticipant,
  ConnectParticipantWithLexBot,
  Compare,
  UpdateContactTargetQueue,
  TransferContactToQueue,
  DisconnectParticipant,
]);
export type FlowAction = z.infer<typeof FlowAction>;
export type ActionOf<Type extends ActionType> = Extract<FlowAction, { Type: Type }>;

/** The envelope without the actions, so each action can be checked (and named in errors) on its own. */
export const FlowEnvelope = z.strictObject({
  Version: z.literal(FLOW_LANGUAGE_VERSION),
  StartAction: ActionId,
  /** Free-form ("An object that may be filled in with data as desired"); the flow designer keeps positions here. */
  Metadata: z.record(z.string(), z.unknown()).optional(),
  Actions: z.array(z.unknown()).min(1).max(MAX_FLOW_ACTIONS),
});

export const ContactFlow = FlowEnvelope.extend({
  Actions: z.array(FlowAction).min(1).max(MAX_FLOW_ACTIONS),
});
export type ContactFlow = z.infer<typeof ContactFlow>;

/** Where an action can go next, with the field that says so, e.g. `Transitions.Errors[1].NextAction`. */
export interface FlowTransition {
  field: string;
  target: string;
  /** The error a `Transitions.Errors[i]` branch handles; absent on `NextAction` and conditions. */
  errorType?: string;
}

export function transitionsOf(action: FlowAction): FlowTransition[] {
  if (action.Type === 'DisconnectParticipant') return [];
  const transitions: FlowTransition[] = [
    { field: 'Transitions.NextAction', target: action.Transitions.NextAction },
  ];
  if ('Conditions' in action.Transitions)
    (action.Transitions.Conditions ?? []).forEach((condition, index) =>
      transitions.push({
        field: `Transitions.Conditions[${index}].NextAction`,
        target: condition.NextAction,
      }),
    );
  action.Transitions.Errors.forEach((error, index) =>
    transitions.push({
      field: `Transitions.Errors[${index}].NextAction`,
      target: error.NextAction,
      errorType: error.ErrorType,
    }),
  );
  return transitions;
}
