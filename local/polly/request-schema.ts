import { Engine, LanguageCode, OutputFormat, SpeechMarkType, TextType, VoiceId } from '@aws-sdk/client-polly';
import { z } from 'zod';

/*
 * SynthesizeSpeech and DescribeVoices inputs with the enums of the Polly service model, taken from the SDK so
 * they stay the model's: an unknown VoiceId is a ValidationException listing the enum, as Polly answers it.
 * Structures drop unknown members, as the service does.
 */

const values = <T extends Record<string, string>>(enumObject: T) =>
  Object.values(enumObject) as [T[keyof T], ...T[keyof T][]];

export const ENGINES = values(Engine);
export const LANGUAGE_CODES = values(LanguageCode);
export const OUTPUT_FORMATS = values(OutputFormat);
export const SPEECH_MARK_TYPES = values(SpeechMarkType);
export const VOICE_IDS = values(VoiceId);

export type PollyEngine = (typeof ENGINES)[number];
export type PollyLanguageCode = (typeof LANGUAGE_CODES)[number];
export type PollyOutputFormat = (typeof OUTPUT_FORMATS)[number];
export type PollySpeechMarkType = (typeof SPEECH_MARK_TYPES)[number];
export type PollyVoiceId = (typeof VOICE_IDS)[number];

/** LexiconNameList in the model: at most 5 names of 1-20 letters and digits. */
const lexiconNameSchema = z.string().regex(/^[0-9A-Za-z]{1,20}$/);

export const synthesizeSpeechBodySchema = z.object({
  Engine: z.enum(ENGINES).optional(),
  LanguageCode: z.enum(LANGUAGE_CODES).optional(),
  LexiconNames: z.array(lexiconNameSchema).max(5).optional(),
  OutputFormat: z.enum(OUTPUT_FORMATS),
  /** A string on the wire ("16000"); which values are valid depends on the format, so it is checked later. */
  SampleRate: z.string().optional(),
  SpeechMarkTypes: z.array(z.enum(SPEECH_MARK_TYPES)).max(4).optional(),
  Text: z.string(),
  TextType: z.enum(values(TextType)).optional(),
  VoiceId: z.enum(VOICE_IDS),
});
export type SynthesizeSpeechBody = z.infer<typeof synthesizeSpeechBodySchema>;

/** DescribeVoices takes query parameters only; the SDK writes the boolean as "true" or "false". */
export const describeVoicesQuerySchema = z.object({
  Engine: z.enum(ENGINES).optional(),
  LanguageCode: z.enum(LANGUAGE_CODES).optional(),
  IncludeAdditionalLanguageCodes: z
    .enum(['true', 'false'])
    .transform((flag) => flag === 'true')
    .optional(),
  NextToken: z.string().max(4096).optional(),
});
export type DescribeVoicesQuery = z.infer<typeof describeVoicesQuerySchema>;
