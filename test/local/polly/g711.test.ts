import { encodeALaw, encodeMuLaw, linearToALaw, linearToMuLaw } from '../../../local/polly/g711';

/** Reference expanders (ITU-T G.711, as in the public-domain g711.c), to check the encoders by round trip. */
function muLawToLinear(code: number): number {
  const value = ~code & 0xff;
  const magnitude = ((((value & 0x0f) << 3) + 0x84) << ((value & 0x70) >> 4)) - 0x84;
  return value & 0x80 ? -magnitude : magnitude;
}

function aLawToLinear(code: number): number {
  const value = code ^ 0x55;
  const segment = (value & 0x70) >> 4;
  let magnitude = (value & 0x0f) << 4;
  if (segment === 0) magnitude += 8;
  else if (segment === 1) magnitude += 0x108;
  else magnitude = (magnitude + 0x108) << (segment - 1);
  return value & 0x80 ? magnitude : -magnitude;
}

/** Every 16-bit sample, in ascending order: the encoders are checked exhaustively. */
const ALL_SAMPLES = Array.from({ length: 65536 }, (_, index) => index - 32768);

function worstError(decode: (sample: number) => number, allowed: (sample: number) => number): number {
  return Math.max(...ALL_SAMPLES.map((sample) => Math.abs(decode(sample) - sample) - allowed(sample)));
}

function isNonDecreasing(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value >= (values[index - 1] ?? value));
}

describe('G.711', () => {
  it('encodes silence and full scale to the codes of the standard', () => {
    expect([linearToMuLaw(0), linearToMuLaw(32767), linearToMuLaw(-32768)]).toEqual([0xff, 0x80, 0x00]);
    expect([linearToALaw(0), linearToALaw(32767), linearToALaw(-32768)]).toEqual([0xd5, 0xaa, 0x2a]);
  });

  it('keeps every sample within the quantization step of its segment', () => {
    // mu-law clips at +-32124; beyond that the error is the clipping itself.
    const muLawError = worstError(
      (sample) => muLawToLinear(linearToMuLaw(sample)),
      (sample) => Math.max(16, Math.abs(sample) / 16) + Math.max(0, Math.abs(sample) - 32124),
    );
    const aLawError = worstError(
      (sample) => aLawToLinear(linearToALaw(sample)),
      (sample) => Math.max(16, Math.abs(sample) / 16),
    );
    expect(muLawError).toBeLessThanOrEqual(0);
    expect(aLawError).toBeLessThanOrEqual(0);
  });

  it('is monotonic: a louder sample never decodes quieter', () => {
    expect(isNonDecreasing(ALL_SAMPLES.map((sample) => muLawToLinear(linearToMuLaw(sample))))).toBe(true);
    expect(isNonDecreasing(ALL_SAMPLES.map((sample) => aLawToLinear(linearToALaw(sample))))).toBe(true);
  });

  it('writes one byte per sample', () => {
    const samples = Int16Array.from([0, 1000, -1000, 32767]);
    expect([...encodeMuLaw(samples)]).toEqual([...samples].map(linearToMuLaw));
    expect([...encodeALaw(samples)]).toEqual([...samples].map(linearToALaw));
  });
});
