import fc from 'fast-check';
import { WaveFile } from 'wavefile';
import {
  decodeWav,
  durationMs,
  encodeWav,
  fromLittleEndianBytes,
  InvalidAudioError,
  resample,
  toLittleEndianBytes,
} from '../../../local/audio/pcm';

const tone = (sampleRate: number, hz: number, seconds: number): Int16Array =>
  Int16Array.from({ length: Math.round(sampleRate * seconds) }, (_, index) =>
    Math.round(10_000 * Math.sin((2 * Math.PI * hz * index) / sampleRate)),
  );

describe('16-bit PCM audio', () => {
  it('round-trips any samples through WAV and through raw little-endian bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 500 }),
        fc.constantFrom(8000, 16000, 22050),
        (values, sampleRate) => {
          const pcm = { samples: Int16Array.from(values), sampleRate };
          const fromWav = decodeWav(encodeWav(pcm));
          expect(fromWav.sampleRate).toBe(sampleRate);
          expect(Array.from(fromWav.samples)).toEqual(values);
          expect(Array.from(fromLittleEndianBytes(toLittleEndianBytes(pcm), sampleRate).samples)).toEqual(
            values,
          );
        },
      ),
    );
  });

  it('mixes stereo down and converts other bit depths, as a recorder might write them', () => {
    const wave = new WaveFile();
    wave.fromScratch(2, 16000, '32f', [
      [0.5, -0.5],
      [0.5, 0.5],
    ]);
    const pcm = decodeWav(wave.toBuffer());
    expect(pcm.sampleRate).toBe(16000);
    expect(pcm.samples).toHaveLength(2);
    expect(pcm.samples[0]).toBeGreaterThan(16000);
    expect(Math.abs(pcm.samples[1] ?? 99)).toBeLessThan(2);
  });

  it('names what is wrong with audio it cannot read', () => {
    expect(() => decodeWav(Buffer.from('not a wave file at all'))).toThrow(InvalidAudioError);
    expect(() => decodeWav(Buffer.from('not a wave file at all'))).toThrow(/not a WAV file/);
    expect(() => fromLittleEndianBytes(Uint8Array.of(1, 2, 3), 16000)).toThrow(/even number of bytes/);
  });

  it('resamples to the requested rate, keeping the duration and a tone below the new Nyquist frequency', () => {
    const pcm = { samples: tone(22050, 440, 0.5), sampleRate: 22050 };
    const down = resample(pcm, 8000);
    expect(down.sampleRate).toBe(8000);
    expect(Math.abs(durationMs(down) - 500)).toBeLessThanOrEqual(1);
    const peak = down.samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    expect(peak).toBeGreaterThan(8000);
  });

  it('filters out a tone above the new Nyquist frequency instead of folding it back as an alias', () => {
    const down = resample({ samples: tone(22050, 6000, 0.5), sampleRate: 22050 }, 8000);
    const rms = Math.sqrt(
      down.samples.reduce((sum, sample) => sum + sample * sample, 0) / down.samples.length,
    );
    expect(rms).toBeLessThan(2000);
  });
});
