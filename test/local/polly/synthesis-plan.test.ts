import fc from 'fast-check';
import { renderSsml } from '../../../functions/voice/ssml';
import { PollyServiceError } from '../../../local/polly/errors';
import { synthesizeSpeechBodySchema, type SynthesizeSpeechBody } from '../../../local/polly/request-schema';
import { planSynthesis } from '../../../local/polly/synthesis-plan';
import { parseOrReject } from '../../../local/polly/validation';

const base: SynthesizeSpeechBody = {
  Text: 'Hello there.',
  VoiceId: 'Joanna',
  Engine: 'neural',
  OutputFormat: 'pcm',
};

function failure(body: unknown): { name: string; status: number; message: string } {
  try {
    planSynthesis(parseOrReject(synthesizeSpeechBodySchema, body));
  } catch (error) {
    if (!(error instanceof PollyServiceError)) throw error;
    return { name: error.errorName, status: error.status, message: error.message };
  }
  throw new Error('expected the request to be refused');
}

describe('SynthesizeSpeech request checks', () => {
  it('defaults like Polly: standard engine, text, pcm 16 kHz, mp3 22.05 kHz on standard and 24 kHz otherwise', () => {
    const standard = planSynthesis({ Text: 'Hi', VoiceId: 'Matthew', OutputFormat: 'mp3' });
    expect(standard).toMatchObject({ engine: 'standard', output: { format: 'mp3', sampleRate: 22050 } });
    expect(planSynthesis({ ...base, OutputFormat: 'mp3' }).output).toMatchObject({ sampleRate: 24000 });
    expect(planSynthesis(base).output).toEqual({
      kind: 'audio',
      format: 'pcm',
      sampleRate: 16000,
      contentType: 'audio/pcm',
    });
    expect(planSynthesis({ ...base, OutputFormat: 'alaw' }).output).toMatchObject({ sampleRate: 8000 });
  });

  it('speaks Spanish voices with the Spanish espeak-ng voice and voices with their own variants', () => {
    expect(planSynthesis({ ...base, VoiceId: 'Lupe' }).espeakVoice).toMatch(/^es-419\+/);
    expect(planSynthesis(base).espeakVoice).toMatch(/^en-us\+/);
    expect(planSynthesis(base).espeakVoice).not.toBe(
      planSynthesis({ ...base, VoiceId: 'Matthew' }).espeakVoice,
    );
  });

  it('refuses schema problems with ValidationException in the AWS wording', () => {
    expect(failure({ ...base, VoiceId: 'Nobody' })).toMatchObject({
      name: 'ValidationException',
      status: 400,
    });
    expect(failure({ ...base, VoiceId: 'Nobody' }).message).toMatch(
      /^1 validation error detected: Value at 'voiceId' failed to satisfy constraint: Member must satisfy enum value set: \[Aditi, /,
    );
    expect(failure({ VoiceId: 'Joanna' }).message).toBe(
      "2 validation errors detected: Value at 'outputFormat' failed to satisfy constraint: Member must not be null; " +
        "Value at 'text' failed to satisfy constraint: Member must not be null",
    );
  });

  it('names what the local Polly cannot do', () => {
    expect(failure({ ...base, VoiceId: 'Hans' }).message).toMatch(
      /Hans is not available from the local Polly/,
    );
    expect(failure({ ...base, OutputFormat: 'ogg_opus' })).toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/ogg_opus .* no Ogg encoder .* pcm, mp3, mulaw, alaw, json/),
    });
    expect(failure({ ...base, OutputFormat: 'json', SpeechMarkTypes: ['word'] }).message).toMatch(
      /^word speech marks are not available from the local Polly/,
    );
    expect(failure({ ...base, LexiconNames: ['acronyms'] })).toMatchObject({
      name: 'LexiconNotFoundException',
      status: 404,
    });
  });

  it('answers a voice without the engine as Polly does', () => {
    expect(failure({ Text: 'Hi', VoiceId: 'Kevin', OutputFormat: 'pcm' })).toEqual({
      name: 'ValidationException',
      status: 400,
      message: 'This voice does not support the selected engine: standard',
    });
  });

  it('refuses a language the voice does not speak', () => {
    expect(failure({ ...base, LanguageCode: 'es-US' })).toMatchObject({
      name: 'LanguageNotSupportedException',
      message: 'Voice Joanna does not speak es-US; it speaks en-US',
    });
    expect(planSynthesis({ ...base, LanguageCode: 'en-US' }).languageCode).toBe('en-US');
  });

  it('checks the sample rate against the format', () => {
    for (const [format, rate] of [
      ['pcm', '22050'],
      ['mp3', '11025'],
      ['mulaw', '16000'],
      ['pcm', '16000.0'],
    ] as const) {
      expect(failure({ ...base, OutputFormat: format, SampleRate: rate })).toMatchObject({
        name: 'InvalidSampleRateException',
        status: 400,
      });
    }
  });

  it('checks speech mark requests', () => {
    expect(failure({ ...base, SpeechMarkTypes: ['sentence'] }).name).toBe(
      'MarksNotSupportedForFormatException',
    );
    expect(failure({ ...base, OutputFormat: 'json', SpeechMarkTypes: ['ssml'] }).name).toBe(
      'SsmlMarksNotSupportedForTextTypeException',
    );
    expect(
      failure({ ...base, Engine: 'generative', OutputFormat: 'json', SpeechMarkTypes: ['sentence'] }).name,
    ).toBe('EngineNotSupportedException');
    expect(failure({ ...base, OutputFormat: 'json' }).message).toMatch(
      /SpeechMarkTypes must name at least one/,
    );
  });

  it('bills plain text by characters and SSML by the characters outside its tags', () => {
    expect(planSynthesis({ ...base, Text: 'Hi 👋 there' }).requestCharacters).toBe(10);
    const ssml =
      '<speak><s>Fish &amp; chips</s><break time="1s"/><say-as interpret-as="digits">123</say-as></speak>';
    expect(planSynthesis({ ...base, TextType: 'ssml', Text: ssml }).requestCharacters).toBe(
      'Fish &amp; chips'.length + 3,
    );
  });

  it('enforces 6,000 characters in all and 3,000 billed', () => {
    expect(planSynthesis({ ...base, Text: 'a'.repeat(3000) }).requestCharacters).toBe(3000);
    expect(failure({ ...base, Text: 'a'.repeat(3001) })).toMatchObject({
      name: 'TextLengthExceededException',
      message: expect.stringMatching(/3001 billed characters/),
    });
    const tagHeavy = `<speak>${'<break time="1s"/>'.repeat(300)}${'a'.repeat(100)}</speak>`;
    expect(tagHeavy.length).toBeGreaterThan(3000);
    expect(planSynthesis({ ...base, TextType: 'ssml', Text: tagHeavy }).requestCharacters).toBe(100);
    expect(
      failure({ ...base, TextType: 'ssml', Text: `<speak>${'<s/>'.repeat(1500)}</speak>` }).message,
    ).toMatch(/Text has 6015 characters, at most 6000/);
  });

  it('accepts whatever the SSML renderer writes within its billing budget', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4000 }), fc.constantFrom('neural', 'standard'), (text, engine) => {
        for (const document of renderSsml(text, { engine, localeId: 'en_US', maxBilledChars: 3000 })) {
          planSynthesis({ ...base, Engine: engine, TextType: 'ssml', Text: document });
        }
      }),
      { numRuns: 100 },
    );
  });
});
