import type { Pcm16 } from '../../audio/pcm';
import { LexServiceError, type SessionKey } from '../runtime/types';
import type { MessageSpeaker } from '../voice/polly-speaker';

/** Turns caller audio into the words the dialog engine reads; empty when the caller said nothing. */
export interface SpeechRecognizer {
  transcribe(audio: Pcm16, key: SessionKey): Promise<string>;
}

/** Audio in and out of the Lex adapter. Either may be missing: text keeps working without them. */
export interface LexSpeech {
  recognizer?: SpeechRecognizer;
  speaker?: MessageSpeaker;
}

export async function transcribe(speech: LexSpeech, audio: Pcm16, key: SessionKey): Promise<string> {
  if (!speech.recognizer) {
    throw new LexServiceError(
      'DependencyFailedException',
      'This Lex endpoint has no speech recognizer; send text/plain; charset=utf-8 instead.',
    );
  }
  try {
    return await speech.recognizer.transcribe(audio, key);
  } catch (error) {
    if (error instanceof LexServiceError) throw error;
    throw new LexServiceError(
      'DependencyFailedException',
      `Speech recognition failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function requireSpeaker(speech: LexSpeech): MessageSpeaker {
  if (speech.speaker) return speech.speaker;
  throw new LexServiceError(
    'DependencyFailedException',
    'This Lex endpoint has no speech synthesizer; ask for text/plain; charset=utf-8 instead.',
  );
}
