/** Messages between EspeakSynthesizer and its worker thread. */
export interface SynthesisJob {
  id: number;
  text: string;
  /** Whether `text` is SSML (espeak-ng's -m); plain text otherwise. */
  ssml: boolean;
  /** An espeak-ng voice, e.g. `en-us+f3`. */
  voice: string;
  wordsPerMinute: number;
}

export type SynthesisReply = { id: number; wav: Uint8Array } | { id: number; error: string };
