import type { PollyEngine, PollyLanguageCode, PollyVoiceId } from './request-schema';

/**
 * The languages the local Polly can speak, with the espeak-ng voice that speaks each. Voices are typed by
 * these, so a Polly voice whose language espeak-ng does not speak here cannot be listed.
 */
const SPOKEN_LANGUAGES = {
  'en-US': { name: 'US English', espeakVoice: 'en-us' },
  'es-US': { name: 'US Spanish', espeakVoice: 'es-419' },
} as const satisfies Partial<Record<PollyLanguageCode, { name: string; espeakVoice: string }>>;

export type SpokenLanguageCode = keyof typeof SPOKEN_LANGUAGES;

export interface CatalogueVoice {
  id: PollyVoiceId;
  /** Polly's display name, which may carry accents the id drops (Penélope). */
  name: string;
  gender: 'Female' | 'Male';
  languageCode: SpokenLanguageCode;
  /** Other languages a bilingual voice speaks fluently; selected with SynthesizeSpeech's LanguageCode. */
  additionalLanguageCodes: readonly SpokenLanguageCode[];
  supportedEngines: readonly PollyEngine[];
  /** An espeak-ng variant, so that voices sound different from one another and female voices sound female. */
  espeakVariant: string;
}

/** A Voice as DescribeVoices returns it. */
export interface VoiceDescription {
  Gender: 'Female' | 'Male';
  Id: PollyVoiceId;
  LanguageCode: PollyLanguageCode;
  LanguageName: string;
  Name: string;
  AdditionalLanguageCodes?: PollyLanguageCode[];
  SupportedEngines: PollyEngine[];
}

/*
 * Polly's US English and US Spanish voices. Checked against stored public copies (November 2026):
 * - Danielle, Gregory and Ruth offer long-form and neural, and Ruth and Matthew generative too (aws.amazon.com
 *   Polly features page); Danielle generative appears as a documented third-party voice id
 *   ("amazon.Danielle:generative:en-US").
 * - Kevin is neural only (Polly developer guide, "Neural TTS": "The Kevin voice is only supported ... when
 *   using NTTS").
 * - Ivy, Joanna, Kendra, Kimberly, Salli and Joey neural + standard; Lupe neural + standard, Penélope and
 *   Miguel standard only, Pedro neural (a 2023 DescribeVoices dump in an Amazon-copyrighted sample; its display
 *   names and LanguageName values "US English" and "US Spanish" are copied here).
 * Not confirmed: that dump and the stored standard-voices page list neither Justin nor Matthew as standard
 * (and the dump lists Kevin as standard), contradicting the Neural TTS page and current integrations that use
 * Matthew standard; both are kept standard + neural here. Generative for Joanna, Salli, Stephen, Lupe and Pedro
 * is from the Polly generative voice list as remembered, not re-read. Patrick (long-form) is left out: the
 * installed SDK's VoiceId enum does not have it.
 */
export const VOICE_CATALOGUE: readonly CatalogueVoice[] = [
  voice('Danielle', 'Female', 'en-US', ['generative', 'long-form', 'neural'], 'f2'),
  voice('Gregory', 'Male', 'en-US', ['long-form', 'neural'], 'm2'),
  voice('Ivy', 'Female', 'en-US', ['neural', 'standard'], 'Annie'),
  voice('Joanna', 'Female', 'en-US', ['generative', 'neural', 'standard'], 'f3'),
  voice('Kendra', 'Female', 'en-US', ['neural', 'standard'], 'f4'),
  voice('Kimberly', 'Female', 'en-US', ['neural', 'standard'], 'f5'),
  voice('Salli', 'Female', 'en-US', ['generative', 'neural', 'standard'], 'linda'),
  voice('Joey', 'Male', 'en-US', ['neural', 'standard'], 'm3'),
  voice('Justin', 'Male', 'en-US', ['neural', 'standard'], 'Andy'),
  voice('Kevin', 'Male', 'en-US', ['neural'], 'Alex'),
  voice('Matthew', 'Male', 'en-US', ['generative', 'neural', 'standard'], 'm1'),
  voice('Ruth', 'Female', 'en-US', ['generative', 'long-form', 'neural'], 'steph'),
  voice('Stephen', 'Male', 'en-US', ['generative', 'neural'], 'm4'),
  voice('Lupe', 'Female', 'es-US', ['generative', 'neural', 'standard'], 'f3'),
  { ...voice('Penelope', 'Female', 'es-US', ['standard'], 'f4'), name: 'Penélope' },
  voice('Miguel', 'Male', 'es-US', ['standard'], 'm3'),
  voice('Pedro', 'Male', 'es-US', ['generative', 'neural'], 'm2'),
];

function voice(
  id: PollyVoiceId,
  gender: CatalogueVoice['gender'],
  languageCode: SpokenLanguageCode,
  supportedEngines: PollyEngine[],
  espeakVariant: string,
): CatalogueVoice {
  return { id, name: id, gender, languageCode, additionalLanguageCodes: [], supportedEngines, espeakVariant };
}

export function findVoice(id: PollyVoiceId): CatalogueVoice | undefined {
  return VOICE_CATALOGUE.find((entry) => entry.id === id);
}

/** The voice's language or one of its additional ones, narrowed to a language spoken here; else undefined. */
export function spokenLanguageOf(
  entry: CatalogueVoice,
  languageCode: PollyLanguageCode,
): SpokenLanguageCode | undefined {
  if (entry.languageCode === languageCode) return entry.languageCode;
  return entry.additionalLanguageCodes.find((code) => code === languageCode);
}

/** The espeak-ng voice (language + variant) that speaks `languageCode` for this Polly voice. */
export function espeakVoiceFor(entry: CatalogueVoice, languageCode: SpokenLanguageCode): string {
  return `${SPOKEN_LANGUAGES[languageCode].espeakVoice}+${entry.espeakVariant}`;
}

export interface VoiceFilter {
  engine?: PollyEngine;
  languageCode?: PollyLanguageCode;
  includeAdditionalLanguageCodes?: boolean;
}

/** DescribeVoices: every voice, or those with the engine and (also as an additional language) the language. */
export function describeVoices(filter: VoiceFilter): VoiceDescription[] {
  return VOICE_CATALOGUE.filter((entry) => {
    if (filter.engine && !entry.supportedEngines.includes(filter.engine)) return false;
    if (!filter.languageCode) return true;
    if (entry.languageCode === filter.languageCode) return true;
    return (
      (filter.includeAdditionalLanguageCodes ?? false) &&
      spokenLanguageOf(entry, filter.languageCode) !== undefined
    );
  }).map(describe);
}

function describe(entry: CatalogueVoice): VoiceDescription {
  return {
    Gender: entry.gender,
    Id: entry.id,
    LanguageCode: entry.languageCode,
    LanguageName: SPOKEN_LANGUAGES[entry.languageCode].name,
    Name: entry.name,
    ...(entry.additionalLanguageCodes.length > 0
      ? { AdditionalLanguageCodes: [...entry.additionalLanguageCodes] }
      : {}),
    SupportedEngines: [...entry.supportedEngines],
  };
}
