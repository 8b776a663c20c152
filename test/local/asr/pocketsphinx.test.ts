import { loadBots } from '../../../bot-definitions/loader/load';
import { asrAvailability, AsrUnavailableError, PocketsphinxRecognizer } from '../../../local/asr';
import { describeWithAsr } from '../../support/asr';

const KEY = { botId: 'RetailSupportBot', botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 's-1' };
const silence = { samples: new Int16Array(16_000), sampleRate: 16_000 };

describe('PocketsphinxRecognizer without what it needs', () => {
  it('names the missing program and how to install it', () => {
    const availability = asrAvailability('parley-no-such-pocketsphinx');
    expect(availability).toEqual({
      available: false,
      reason: expect.stringMatching(
        /parley-no-such-pocketsphinx is not installed; install it with: sudo apt-get install pocketsphinx pocketsphinx-en-us/,
      ),
    });
    // Any executable stands in for the program here, so the model is checked whether or not it is installed.
    expect(asrAvailability(process.execPath, '/nonexistent/model')).toMatchObject({
      available: false,
      reason: expect.stringMatching(/model is incomplete in \/nonexistent\/model/),
    });
  });

  it('rejects speech with AsrUnavailableError when the program is missing, and keeps no state', async () => {
    const recognizer = new PocketsphinxRecognizer({
      bots: await loadBots(),
      knowledgeDir: 'knowledge',
      binary: '/nonexistent/pocketsphinx_batch',
    });
    await expect(recognizer.transcribe(silence, { key: KEY })).rejects.toThrow(AsrUnavailableError);
    await expect(recognizer.transcribe(silence, { key: KEY })).rejects.toThrow(
      /text and DTMF input work without it/,
    );
    await recognizer.close();
  });
});

describeWithAsr('the pocketsphinx recognizer tests')('PocketsphinxRecognizer', () => {
  let recognizer: PocketsphinxRecognizer;
  beforeAll(async () => {
    recognizer = new PocketsphinxRecognizer({ bots: await loadBots(), knowledgeDir: 'knowledge' });
  });
  afterAll(() => recognizer.close());

  it('hears nothing in silence, without running the decoder', async () => {
    await expect(recognizer.transcribe(silence, { key: KEY })).resolves.toEqual({ text: '' });
  });

  it('refuses a locale without an acoustic model, naming it and the alternatives', async () => {
    await expect(recognizer.transcribe(silence, { key: { ...KEY, localeId: 'es_US' } })).rejects.toThrow(
      /no offline acoustic model for es_US.*Use DTMF or text for es_US/,
    );
  });

  it('refuses a bot it has no definition for', async () => {
    const tone = Int16Array.from({ length: 8000 }, (_, index) => Math.round(8000 * Math.sin(index / 3)));
    await expect(
      recognizer.transcribe({ samples: tone, sampleRate: 16_000 }, { key: { ...KEY, botId: 'NoSuchBot' } }),
    ).rejects.toThrow(/no bot NoSuchBot with locale en_US/);
  });
});
