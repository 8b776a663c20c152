/**
 * RecognizeUtterance with text input against the whole stack, the way a voice channel calls it: gzip+base64
 * JSON in the request headers, answers in gzip+base64 response headers that the caller decodes itself.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { RecognizeUtteranceCommand } from '@aws-sdk/client-lex-runtime-v2';
import type { SpeechTimings } from '../../local/lex/http/speech';
import { describeWithAsr } from '../support/asr';
import { ALIAS_ID, BOT_ID, useLocalStack } from '../support/local-stack';

const timings: SpeechTimings[] = [];
const fixture = useLocalStack({ speechTimings: (reported) => timings.push(reported) });

const decode = (header: string | undefined): unknown =>
  header === undefined ? undefined : JSON.parse(gunzipSync(Buffer.from(header, 'base64')).toString('utf8'));

function utterance(sessionId: string, text: string, requestAttributes?: Record<string, string>) {
  return fixture.client.send(
    new RecognizeUtteranceCommand({
      botId: BOT_ID,
      botAliasId: ALIAS_ID,
      localeId: 'en_US',
      sessionId,
      requestContentType: 'text/plain; charset=utf-8',
      responseContentType: 'text/plain; charset=utf-8',
      ...(requestAttributes
        ? { requestAttributes: gzipSync(JSON.stringify(requestAttributes)).toString('base64') }
        : {}),
      inputStream: Buffer.from(text),
    }),
  );
}

it('runs a two-turn dialog and returns every header encoded as Lex does', async () => {
  const first = await utterance('utt-1', 'where is my order', { channel: 'test' });
  expect(first.inputMode).toBe('Text');
  expect(decode(first.inputTranscript)).toBe('where is my order');
  expect(decode(first.sessionState)).toMatchObject({
    dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' },
    intent: { name: 'CheckOrderStatus' },
  });
  expect(decode(first.requestAttributes)).toEqual({ channel: 'test' });
  expect((decode(first.interpretations) as { intent: { name: string } }[])[0]?.intent.name).toBe(
    'CheckOrderStatus',
  );

  const second = await utterance('utt-1', '10002');
  expect(decode(second.sessionState)).toMatchObject({
    intent: { name: 'CheckOrderStatus', state: 'Fulfilled' },
  });
  const messages = decode(second.messages) as { content: string }[];
  expect(messages[0]?.content).toContain('10002');
});

describeWithAsr('the audio-input turns')('audio input', () => {
  it('hears silence as no input: an empty transcript, a spoken re-prompt, and the dialog goes on', async () => {
    const silent = await fixture.client.send(
      new RecognizeUtteranceCommand({
        botId: BOT_ID,
        botAliasId: ALIAS_ID,
        localeId: 'en_US',
        sessionId: 'utt-2',
        requestContentType: 'audio/l16; rate=16000; channels=1',
        responseContentType: 'text/plain; charset=utf-8',
        inputStream: Buffer.alloc(3200),
      }),
    );
    expect(silent.inputMode).toBe('Speech');
    expect(decode(silent.inputTranscript)).toBe('');
    expect(decode(silent.messages)).toEqual([
      { contentType: 'SSML', content: expect.stringMatching(/didn&apos;t hear anything/) },
    ]);
    const after = await utterance('utt-2', 'where is order 10001');
    expect(decode(after.sessionState)).toMatchObject({ intent: { state: 'Fulfilled' } });
  });

  it('reports how long recognising and speaking took, for the benchmarks, and only what happened', async () => {
    timings.length = 0;
    await fixture.client.send(
      new RecognizeUtteranceCommand({
        botId: BOT_ID,
        botAliasId: ALIAS_ID,
        localeId: 'en_US',
        sessionId: 'utt-timings',
        requestContentType: 'audio/l16; rate=16000; channels=1',
        responseContentType: 'audio/pcm',
        inputStream: Buffer.alloc(16_000),
      }),
    );
    await utterance('utt-timings', 'where is my order');
    expect(timings).toEqual([
      {
        recognitionMs: expect.any(Number),
        audioSeconds: 0.5,
        speechMs: expect.any(Number),
      },
      {},
    ]);
  });
});
