/** Reads an MPEG audio Layer III stream frame by frame, failing on anything that is not a frame header. */
export interface Mp3Stream {
  sampleRate: number;
  frames: number;
  durationMs: number;
}

const SAMPLE_RATES: Readonly<Record<number, readonly number[]>> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};
const MPEG1_BITRATES = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_BITRATES = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

export function readMp3Frames(bytes: Uint8Array): Mp3Stream {
  let offset = 0;
  let frames = 0;
  let sampleRate = 0;
  let samples = 0;
  while (offset < bytes.length) {
    const header =
      ((bytes[offset] ?? 0) << 24) | ((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8);
    if (header >>> 21 !== 0x7ff) throw new Error(`no frame sync word at byte ${offset}`);
    const version = (header >>> 19) & 0b11;
    if (((header >>> 17) & 0b11) !== 0b01) throw new Error(`frame at byte ${offset} is not Layer III`);
    const rate = SAMPLE_RATES[version]?.[(header >>> 10) & 0b11];
    const kbps = (version === 3 ? MPEG1_BITRATES : MPEG2_BITRATES)[(header >>> 12) & 0b1111];
    if (!rate || !kbps) throw new Error(`frame at byte ${offset} has a reserved rate`);
    const padding = (header >>> 9) & 1;
    const samplesPerFrame = version === 3 ? 1152 : 576;
    offset += Math.floor((samplesPerFrame / 8) * ((kbps * 1000) / rate)) + padding;
    sampleRate = rate;
    samples += samplesPerFrame;
    frames += 1;
  }
  return { sampleRate, frames, durationMs: (samples / sampleRate) * 1000 };
}
