/** Messages between EspeakSynthesizer and its worker thread. */
export interface SynthesisJob {
  kind: 'synthesize';
  id: number;
  text: string;
  /** Whether `text` is SSML (espeak-ng's -m); plain text otherwise. */
  ssml: boolean;
  /** An espeak-ng voice, e.g. `en-us+f3`. */
  voice: string;
  wordsPerMinute: number;
}

/** Mono 16-bit samples to MP3; lamejs is an ES module too, so it runs beside espeak-ng. */
export interface Mp3EncodingJob {
  kind: 'encode-mp3';
  id: number;
  samples: Int16Array;
  sampleRate: number;
  bitrateKbps: number;
}

export type SpeechJob = SynthesisJob | Mp3EncodingJob;

export type SpeechReply =
  { id: number; wav: Uint8Array } | { id: number; mp3: Uint8Array } | { id: number; error: string };
