import {
  DescribeVoicesCommand,
  PollyClient,
  SynthesizeSpeechCommand,
  type SynthesizeSpeechCommandInput,
} from '@aws-sdk/client-polly';
import { startEdge } from '../../../local/edge/server';
import { createPollyHttpService } from '../../../local/polly';
import { SpeechEngineError } from '../../../local/speech/espeak';
import { http1, useLocalStack } from '../../support/local-stack';
import { readMp3Frames } from './mp3-frames';

jest.setTimeout(30_000);

const fixture = useLocalStack();
let polly: PollyClient;

beforeAll(() => {
  // No endpoint here: the client finds the local stack through AWS_ENDPOINT_URL_POLLY, as the Lex emulator does.
  polly = new PollyClient({});
});
afterAll(() => polly.destroy());

const PROMPT = 'Thanks for calling. Your order shipped on Monday and arrives on Thursday.';
const joanna = { VoiceId: 'Joanna', Engine: 'neural', Text: PROMPT } as const;

async function synthesize(input: SynthesizeSpeechCommandInput) {
  const output = await polly.send(new SynthesizeSpeechCommand(input));
  const bytes = Buffer.from((await output.AudioStream?.transformToByteArray()) ?? []);
  return { bytes, contentType: output.ContentType, requestCharacters: output.RequestCharacters };
}

/** Milliseconds of raw signed 16-bit mono audio. */
const pcmMs = (bytes: Buffer, sampleRate: number): number => (bytes.length / 2 / sampleRate) * 1000;

async function failure(input: SynthesizeSpeechCommandInput, client = polly) {
  try {
    await client.send(new SynthesizeSpeechCommand(input));
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected SynthesizeSpeech to fail');
}

describe('SynthesizeSpeech through @aws-sdk/client-polly over h2c', () => {
  let pcm16k: Buffer;

  beforeAll(async () => {
    pcm16k = (await synthesize({ ...joanna, OutputFormat: 'pcm' })).bytes;
  });

  it('answers pcm at 16 kHz by default and at 8 kHz, raw 16-bit samples of one duration', async () => {
    const pcm8k = await synthesize({ ...joanna, OutputFormat: 'pcm', SampleRate: '8000' });
    expect(pcm8k.contentType).toBe('audio/pcm');
    expect(pcm8k.requestCharacters).toBe(PROMPT.length);
    expect(pcm16k.length % 2).toBe(0);
    expect(pcm8k.bytes.length % 2).toBe(0);
    expect(pcmMs(pcm16k, 16000)).toBeGreaterThan(3000);
    expect(Math.abs(pcmMs(pcm16k, 16000) - pcmMs(pcm8k.bytes, 8000))).toBeLessThan(5);
    // No WAV header: the stream starts with samples, not "RIFF".
    expect(pcm16k.subarray(0, 4).toString('latin1')).not.toBe('RIFF');
  });

  it('answers mp3 whose every frame starts with a sync word, at the default and the asked sample rate', async () => {
    const neural = await synthesize({ ...joanna, OutputFormat: 'mp3' });
    expect(neural.contentType).toBe('audio/mpeg');
    const stream = readMp3Frames(neural.bytes);
    expect(stream.sampleRate).toBe(24000);
    expect(Math.abs(stream.durationMs - pcmMs(pcm16k, 16000))).toBeLessThan(200);
    const narrowband = await synthesize({
      ...joanna,
      Text: 'One moment.',
      OutputFormat: 'mp3',
      SampleRate: '8000',
    });
    expect(readMp3Frames(narrowband.bytes).sampleRate).toBe(8000);
  });

  it('answers G.711 mu-law and A-law, one byte per 8 kHz sample', async () => {
    const expected = pcmMs(pcm16k, 16000) * 8;
    for (const format of ['mulaw', 'alaw'] as const) {
      const audio = await synthesize({ ...joanna, OutputFormat: format });
      expect(audio.contentType).toBe(`audio/${format}`);
      expect(Math.abs(audio.bytes.length - expected)).toBeLessThan(40);
    }
  });

  it('measures sentence and ssml speech marks in order, inside the audio they describe', async () => {
    const ssml =
      '<speak><s>Thanks for calling.</s> <s>Your order <mark name="date"/>shipped on Monday.</s> Goodbye!</speak>';
    const marksResponse = await synthesize({
      ...joanna,
      Text: ssml,
      TextType: 'ssml',
      OutputFormat: 'json',
      SpeechMarkTypes: ['sentence', 'ssml'],
    });
    expect(marksResponse.contentType).toBe('application/x-json-stream');
    const marks = marksResponse.bytes
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { time: number; type: string; start: number; end: number; value: string },
      );
    expect(marks.map((mark) => [mark.type, mark.value])).toEqual([
      ['sentence', 'Thanks for calling.'],
      ['sentence', 'Your order <mark name="date"/>shipped on Monday.'],
      ['ssml', 'date'],
      ['sentence', 'Goodbye!'],
    ]);
    const audio = await synthesize({ ...joanna, Text: ssml, TextType: 'ssml', OutputFormat: 'pcm' });
    const times = marks.map((mark) => mark.time);
    expect(times[0]).toBe(0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    expect(times.at(-1)).toBeLessThan(pcmMs(audio.bytes, 16000));
    for (const mark of marks) {
      expect(Buffer.from(ssml).subarray(mark.start, mark.end).toString()).toBe(
        mark.type === 'ssml' ? '<mark name="date"/>' : mark.value,
      );
    }
  });

  it('reads plain text as text, never as markup, and passes SSML prosody rate to the synthesizer', async () => {
    // As SSML the <b> tags would be dropped; as text their letters are read out.
    const plain = await synthesize({ ...joanna, Text: 'Press <b>one</b> now', OutputFormat: 'pcm' });
    const without = await synthesize({ ...joanna, Text: 'Press one now', OutputFormat: 'pcm' });
    expect(plain.requestCharacters).toBe(20);
    expect(pcmMs(plain.bytes, 16000)).toBeGreaterThan(pcmMs(without.bytes, 16000) + 300);
    const slow = await synthesize({
      ...joanna,
      Text: `<speak><prosody rate="x-slow">${PROMPT}</prosody></speak>`,
      TextType: 'ssml',
      OutputFormat: 'pcm',
    });
    expect(pcmMs(slow.bytes, 16000)).toBeGreaterThan(pcmMs(pcm16k, 16000) * 1.3);
  });

  it('speaks Spanish with a Spanish voice, and text that starts with a dash', async () => {
    const spanish = await synthesize({
      VoiceId: 'Lupe',
      Engine: 'neural',
      Text: 'Hola, ¿en qué puedo ayudarte?',
      OutputFormat: 'pcm',
    });
    expect(pcmMs(spanish.bytes, 16000)).toBeGreaterThan(1200);
    const dash = await synthesize({ ...joanna, Text: '-5 degrees outside', OutputFormat: 'pcm' });
    expect(pcmMs(dash.bytes, 16000)).toBeGreaterThan(1000);
  });

  it('serves a repeated prompt from its cache', async () => {
    const before = fixture.stack.pollyCacheStats();
    const again = await synthesize({ ...joanna, OutputFormat: 'pcm' });
    expect(again.bytes.equals(pcm16k)).toBe(true);
    expect(fixture.stack.pollyCacheStats().hits).toBe(before.hits + 1);
  });
});

describe('SynthesizeSpeech errors through the SDK', () => {
  it('names each Polly error with its status', async () => {
    const cases: [SynthesizeSpeechCommandInput, string, number, RegExp][] = [
      [
        { ...joanna, TextType: 'ssml', Text: '<speak>Hi</s>', OutputFormat: 'pcm' },
        'InvalidSsmlException',
        400,
        /line 1, column/,
      ],
      [
        { ...joanna, TextType: 'ssml', Text: '<speak><emphasis>Hi</emphasis></speak>', OutputFormat: 'pcm' },
        'InvalidSsmlException',
        400,
        /<emphasis> tag is not supported by the neural engine/,
      ],
      [
        { ...joanna, Text: 'a'.repeat(3001), OutputFormat: 'pcm' },
        'TextLengthExceededException',
        400,
        /3001/,
      ],
      [
        { ...joanna, OutputFormat: 'json', SpeechMarkTypes: ['ssml'] },
        'SsmlMarksNotSupportedForTextTypeException',
        400,
        /TextType ssml/,
      ],
      [
        { ...joanna, OutputFormat: 'mp3', SpeechMarkTypes: ['sentence'] },
        'MarksNotSupportedForFormatException',
        400,
        /json/,
      ],
      [
        { ...joanna, Engine: 'generative', OutputFormat: 'json', SpeechMarkTypes: ['sentence'] },
        'EngineNotSupportedException',
        400,
        /generative/,
      ],
      [
        { ...joanna, OutputFormat: 'pcm', SampleRate: '22050' },
        'InvalidSampleRateException',
        400,
        /8000, 16000/,
      ],
      [
        { ...joanna, LanguageCode: 'es-US', OutputFormat: 'pcm' },
        'LanguageNotSupportedException',
        400,
        /es-US/,
      ],
      [
        { ...joanna, VoiceId: 'Nobody' as 'Joanna', OutputFormat: 'pcm' },
        'ValidationException',
        400,
        /voiceId/,
      ],
      [
        { ...joanna, VoiceId: 'Kevin', Engine: undefined, OutputFormat: 'pcm' },
        'ValidationException',
        400,
        /engine: standard/,
      ],
      [{ ...joanna, OutputFormat: 'ogg_vorbis' }, 'ValidationException', 400, /no Ogg encoder/],
      [{ ...joanna, LexiconNames: ['names'], OutputFormat: 'pcm' }, 'LexiconNotFoundException', 404, /names/],
    ];
    for (const [input, name, status, message] of cases) {
      const got = await failure(input);
      expect({ name: got.name, status: got.status }).toEqual({ name, status });
      expect(got.message).toMatch(message);
    }
  });

  it('answers ServiceFailureException when the speech engine fails, and keeps serving', async () => {
    let fail = true;
    const engine = {
      speak: () =>
        fail
          ? Promise.reject(new SpeechEngineError('wasm trap'))
          : Promise.resolve({ samples: new Int16Array(800), sampleRate: 22050 }),
      encodeMp3: () => Promise.reject(new SpeechEngineError('unused')),
    };
    const logLines: string[] = [];
    const edge = await startEdge({
      services: [createPollyHttpService({ synthesizer: engine, log: (line) => logLines.push(line) })],
    });
    const client = new PollyClient({ endpoint: edge.url, maxAttempts: 1 });
    try {
      expect(await failure({ ...joanna, OutputFormat: 'pcm' }, client)).toEqual({
        name: 'ServiceFailureException',
        status: 500,
        message: 'The local speech engine failed: wasm trap',
      });
      expect(logLines.some((line) => line.includes('ServiceFailureException'))).toBe(true);
      fail = false;
      const output = await client.send(
        new SynthesizeSpeechCommand({ ...joanna, OutputFormat: 'pcm', SampleRate: '8000' }),
      );
      expect((await output.AudioStream?.transformToByteArray())?.length).toBeGreaterThan(0);
    } finally {
      client.destroy();
      await edge.close();
    }
  });
});

describe('DescribeVoices through the SDK', () => {
  it('filters by engine and language', async () => {
    const spanishNeural = await polly.send(
      new DescribeVoicesCommand({ LanguageCode: 'es-US', Engine: 'neural' }),
    );
    expect(spanishNeural.Voices?.map((voice) => voice.Id)).toEqual(['Lupe', 'Pedro']);
    expect(spanishNeural.NextToken).toBeUndefined();
    const all = await polly.send(new DescribeVoicesCommand({ IncludeAdditionalLanguageCodes: true }));
    expect(all.Voices?.find((voice) => voice.Id === 'Joanna')).toEqual({
      Gender: 'Female',
      Id: 'Joanna',
      LanguageCode: 'en-US',
      LanguageName: 'US English',
      Name: 'Joanna',
      SupportedEngines: ['generative', 'neural', 'standard'],
    });
    const longForm = await polly.send(new DescribeVoicesCommand({ Engine: 'long-form' }));
    expect(longForm.Voices?.map((voice) => voice.Id)).toEqual(['Danielle', 'Gregory', 'Ruth']);
  });
});

describe('Polly over plain HTTP/1.1, as curl and boto3 call it', () => {
  it('synthesizes, lists voices and refuses bad JSON', async () => {
    const spoken = await http1(
      fixture.stack,
      'POST',
      '/v1/speech',
      JSON.stringify({ Text: 'Hi there.', VoiceId: 'Matthew', OutputFormat: 'pcm', SampleRate: '8000' }),
    );
    expect(spoken.status).toBe(200);
    expect(spoken.headers['content-type']).toBe('audio/pcm');
    expect(spoken.headers['x-amzn-requestcharacters']).toBe('9');
    expect(Number(spoken.headers['content-length'])).toBeGreaterThan(8000);

    const voices = await http1(fixture.stack, 'GET', '/v1/voices?LanguageCode=en-US&Engine=long-form');
    expect((JSON.parse(voices.body) as { Voices: { Id: string }[] }).Voices.map((voice) => voice.Id)).toEqual(
      ['Danielle', 'Gregory', 'Ruth'],
    );

    const malformed = await http1(fixture.stack, 'POST', '/v1/speech', '{"Text": "Hi",');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['x-amzn-errortype']).toBe('ValidationException');
    expect((JSON.parse(malformed.body) as { message: string }).message).toMatch(
      /^Request body is not valid JSON/,
    );

    const badQuery = await http1(fixture.stack, 'GET', '/v1/voices?Engine=turbo');
    expect(badQuery.status).toBe(400);
    expect((JSON.parse(badQuery.body) as { message: string }).message).toMatch(/Value at 'engine'/);

    const lexicons = await http1(fixture.stack, 'GET', '/v1/lexicons');
    expect(lexicons.status).toBe(404);
    expect((JSON.parse(lexicons.body) as { message: string }).message).toMatch(
      /ListLexicons .* not emulated/,
    );
  });
});
