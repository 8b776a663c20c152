import { PollyServiceError, validationError } from './errors';
import { resolveOutput, type OutputSpec } from './output-formats';
import type { PollyEngine, PollySpeechMarkType, SynthesizeSpeechBody } from './request-schema';
import { checkSsmlForEngine } from './ssml-engine-check';
import { parseSsmlDocument, type SsmlDocument } from './ssml-document';
import { billedCharacters, checkBilledLength, checkTotalLength } from './text-length';
import {
  espeakVoiceFor,
  findVoice,
  spokenLanguageOf,
  VOICE_CATALOGUE,
  type CatalogueVoice,
  type SpokenLanguageCode,
} from './voices';

/** The speech mark types whose times can be measured here (see `checkMarks`). */
export type MeasuredMarkType = Extract<PollySpeechMarkType, 'sentence' | 'ssml'>;

/** A SynthesizeSpeech request checked the way Polly checks it, with everything needed to answer it. */
export interface SynthesisPlan {
  voice: CatalogueVoice;
  engine: PollyEngine;
  languageCode: SpokenLanguageCode;
  espeakVoice: string;
  text: string;
  /** The parsed SSML when TextType is ssml; plain text otherwise. */
  document?: SsmlDocument;
  output: OutputSpec;
  markTypes: readonly MeasuredMarkType[];
  /** x-amzn-RequestCharacters. */
  requestCharacters: number;
  /** Everything that decides the answer's bytes, for the speech cache. */
  cacheKey: string;
}

const LOCAL_LANGUAGES = [...new Set(VOICE_CATALOGUE.map((entry) => entry.languageCode))].join(' and ');

/**
 * Resolves voice, engine, language, output and speech marks, then the text: its length, its SSML and the
 * engine's SSML vocabulary. Every problem is the Polly error a client would get for it; see docs/local-polly.md
 * for where the names come from.
 */
export function planSynthesis(body: SynthesizeSpeechBody): SynthesisPlan {
  const lexicon = body.LexiconNames?.[0];
  if (lexicon !== undefined) {
    throw new PollyServiceError(
      'LexiconNotFoundException',
      `Lexicon '${lexicon}' not found: the local Polly stores no pronunciation lexicons`,
    );
  }
  const voice = findVoice(body.VoiceId);
  if (!voice) {
    throw validationError(
      `Voice ${body.VoiceId} is not available from the local Polly, which speaks the ${LOCAL_LANGUAGES} voices ` +
        `DescribeVoices lists`,
    );
  }
  const engine = body.Engine ?? 'standard';
  if (!voice.supportedEngines.includes(engine)) {
    // Polly's own wording and error name for this case, as its clients report it.
    throw validationError(`This voice does not support the selected engine: ${engine}`);
  }
  const requestedLanguage = body.LanguageCode ?? voice.languageCode;
  const languageCode = spokenLanguageOf(voice, requestedLanguage);
  if (!languageCode) {
    throw new PollyServiceError(
      'LanguageNotSupportedException',
      `Voice ${voice.id} does not speak ${requestedLanguage}; it speaks ${[voice.languageCode, ...voice.additionalLanguageCodes].join(', ')}`,
    );
  }
  const textType = body.TextType ?? 'text';
  const output = resolveOutput(body.OutputFormat, body.SampleRate, engine);
  const markTypes = checkMarks(body.SpeechMarkTypes ?? [], output, engine, textType);

  checkTotalLength(body.Text);
  const document = textType === 'ssml' ? parseSsmlDocument(body.Text) : undefined;
  if (document) checkSsmlForEngine(document, engine);
  const requestCharacters = billedCharacters(body.Text, document);
  checkBilledLength(requestCharacters);

  return {
    voice,
    engine,
    languageCode,
    espeakVoice: espeakVoiceFor(voice, languageCode),
    text: body.Text,
    ...(document ? { document } : {}),
    output,
    markTypes,
    requestCharacters,
    cacheKey: JSON.stringify([
      voice.id,
      engine,
      languageCode,
      textType,
      body.Text,
      output.kind === 'audio' ? [output.format, output.sampleRate] : 'json',
      markTypes,
    ]),
  };
}

function checkMarks(
  requested: readonly PollySpeechMarkType[],
  output: OutputSpec,
  engine: PollyEngine,
  textType: 'text' | 'ssml',
): MeasuredMarkType[] {
  const types = [...new Set(requested)].sort();
  if (output.kind === 'audio') {
    if (types.length === 0) return [];
    throw new PollyServiceError(
      'MarksNotSupportedForFormatException',
      `Speech marks are only available with OutputFormat json, not ${output.format}`,
    );
  }
  if (types.length === 0) {
    throw validationError(
      'OutputFormat json returns speech marks: SpeechMarkTypes must name at least one type',
    );
  }
  if (engine === 'generative') {
    throw new PollyServiceError(
      'EngineNotSupportedException',
      'Speech marks are not available for the generative engine; use standard, neural or long-form',
    );
  }
  if (types.includes('ssml') && textType === 'text') {
    throw new PollyServiceError(
      'SsmlMarksNotSupportedForTextTypeException',
      'ssml speech marks need TextType ssml: plain text has no <mark> tags',
    );
  }
  const unmeasured = types.filter((type) => type !== 'sentence' && type !== 'ssml');
  if (unmeasured.length > 0) {
    throw validationError(
      `${unmeasured.join(' and ')} speech marks are not available from the local Polly: espeak-ng reports no ` +
        `word or phoneme timings that could be measured. It measures sentence and ssml marks.`,
    );
  }
  return types.filter((type): type is MeasuredMarkType => type === 'sentence' || type === 'ssml');
}
