import { z } from 'zod';

/**
 * The subset of `AWS::Lex::Bot` properties that Parley supports, with the CloudFormation names and limits.
 * Objects are strict because CloudFormation rejects unknown keys (additionalProperties: false); failing
 * here, offline, is cheaper than failing in a deployment.
 */

const text = (max: number) => z.string().min(1).max(max);
const BotName = z
  .string()
  .max(100)
  .regex(/^([0-9a-zA-Z][_-]?)+$/, 'must match ^([0-9a-zA-Z][_-]?)+$');

const PlainTextMessage = z.strictObject({ Value: text(1000) });
const Button = z.strictObject({ Text: text(50), Value: text(50) });
const ImageResponseCard = z.strictObject({
  Title: text(250),
  Subtitle: text(250).optional(),
  ImageUrl: text(250).optional(),
  Buttons: z.array(Button).max(5).optional(),
});

export const Message = z
  .strictObject({
    PlainTextMessage: PlainTextMessage.optional(),
    SSMLMessage: PlainTextMessage.optional(),
    CustomPayload: PlainTextMessage.optional(),
    ImageResponseCard: ImageResponseCard.optional(),
  })
  .refine(
    (m) =>
      [m.PlainTextMessage, m.SSMLMessage, m.CustomPayload, m.ImageResponseCard].filter((x) => x !== undefined)
        .length === 1,
    'a Message sets exactly one of PlainTextMessage, SSMLMessage, CustomPayload, ImageResponseCard',
  );
export type Message = z.infer<typeof Message>;

export const MessageGroup = z.strictObject({
  Message,
  Variations: z.array(Message).max(2).optional(),
});
export type MessageGroup = z.infer<typeof MessageGroup>;

const MessageGroupsList = z.array(MessageGroup).min(1).max(5);

export const ResponseSpecification = z.strictObject({
  MessageGroupsList,
  AllowInterrupt: z.boolean().optional(),
});
export type ResponseSpecification = z.infer<typeof ResponseSpecification>;

const DTMFSpecification = z.strictObject({
  MaxLength: z.number().int().min(1).max(1024),
  EndTimeoutMs: z.number().int().min(1),
  DeletionCharacter: z.string().regex(/^[A-D0-9#*]{1}$/),
  EndCharacter: z.string().regex(/^[A-D0-9#*]{1}$/),
});
const AudioSpecification = z.strictObject({
  MaxLengthMs: z.number().int().min(1),
  EndTimeoutMs: z.number().int().min(1),
});
const PromptAttemptSpecification = z.strictObject({
  AllowedInputTypes: z.strictObject({ AllowAudioInput: z.boolean(), AllowDTMFInput: z.boolean() }),
  AllowInterrupt: z.boolean().optional(),
  AudioAndDTMFInputSpecification: z
    .strictObject({
      StartTimeoutMs: z.number().int().min(1),
      AudioSpecification: AudioSpecification.optional(),
      DTMFSpecification: DTMFSpecification.optional(),
    })
    .optional(),
  TextInputSpecification: z.strictObject({ StartTimeoutMs: z.number().int().min(1) }).optional(),
});
export const PromptAttempt = z.enum(['Initial', 'Retry1', 'Retry2', 'Retry3', 'Retry4', 'Retry5']);
export type PromptAttempt = z.infer<typeof PromptAttempt>;

export const PromptSpecification = z.strictObject({
  MessageGroupsList,
  MaxRetries: z.number().int().min(0).max(5),
  AllowInterrupt: z.boolean().optional(),
  MessageSelectionStrategy: z.enum(['Random', 'Ordered']).optional(),
  PromptAttemptsSpecification: z.partialRecord(PromptAttempt, PromptAttemptSpecification).optional(),
});
export type PromptSpecification = z.infer<typeof PromptSpecification>;

export const DialogActionType = z.enum([
  'CloseIntent',
  'ConfirmIntent',
  'ElicitIntent',
  'ElicitSlot',
  'EndConversation',
  'EvaluateConditional',
  'FulfillIntent',
  'InvokeDialogCodeHook',
  'StartIntent',
]);
export const DialogState = z.strictObject({
  DialogAction: z
    .strictObject({
      Type: DialogActionType,
      SlotToElicit: z.string().optional(),
      SuppressNextMessage: z.boolean().optional(),
    })
    .optional(),
  Intent: z.strictObject({ Name: z.string().optional(), Slots: z.array(z.unknown()).optional() }).optional(),
  SessionAttributes: z.array(z.strictObject({ Key: z.string(), Value: z.string() })).optional(),
});
export type DialogState = z.infer<typeof DialogState>;

const SlotCaptureSetting = z.strictObject({
  CaptureResponse: ResponseSpecification.optional(),
  CaptureNextStep: DialogState.optional(),
  FailureResponse: ResponseSpecification.optional(),
  FailureNextStep: DialogState.optional(),
});

export const SlotSampleUtterance = z.strictObject({ Utterance: text(500) });

export const Slot = z.strictObject({
  Name: BotName,
  Description: z.string().max(200).optional(),
  SlotTypeName: z.string().min(1),
  ValueElicitationSetting: z.strictObject({
    SlotConstraint: z.enum(['Required', 'Optional']),
    PromptSpecification: PromptSpecification.optional(),
    DefaultValueSpecification: z
      .strictObject({ DefaultValueList: z.array(z.strictObject({ DefaultValue: text(202) })).max(10) })
      .optional(),
    SampleUtterances: z.array(SlotSampleUtterance).optional(),
    SlotCaptureSetting: SlotCaptureSetting.optional(),
  }),
  MultipleValuesSetting: z.strictObject({ AllowMultipleValues: z.boolean() }).optional(),
  ObfuscationSetting: z
    .strictObject({ ObfuscationSettingType: z.enum(['None', 'DefaultObfuscation']) })
    .optional(),
});
export type Slot = z.infer<typeof Slot>;

const CodeHookToggle = z.strictObject({ Enabled: z.boolean() });

export const Intent = z.strictObject({
  Name: BotName,
  Description: z.string().max(200).optional(),
  ParentIntentSignature: z.string().optional(),
  SampleUtterances: z
    .array(z.strictObject({ Utterance: text(500) }))
    .max(1500)
    .optional(),
  Slots: z.array(Slot).max(100).optional(),
  SlotPriorities: z
    .array(z.strictObject({ Priority: z.number().int().min(0).max(100), SlotName: z.string() }))
    .optional(),
  DialogCodeHook: CodeHookToggle.optional(),
  FulfillmentCodeHook: z
    .strictObject({
      Enabled: z.boolean(),
      IsActive: z.boolean().optional(),
      PostFulfillmentStatusSpecification: z
        .strictObject({
          SuccessResponse: ResponseSpecification.optional(),
          FailureResponse: ResponseSpecification.optional(),
          TimeoutResponse: ResponseSpecification.optional(),
        })
        .optional(),
    })
    .optional(),
  InitialResponseSetting: z
    .strictObject({
      InitialResponse: ResponseSpecification.optional(),
      NextStep: DialogState.optional(),
      CodeHook: z
        .strictObject({
          EnableCodeHookInvocation: z.boolean(),
          IsActive: z.boolean(),
          PostCodeHookSpecification: z.record(z.string(), z.unknown()),
          InvocationLabel: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  IntentConfirmationSetting: z
    .strictObject({
      PromptSpecification,
      DeclinationResponse: ResponseSpecification.optional(),
      ConfirmationResponse: ResponseSpecification.optional(),
      FailureResponse: ResponseSpecification.optional(),
      IsActive: z.boolean().optional(),
      // The dialog code hook on confirmation retries: an answer that is neither yes nor no ("actually, make it
      // 4:30") reaches the hook, which may take it as a correction, instead of only the retry prompt.
      ElicitationCodeHook: z
        .strictObject({
          EnableCodeHookInvocation: z.boolean(),
          InvocationLabel: z
            .string()
            .regex(/^([0-9a-zA-Z][_-]?){1,100}$/)
            .optional(),
        })
        .optional(),
    })
    .optional(),
  IntentClosingSetting: z
    .strictObject({
      ClosingResponse: ResponseSpecification.optional(),
      IsActive: z.boolean().optional(),
      NextStep: DialogState.optional(),
    })
    .optional(),
  InputContexts: z
    .array(z.strictObject({ Name: z.string() }))
    .max(5)
    .optional(),
  OutputContexts: z
    .array(
      z.strictObject({
        Name: z.string().regex(/^([A-Za-z0-9]_?)+$/),
        TimeToLiveInSeconds: z.number().int().min(5).max(86400),
        TurnsToLive: z.number().int().min(1).max(20),
      }),
    )
    .max(10)
    .optional(),
});
export type Intent = z.infer<typeof Intent>;

export const SlotTypeValue = z.strictObject({
  SampleValue: z.strictObject({ Value: text(140) }),
  Synonyms: z.array(z.strictObject({ Value: text(140) })).optional(),
});
export type SlotTypeValue = z.infer<typeof SlotTypeValue>;

export const SlotType = z.strictObject({
  Name: BotName,
  Description: z.string().max(200).optional(),
  ParentSlotTypeSignature: z.string().optional(),
  SlotTypeValues: z.array(SlotTypeValue).max(10000).optional(),
  ValueSelectionSetting: z
    .strictObject({
      ResolutionStrategy: z.enum(['ORIGINAL_VALUE', 'TOP_RESOLUTION', 'CONCATENATION']),
      RegexFilter: z.strictObject({ Pattern: z.string().min(1).max(300) }).optional(),
    })
    .optional(),
});
export type SlotType = z.infer<typeof SlotType>;

export const VoiceEngine = z.enum(['standard', 'neural', 'long-form', 'generative']);
export const BotLocale = z.strictObject({
  LocaleId: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/, 'must look like en_US'),
  Description: z.string().max(200).optional(),
  NluConfidenceThreshold: z.number().min(0).max(1),
  VoiceSettings: z.strictObject({ VoiceId: z.string().min(1), Engine: VoiceEngine.optional() }).optional(),
  Intents: z.array(Intent).max(1000).optional(),
  SlotTypes: z.array(SlotType).max(250).optional(),
});
export type BotLocale = z.infer<typeof BotLocale>;

/** `AWS::Lex::Bot` Properties minus RoleArn and TestBotAliasSettings, which the infra injects. */
export const BotDefinition = z.strictObject({
  Name: BotName,
  Description: z.string().max(2000).optional(),
  DataPrivacy: z.strictObject({ ChildDirected: z.boolean() }),
  IdleSessionTTLInSeconds: z.number().int().min(60).max(86400),
  AutoBuildBotLocales: z.boolean().optional(),
  BotLocales: z.array(BotLocale).min(1),
  BotTags: z.array(z.strictObject({ Key: z.string(), Value: z.string() })).optional(),
});
export type BotDefinition = z.infer<typeof BotDefinition>;

/** Emulator-only settings, kept apart from what CloudFormation receives. */
export const LocalSettings = z.strictObject({
  BotId: z.string().regex(/^[0-9a-zA-Z]{10}$/, 'must be exactly 10 letters or digits, like a real bot id'),
  BotAliasId: z
    .string()
    .regex(/^[0-9a-zA-Z]{10}$/, 'must be exactly 10 letters or digits, like a real alias id'),
  BotAliasName: z.string().min(1),
  /**
   * The alias for channels that authenticate staff (Slack): the code hook gives staff-only articles to text
   * conversations on it, and the stack tells the hook its name as a deployment does (STAFF_BOT_ALIAS_NAME).
   */
  StaffAlias: z
    .strictObject({
      BotAliasId: z
        .string()
        .regex(/^[0-9a-zA-Z]{10}$/, 'must be exactly 10 letters or digits, like a real alias id'),
      BotAliasName: z.string().regex(/^([0-9a-zA-Z][_-]?){1,100}$/, 'must be a Lex bot alias name'),
    })
    .optional(),
  CodeHook: z.strictObject({
    Module: z.string().min(1),
    Export: z.string().min(1).default('handler'),
    TimeoutSeconds: z.number().positive().max(900).default(30),
  }),
});
export type LocalSettings = z.infer<typeof LocalSettings>;
