import {
  CALLER_NUMBER_ATTRIBUTE,
  END_CALL_ATTRIBUTE,
  HANDOFF_ATTRIBUTES,
} from '../../functions/shared/channel-attributes';

export { HANDOFF_ATTRIBUTES };

/**
 * Lex session attributes the phone line exchanges with the bot, besides the hand-off marker. The keys are the
 * ones the code hook uses (functions/shared/channel-attributes.ts), so the flow and the bot cannot drift apart.
 */
export const PHONE_LINE_ATTRIBUTES = {
  /** Set by the flow from the caller id: the bot offers to text the number the customer is calling from. */
  customerPhoneNumber: CALLER_NUMBER_ATTRIBUTE,
  /** `"true"` once the bot has ended the conversation (a goodbye, repeated silence): the flow hangs up. */
  endCall: END_CALL_ATTRIBUTE,
} as const;

/** The caller id in the flow's contact data ("Customer number" in Connect's attribute list). */
export const CALLER_ID_PATH = '$.CustomerEndpoint.Address';

/**
 * The JSONPath of a Lex session attribute after a Get customer input block. Parley's keys contain `:`, so they
 * are written in the bracket form Connect documents for names with special characters.
 */
export function lexSessionAttributePath(key: string): string {
  return `$.Lex.SessionAttributes.['${key}']`;
}

/** How Lex listens on the phone, per Lex V2 "Configuring timeouts for capturing user input". */
export interface VoiceInputSettings {
  /** How long Lex waits for the caller to start speaking. */
  startTimeoutMs: number;
  /** The trailing silence that ends an utterance. */
  endTimeoutMs: number;
  /** Whether the caller can talk over a prompt (barge-in). */
  allowInterrupt: boolean;
}

/**
 * Explicit values, because the documented defaults disagree (4000 ms start timeout in the Lex guide, 3000 in
 * Connect's) and a phone line should not depend on which one applies.
 */
export const DEFAULT_VOICE_INPUT: VoiceInputSettings = {
  startTimeoutMs: 4000,
  endTimeoutMs: 800,
  allowInterrupt: true,
};

/** The `x-amz-lex:` attributes for every intent and slot (`*:*`); attributes the code hook sets win over these. */
export function voiceInputAttributes(settings: VoiceInputSettings): Record<string, string> {
  return {
    'x-amz-lex:audio:start-timeout-ms:*:*': String(settings.startTimeoutMs),
    'x-amz-lex:audio:end-timeout-ms:*:*': String(settings.endTimeoutMs),
    'x-amz-lex:allow-interrupt:*:*': String(settings.allowInterrupt),
  };
}
