import { gunzipSync, gzipSync } from 'node:zlib';
import {
  LexRuntimeV2Client,
  PutSessionCommand,
  RecognizeUtteranceCommand,
} from '@aws-sdk/client-lex-runtime-v2';
import type { Pcm16 } from '../../../../local/audio/pcm';
import type { LexSpeech, ListeningContext } from '../../../../local/lex/http';
import type { LocaleVoice, Message } from '../../../../local/lex/runtime/types';
import { startLexEdge, type LexEdgeFixture } from './edge-fixture';

const KEY = { botId: 'PARLEYBOT1', botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 'u-7' };

const gunzipJson = (value: string | undefined): unknown =>
  JSON.parse(gunzipSync(Buffer.from(value ?? '', 'base64')).toString('utf8'));

async function drain(stream: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * The wire adapter's own tests: the speech engines are replaced by recorders so the adapter's decoding,
 * routing and encoding are checked in isolation (the real engines are exercised by the call-loop tests).
 */
function recordingSpeech(transcript: string | Error, confidence?: number) {
  const heard: { audio: Pcm16; context: ListeningContext }[] = [];
  const spoken: { messages: readonly Message[]; voice: LocaleVoice; contentType: string }[] = [];
  const speech: LexSpeech = {
    recognizer: {
      transcribe: async (audio, context) => {
        heard.push({ audio, context });
        if (transcript instanceof Error) throw transcript;
        return confidence === undefined ? { text: transcript } : { text: transcript, confidence };
      },
    },
    speaker: {
      speak: async (messages, voice, contentType) => {
        spoken.push({ messages, voice, contentType });
        return Buffer.from(`AUDIO:${messages.map((m) => m.content).join('|')}`);
      },
    },
  };
  return { speech, heard, spoken };
}

describe('RecognizeUtterance and PutSession with audio', () => {
  let fixture: LexEdgeFixture;
  let client: LexRuntimeV2Client;
  const recorder = recordingSpeech('where is my order', 0.87);

  beforeAll(async () => {
    fixture = await startLexEdge(recorder.speech);
    client = new LexRuntimeV2Client({
      endpoint: fixture.edge.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await fixture.edge.close();
  });

  it('hands 16 kHz l16 audio to the recognizer and the transcript to the dialog as Speech input', async () => {
    const samples = Buffer.alloc(3200);
    samples.writeInt16LE(-1234, 2);
    const out = await client.send(
      new RecognizeUtteranceCommand({
        ...KEY,
        requestContentType: 'audio/l16; rate=16000; channels=1',
        responseContentType: 'audio/pcm',
        inputStream: samples,
      }),
    );
    const heard = recorder.heard.at(-1)!;
    expect(heard.audio.sampleRate).toBe(16000);
    expect(heard.audio.samples).toHaveLength(1600);
    expect(heard.audio.samples[1]).toBe(-1234);
    expect(heard.context).toEqual({
      key: KEY,
      intentName: 'BookHotel',
    });
    expect(out.inputMode).toBe('Speech');
    expect(gunzipJson(out.inputTranscript)).toBe('where is my order');
    expect(fixture.runtime.calls.at(-1)).toMatchObject({
      op: 'recognize',
      request: {
        text: 'where is my order',
        inputMode: 'Speech',
        transcriptionConfidence: 0.87,
        responseContentType: 'audio/pcm',
      },
    });
    expect(out.contentType).toBe('audio/pcm');
    expect((await drain(out.audioStream)).toString()).toBe('AUDIO:You said: where is my order');
    expect(recorder.spoken.at(-1)).toMatchObject({ voice: { voiceId: 'Joanna' }, contentType: 'audio/pcm' });
  });

  it('reads the 8 kHz lpcm form, and the x-l16 spelling of the parameters', async () => {
    for (const [contentType, rate] of [
      ['audio/lpcm; sample-rate=8000; sample-size-bits=16; channel-count=1; is-big-endian=false', 8000],
      ['audio/x-l16; sample-rate=16000; channel-count=1', 16000],
    ] as const) {
      await client.send(
        new RecognizeUtteranceCommand({
          ...KEY,
          requestContentType: contentType,
          inputStream: Buffer.alloc(800),
        }),
      );
      expect(recorder.heard.at(-1)?.audio.sampleRate).toBe(rate);
    }
  });

  it.each([
    ['audio/l16; rate=44100; channels=1', 'ValidationException', /sample rate must be 8000 or 16000/],
    ['audio/l16; rate=16000; channels=2', 'ValidationException', /must be mono/],
    ['audio/lpcm; sample-rate=8000; sample-size-bits=8', 'ValidationException', /16-bit/],
    [
      'audio/x-cbr-opus-with-preamble;preamble-size=0;bit-rate=256000;frame-size-milliseconds=4',
      'DependencyFailedException',
      /cannot decode Opus/,
    ],
  ])('refuses %s, naming what is wrong, before the dialog runs', async (contentType, name, message) => {
    const before = fixture.runtime.calls.length;
    await expect(
      client.send(
        new RecognizeUtteranceCommand({
          ...KEY,
          requestContentType: contentType,
          inputStream: Buffer.alloc(800),
        }),
      ),
    ).rejects.toMatchObject({ name, message: expect.stringMatching(message) });
    expect(fixture.runtime.calls.length).toBe(before);
  });

  it('takes keypad input when the DTMF request attribute is set, and hides the attribute from the bot', async () => {
    const out = await client.send(
      new RecognizeUtteranceCommand({
        ...KEY,
        requestContentType: 'text/plain; charset=utf-8',
        requestAttributes: gzipSync(
          JSON.stringify({ 'parley:input-mode': 'DTMF', channel: 'phone' }),
        ).toString('base64'),
        inputStream: Buffer.from('12345#'),
      }),
    );
    expect(out.inputMode).toBe('DTMF');
    expect(fixture.runtime.calls.at(-1)).toMatchObject({
      op: 'recognize',
      request: { text: '12345#', inputMode: 'DTMF', requestAttributes: { channel: 'phone' } },
    });
  });

  it('speaks PutSession messages when audio is asked for', async () => {
    const out = await client.send(
      new PutSessionCommand({
        ...KEY,
        sessionState: { dialogAction: { type: 'ElicitIntent' } },
        messages: [{ contentType: 'PlainText', content: 'How can I help?' }],
        responseContentType: 'audio/mpeg',
      }),
    );
    expect((await drain(out.audioStream)).toString()).toBe('AUDIO:How can I help?');
  });
});

describe('RecognizeUtterance when the recognizer fails', () => {
  it('answers DependencyFailedException with the recognizer’s reason and runs no dialog turn', async () => {
    const recorder = recordingSpeech(
      new Error('pocketsphinx is not installed: sudo apt-get install pocketsphinx'),
    );
    const fixture = await startLexEdge(recorder.speech);
    const client = new LexRuntimeV2Client({
      endpoint: fixture.edge.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    try {
      await expect(
        client.send(
          new RecognizeUtteranceCommand({
            ...KEY,
            requestContentType: 'audio/l16; rate=16000; channels=1',
            inputStream: Buffer.alloc(320),
          }),
        ),
      ).rejects.toMatchObject({
        name: 'DependencyFailedException',
        message: expect.stringMatching(/^Speech recognition failed: pocketsphinx is not installed/),
      });
      expect(fixture.runtime.calls.filter((call) => call.op === 'recognize')).toEqual([]);
    } finally {
      client.destroy();
      await fixture.edge.close();
    }
  });
});

describe('when speech fails after the turn is taken', () => {
  it('answers with the text and no audio, takes the turn once, and logs why', async () => {
    const recorder = recordingSpeech('where is my order');
    const speech: LexSpeech = {
      ...recorder.speech,
      speaker: {
        speak: async () => {
          throw new Error('Polly is unavailable');
        },
      },
    };
    const fixture = await startLexEdge(speech);
    const client = new LexRuntimeV2Client({
      endpoint: fixture.edge.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 3,
    });
    try {
      const out = await client.send(
        new RecognizeUtteranceCommand({
          ...KEY,
          requestContentType: 'text/plain; charset=utf-8',
          responseContentType: 'audio/pcm',
          inputStream: Buffer.from('where is my order'),
        }),
      );
      expect(gunzipJson(out.messages)).toEqual([
        { contentType: 'PlainText', content: 'You said: where is my order' },
      ]);
      expect((await drain(out.audioStream)).length).toBe(0);
      expect(fixture.runtime.calls.filter((call) => call.op === 'recognize')).toHaveLength(1);
      expect(fixture.logLines.join('\n')).toMatch(
        /speech failed, answering with text and no audio: Polly is unavailable/,
      );
    } finally {
      client.destroy();
      await fixture.edge.close();
    }
  });
});
