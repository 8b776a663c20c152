import { LexServiceError } from '../runtime/types';

/*
 * Audio in and out of the Lex adapter. Until the voice milestone brings a local ASR and TTS engine, both
 * directions are refused before the dialog engine runs, so a client that retries with text continues
 * from the same dialog state. The voice work replaces these two functions.
 */

export function refuseSpeechInput(): never {
  throw new LexServiceError(
    'DependencyFailedException',
    'Speech input needs the local ASR engine, which arrives with the voice milestone; send text/plain; charset=utf-8 for now.',
  );
}

export function refuseSpeechOutput(): never {
  throw new LexServiceError(
    'DependencyFailedException',
    'Spoken responses need the local speech synthesizer, which arrives with the voice milestone; ask for text/plain; charset=utf-8 for now.',
  );
}
