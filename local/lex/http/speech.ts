import type { Pcm16 } from '../../audio/pcm';
import { LexServiceError, type LexRuntime, type SessionKey } from '../runtime/types';
import type { MessageSpeaker } from '../voice/polly-speaker';

/**
 * Where the caller is in the dialog when they speak: a recognizer can expect an order number while one is
 * being asked for, as Lex's own ASR biases towards the slot type being elicited.
 */
export interface ListeningContext {
  key: SessionKey;
  intentName?: string;
  slotToElicit?: string;
}

/** Turns caller audio into the words the dialog engine reads; empty when the caller said nothing. */
/** What a recognizer heard: the words, and how sure it is of them (0..1) when it can tell. */
export interface Transcript {
  text: string;
  confidence?: number;
}

export interface SpeechRecognizer {
  transcribe(audio: Pcm16, context: ListeningContext): Promise<Transcript>;
}

/** How long a RecognizeUtterance spent on each side of the dialog, in milliseconds. */
export interface SpeechTimings {
  /** Recognising the caller's audio; absent for text or DTMF input. */
  recognitionMs?: number;
  /** Speaking the answer; absent when text was asked for. */
  speechMs?: number;
  /** Seconds of caller audio recognised. */
  audioSeconds?: number;
}

/** Audio in and out of the Lex adapter. Either may be missing: text keeps working without them. */
export interface LexSpeech {
  recognizer?: SpeechRecognizer;
  speaker?: MessageSpeaker;
  /** Told the timings of every RecognizeUtterance, for benchmarks of a spoken turn. */
  onTimings?: (timings: SpeechTimings) => void;
}

export function requireRecognizer(speech: LexSpeech): SpeechRecognizer {
  if (speech.recognizer) return speech.recognizer;
  throw new LexServiceError(
    'DependencyFailedException',
    'This Lex endpoint has no speech recognizer; send text/plain; charset=utf-8 instead.',
  );
}

/** The recognizer's own failures (engine missing, locale without a model) become Lex's dependency error. */
export async function transcribe(
  recognizer: SpeechRecognizer,
  audio: Pcm16,
  context: ListeningContext,
): Promise<Transcript> {
  try {
    return await recognizer.transcribe(audio, context);
  } catch (error) {
    if (error instanceof LexServiceError) throw error;
    throw new LexServiceError(
      'DependencyFailedException',
      `Speech recognition failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The session's pending elicitation, read before the turn; a new session expects anything. */
export async function listeningContext(runtime: LexRuntime, key: SessionKey): Promise<ListeningContext> {
  try {
    const { sessionState } = await runtime.getSession(key);
    const intentName = sessionState.intent?.name;
    const slotToElicit = sessionState.dialogAction?.slotToElicit;
    return { key, ...(intentName ? { intentName } : {}), ...(slotToElicit ? { slotToElicit } : {}) };
  } catch (error) {
    if (error instanceof LexServiceError && error.errorName === 'ResourceNotFoundException') return { key };
    throw error;
  }
}

export function requireSpeaker(speech: LexSpeech): MessageSpeaker {
  if (speech.speaker) return speech.speaker;
  throw new LexServiceError(
    'DependencyFailedException',
    'This Lex endpoint has no speech synthesizer; ask for text/plain; charset=utf-8 instead.',
  );
}
