import { resample, toLittleEndianBytes, type Pcm16 } from '../audio/pcm';
import type { Mp3BitrateKbps } from '../speech/espeak';
import { encodeALaw, encodeMuLaw } from './g711';
import type { AudioFormat } from './output-formats';

export interface Mp3Encoder {
  encodeMp3(pcm: Pcm16, bitrateKbps: Mp3BitrateKbps): Promise<Uint8Array>;
}

/** Speech needs little: 32 kbit/s up to 16 kHz, 48 up to 24 kHz (MPEG-2), 64 for 44.1 and 48 kHz (MPEG-1). */
function mp3Bitrate(sampleRate: number): Mp3BitrateKbps {
  if (sampleRate <= 16000) return 32;
  return sampleRate <= 24000 ? 48 : 64;
}

/**
 * Synthesized audio in a Polly output format: `pcm` is raw signed 16-bit little-endian mono without a header,
 * `mulaw`/`alaw` one G.711 byte per sample, `mp3` a constant bit rate MPEG audio stream.
 */
export async function encodeAudio(
  pcm: Pcm16,
  format: AudioFormat,
  sampleRate: number,
  mp3: Mp3Encoder,
): Promise<Buffer> {
  const audio = resample(pcm, sampleRate);
  switch (format) {
    case 'pcm':
      return toLittleEndianBytes(audio);
    case 'mulaw':
      return encodeMuLaw(audio.samples);
    case 'alaw':
      return encodeALaw(audio.samples);
    case 'mp3':
      return Buffer.from(await mp3.encodeMp3(audio, mp3Bitrate(sampleRate)));
  }
}
