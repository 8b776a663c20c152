import { z } from 'zod';
import {
  FLOW_LANGUAGE_VERSION,
  type ActionOf,
  type ContactFlow,
  type EqualsCondition,
  type FlowAction,
} from './flow-language';
import { designerMetadata } from './layout';
import { LINE_LOCALE_SETTINGS, LINE_LOCALES } from './line-locales';
import { ILLEGAL_XML_CHARACTER, sentencesToSsml } from './prompt-ssml';
import {
  CALLER_ID_PATH,
  DEFAULT_VOICE_INPUT,
  HANDOFF_ATTRIBUTES,
  lexSessionAttributePath,
  PHONE_LINE_ATTRIBUTES,
  voiceInputAttributes,
} from './session-attributes';

/** The intent whose branch goes straight to an agent; the code hook also sets the hand-off marker for it. */
export const TALK_TO_AGENT_INTENT = 'TalkToAgent';

/** The contact attribute that tells the agent (and contact records) why the bot handed the call over. */
export const HANDOFF_REASON_CONTACT_ATTRIBUTE = 'parleyHandoffReason';

/** The identifier of every action, so tests and dashboards can name them. */
export const FLOW_ACTION_IDS = {
  setVoice: 'set-voice',
  setLanguage: 'set-language',
  greetAndListen: 'greet-and-listen',
  listenAgain: 'listen-again',
  checkEndCall: 'check-end-call',
  checkHandoff: 'check-handoff',
  recordHandoffReason: 'record-handoff-reason',
  setAgentQueue: 'set-agent-queue',
  transferToAgent: 'transfer-to-agent',
  apologiseNoInput: 'apologise-no-input',
  apologiseTechnicalError: 'apologise-technical-error',
  apologiseAgentsBusy: 'apologise-agents-busy',
  apologiseTransferFailed: 'apologise-transfer-failed',
  hangUp: 'hang-up',
} as const;
const ids = FLOW_ACTION_IDS;

/**
 * `${...}` is how a deploy-time value reaches the JSON: a CloudFormation `Fn::Sub` variable or a CDK token
 * (`${Token[...]}`), resolved when the stack deploys.
 */
const DEPLOY_TIME_REFERENCE = /^\$\{[^{}]+\}$/;
const LEX_BOT_ALIAS_ARN =
  /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9A-Za-z]{10}\/[0-9A-Za-z]{10}$/;
const CONNECT_QUEUE_ARN =
  /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]{36}\/queue\/[0-9a-f-]{36}$/;

function arnOrReference(pattern: RegExp, example: string) {
  return z.string().refine((value) => pattern.test(value) || DEPLOY_TIME_REFERENCE.test(value), {
    message: `must be an ARN like ${example} or a deploy-time reference like \${Name}`,
  });
}

const ContactFlowOptionsSchema = z.strictObject({
  localeId: z.enum(LINE_LOCALES),
  botAliasArn: arnOrReference(
    LEX_BOT_ALIAS_ARN,
    'arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIASID123',
  ),
  queueArn: arnOrReference(
    CONNECT_QUEUE_ARN,
    'arn:aws:connect:us-east-1:111122223333:instance/<instance-id>/queue/<queue-id>',
  ),
  /** Sentences replacing the locale's default greeting, e.g. to name the business. */
  greeting: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .refine((sentence) => !ILLEGAL_XML_CHARACTER.test(sentence), 'contains a character XML cannot carry'),
    )
    .min(1)
    .optional(),
  voiceInput: z
    .strictObject({
      startTimeoutMs: z.number().int().positive(),
      endTimeoutMs: z.number().int().positive(),
      allowInterrupt: z.boolean(),
    })
    .default(DEFAULT_VOICE_INPUT),
});
export type ContactFlowOptions = z.input<typeof ContactFlowOptionsSchema>;

/**
 * Parley's inbound phone line for one locale, in the Connect flow language: set the voice and the contact
 * language (which picks the Lex locale), greet, then let the Lex bot alias run the conversation. After each
 * intent the bot closes, the flow hangs up if the bot marked `parley:endCall` (the bot has said goodbye),
 * transfers to the agent queue on `TalkToAgent` or the hand-off marker, and otherwise listens again. Every
 * failure ends with an apology.
 */
export function buildContactFlow(options: ContactFlowOptions): ContactFlow {
  const parsed = ContactFlowOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`contact flow options are invalid: ${z.prettifyError(parsed.error)}`);
  const { localeId, botAliasArn, queueArn, greeting, voiceInput } = parsed.data;
  const line = LINE_LOCALE_SETTINGS[localeId];
  const prompts = { ...line.prompts, greeting: greeting ?? line.prompts.greeting };

  const lexSessionAttributes = {
    [PHONE_LINE_ATTRIBUTES.customerPhoneNumber]: CALLER_ID_PATH,
    ...voiceInputAttributes(voiceInput),
  };
  const listen = (id: string, sentences: readonly string[]): ActionOf<'ConnectParticipantWithLexBot'> => ({
    Identifier: id,
    Type: 'ConnectParticipantWithLexBot',
    Parameters: {
      SSML: sentencesToSsml(sentences),
      LexV2Bot: { AliasArn: botAliasArn },
      LexSessionAttributes: lexSessionAttributes,
    },
    Transitions: {
      NextAction: ids.checkEndCall,
      Conditions: [equals(TALK_TO_AGENT_INTENT, ids.recordHandoffReason)],
      Errors: [
        { NextAction: ids.checkEndCall, ErrorType: 'NoMatchingCondition' },
        { NextAction: ids.apologiseNoInput, ErrorType: 'InputTimeLimitExceeded' },
        { NextAction: ids.apologiseTechnicalError, ErrorType: 'NoMatchingError' },
      ],
    },
  });
  const say = (id: string, sentences: readonly string[]): ActionOf<'MessageParticipant'> => ({
    Identifier: id,
    Type: 'MessageParticipant',
    Parameters: { SSML: sentencesToSsml(sentences) },
    Transitions: {
      NextAction: ids.hangUp,
      Errors: [{ NextAction: ids.hangUp, ErrorType: 'NoMatchingError' }],
    },
  });

  const actions: FlowAction[] = [
    {
      Identifier: ids.setVoice,
      Type: 'UpdateContactTextToSpeechVoice',
      Parameters: {
        TextToSpeechVoice: line.voice.voiceId,
        TextToSpeechEngine: line.voice.engine,
        TextToSpeechStyle: 'None',
      },
      // Without it only the flow's own prompts change voice (Connect's default reads them), so the call goes on.
      Transitions: onSuccessOrError(ids.setLanguage),
    },
    {
      Identifier: ids.setLanguage,
      Type: 'UpdateContactData',
      Parameters: { LanguageCode: line.languageCode, TargetContact: 'Current' },
      // If the language cannot be set, the Lex block fails on a locale mismatch and takes its own error path.
      Transitions: onSuccessOrError(ids.greetAndListen),
    },
    listen(ids.greetAndListen, prompts.greeting),
    listen(ids.listenAgain, prompts.anythingElse),
    // The bot has just said its own goodbye on the turn that set the marker; a second one from the flow
    // would make the caller hear goodbye twice.
    compareLexAttribute(
      ids.checkEndCall,
      PHONE_LINE_ATTRIBUTES.endCall,
      'true',
      ids.hangUp,
      ids.checkHandoff,
    ),
    compareLexAttribute(
      ids.checkHandoff,
      HANDOFF_ATTRIBUTES.target,
      'agent',
      ids.recordHandoffReason,
      ids.listenAgain,
    ),
    {
      Identifier: ids.recordHandoffReason,
      Type: 'UpdateContactAttributes',
      Parameters: {
        Attributes: {
          [HANDOFF_REASON_CONTACT_ATTRIBUTE]: lexSessionAttributePath(HANDOFF_ATTRIBUTES.reason),
        },
        TargetContact: 'Current',
      },
      // The reason only informs the agent; the caller still gets one.
      Transitions: onSuccessOrError(ids.setAgentQueue),
    },
    {
      Identifier: ids.setAgentQueue,
      Type: 'UpdateContactTargetQueue',
      Parameters: { QueueId: queueArn },
      Transitions: {
        NextAction: ids.transferToAgent,
        Errors: [{ NextAction: ids.apologiseTransferFailed, ErrorType: 'NoMatchingError' }],
      },
    },
    {
      Identifier: ids.transferToAgent,
      Type: 'TransferContactToQueue',
      Parameters: {},
      Transitions: {
        NextAction: ids.apologiseTransferFailed,
        Errors: [
          { NextAction: ids.apologiseAgentsBusy, ErrorType: 'QueueAtCapacity' },
          { NextAction: ids.apologiseTransferFailed, ErrorType: 'NoMatchingError' },
        ],
      },
    },
    say(ids.apologiseNoInput, prompts.noInput),
    say(ids.apologiseTechnicalError, prompts.technicalError),
    say(ids.apologiseAgentsBusy, prompts.agentsBusy),
    say(ids.apologiseTransferFailed, prompts.transferFailed),
    { Identifier: ids.hangUp, Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ];

  return {
    Version: FLOW_LANGUAGE_VERSION,
    StartAction: ids.setVoice,
    Metadata: designerMetadata(ids.setVoice, actions),
    Actions: actions,
  };
}

/** The flow as `AWS::Connect::ContactFlow` `Content` wants it: one JSON string. */
export function renderContactFlowContent(options: ContactFlowOptions): string {
  return JSON.stringify(buildContactFlow(options));
}

function equals(operand: string, nextAction: string): EqualsCondition {
  return { NextAction: nextAction, Condition: { Operator: 'Equals', Operands: [operand] } };
}

function onSuccessOrError(nextAction: string) {
  return {
    NextAction: nextAction,
    Errors: [{ NextAction: nextAction, ErrorType: 'NoMatchingError' as const }],
  };
}

/** Branches on one Lex session attribute; an absent attribute matches no condition and takes `otherwise`. */
function compareLexAttribute(
  id: string,
  key: string,
  value: string,
  whenEqual: string,
  otherwise: string,
): ActionOf<'Compare'> {
  return {
    Identifier: id,
    Type: 'Compare',
    Parameters: { ComparisonValue: lexSessionAttributePath(key) },
    Transitions: {
      NextAction: otherwise,
      Conditions: [equals(value, whenEqual)],
      Errors: [{ NextAction: otherwise, ErrorType: 'NoMatchingCondition' }],
    },
  };
}
