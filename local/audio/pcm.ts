import { WaveFile } from 'wavefile';

/** Mono signed 16-bit audio: what every local speech engine here reads and writes. */
export interface Pcm16 {
  samples: Int16Array;
  sampleRate: number;
}

export class InvalidAudioError extends Error {
  override readonly name = 'InvalidAudioError';
}

/**
 * A WAV file as mono 16-bit PCM. Other bit depths are converted and stereo is mixed down, because callers hand
 * the call tool whatever their recorder wrote; anything that is not a PCM WAV is refused with the reason.
 */
export function decodeWav(bytes: Uint8Array): Pcm16 {
  let wave: WaveFile;
  try {
    wave = new WaveFile(bytes);
  } catch (error) {
    throw new InvalidAudioError(`not a WAV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const format = wave.fmt as { audioFormat: number; numChannels: number; sampleRate: number };
  // 1 is integer PCM, 3 IEEE float, 65534 WAVE_FORMAT_EXTENSIBLE (which wraps either).
  if (![1, 3, 65534].includes(format.audioFormat))
    throw new InvalidAudioError(
      `WAV audio format ${format.audioFormat} is not PCM; convert it to 16-bit PCM`,
    );
  const sampleRate = format.sampleRate;
  if (!(sampleRate > 0) || format.numChannels < 1)
    throw new InvalidAudioError('WAV header has no sample rate or channels');
  if (wave.bitDepth !== '16') wave.toBitDepth('16');
  const channels = wave.getSamples(false, Int16Array) as unknown as Int16Array | Int16Array[];
  return { samples: Array.isArray(channels) ? mixDown(channels) : channels, sampleRate };
}

export function encodeWav(pcm: Pcm16): Buffer {
  const wave = new WaveFile();
  wave.fromScratch(1, pcm.sampleRate, '16', pcm.samples);
  return Buffer.from(wave.toBuffer());
}

/** Band-limited resampling (wavefile's cubic interpolation behind a low-pass filter), so 22 kHz speech folds no alias into 8 kHz. */
export function resample(pcm: Pcm16, sampleRate: number): Pcm16 {
  if (pcm.sampleRate === sampleRate || pcm.samples.length === 0) return { samples: pcm.samples, sampleRate };
  const wave = new WaveFile();
  wave.fromScratch(1, pcm.sampleRate, '16', pcm.samples);
  wave.toSampleRate(sampleRate);
  return { samples: wave.getSamples(false, Int16Array) as unknown as Int16Array, sampleRate };
}

/** Raw little-endian 16-bit samples (Lex `audio/l16`, Polly `pcm`), copied so the result owns its memory. */
export function fromLittleEndianBytes(bytes: Uint8Array, sampleRate: number): Pcm16 {
  if (bytes.length % 2 !== 0) throw new InvalidAudioError('16-bit PCM needs an even number of bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Int16Array(bytes.length / 2);
  for (let index = 0; index < samples.length; index += 1) samples[index] = view.getInt16(index * 2, true);
  return { samples, sampleRate };
}

export function toLittleEndianBytes(pcm: Pcm16): Buffer {
  const bytes = Buffer.alloc(pcm.samples.length * 2);
  pcm.samples.forEach((sample, index) => bytes.writeInt16LE(sample, index * 2));
  return bytes;
}

export function durationMs(pcm: Pcm16): number {
  return Math.round((pcm.samples.length / pcm.sampleRate) * 1000);
}

function mixDown(channels: Int16Array[]): Int16Array {
  const length = channels[0]?.length ?? 0;
  const mixed = new Int16Array(length);
  for (let index = 0; index < length; index += 1) {
    let sum = 0;
    for (const channel of channels) sum += channel[index] ?? 0;
    mixed[index] = Math.round(sum / channels.length);
  }
  return mixed;
}
