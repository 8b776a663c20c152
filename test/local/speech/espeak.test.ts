import { durationMs } from '../../../local/audio/pcm';
import { EspeakSynthesizer, SpeechEngineError } from '../../../local/speech/espeak';

jest.setTimeout(30_000);

const loudness = (samples: Int16Array): number =>
  Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / Math.max(samples.length, 1));

describe('EspeakSynthesizer', () => {
  const synthesizer = new EspeakSynthesizer();
  afterAll(() => synthesizer.close());

  it('speaks SSML and plain text as 22,050 Hz audio whose length follows the words', async () => {
    const short = await synthesizer.speak({ text: '<speak>Hello.</speak>', ssml: true, voice: 'en-us' });
    const long = await synthesizer.speak({
      text: 'Hello. Your order one two three four five shipped on Monday and arrives on Thursday.',
      ssml: false,
      voice: 'en-us',
    });
    expect(short.sampleRate).toBe(22050);
    expect(loudness(short.samples)).toBeGreaterThan(500);
    expect(durationMs(long)).toBeGreaterThan(durationMs(short) * 3);
  });

  it('speaks Spanish with a Spanish voice', async () => {
    const pcm = await synthesizer.speak({
      text: 'Hola, ¿en qué puedo ayudarte?',
      ssml: false,
      voice: 'es-419',
    });
    expect(durationMs(pcm)).toBeGreaterThan(800);
  });

  it('serves jobs sent together, each with its own audio', async () => {
    const texts = ['one', 'one two three four five six seven eight'];
    const [first, second] = await Promise.all(
      texts.map((text) => synthesizer.speak({ text, ssml: false, voice: 'en-us' })),
    );
    expect(durationMs(second!)).toBeGreaterThan(durationMs(first!) * 2);
  });

  it('reports an unknown voice as an engine error and keeps serving', async () => {
    await expect(synthesizer.speak({ text: 'hi', ssml: false, voice: 'xx-nonexistent' })).rejects.toThrow(
      SpeechEngineError,
    );
    await expect(
      synthesizer.speak({ text: 'still here', ssml: false, voice: 'en-us' }),
    ).resolves.toBeDefined();
  });
});
