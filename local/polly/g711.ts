/*
 * ITU-T G.711 companding of 16-bit linear PCM to 8-bit mu-law and A-law, after the public-domain reference
 * (Sun Microsystems g711.c): the sample is reduced to 14 bits (mu-law) or 13 bits (A-law), its segment is the
 * position of its highest set bit, and four mantissa bits follow; the code is then bit-inverted (mu-law) or
 * XOR-ed with 0x55 (A-law) as the standard prescribes for transmission.
 */

const MU_LAW_SEGMENT_ENDS = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];
const A_LAW_SEGMENT_ENDS = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
const MU_LAW_BIAS = 0x21;
const MU_LAW_CLIP = 8159;

function segmentOf(value: number, ends: readonly number[]): number {
  const segment = ends.findIndex((end) => value <= end);
  return segment === -1 ? ends.length : segment;
}

export function linearToMuLaw(sample: number): number {
  let value = sample >> 2;
  let mask = 0xff;
  if (value < 0) {
    value = -value;
    mask = 0x7f;
  }
  value = Math.min(value, MU_LAW_CLIP) + MU_LAW_BIAS;
  const segment = segmentOf(value, MU_LAW_SEGMENT_ENDS);
  if (segment >= 8) return 0x7f ^ mask;
  return ((segment << 4) | ((value >> (segment + 1)) & 0x0f)) ^ mask;
}

export function linearToALaw(sample: number): number {
  let value = sample >> 3;
  let mask = 0xd5;
  if (value < 0) {
    value = -value - 1;
    mask = 0x55;
  }
  const segment = segmentOf(value, A_LAW_SEGMENT_ENDS);
  if (segment >= 8) return 0x7f ^ mask;
  const mantissa = segment < 2 ? (value >> 1) & 0x0f : (value >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}

export function encodeMuLaw(samples: Int16Array): Buffer {
  return Buffer.from(Uint8Array.from(samples, linearToMuLaw));
}

export function encodeALaw(samples: Int16Array): Buffer {
  return Buffer.from(Uint8Array.from(samples, linearToALaw));
}
