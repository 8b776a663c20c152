import { gunzipSync, gzipSync } from 'node:zlib';
import {
  DeleteSessionCommand,
  GetSessionCommand,
  LexRuntimeV2Client,
  PutSessionCommand,
  RecognizeTextCommand,
  RecognizeUtteranceCommand,
} from '@aws-sdk/client-lex-runtime-v2';
import { LexServiceError } from '../../../../local/lex/runtime/types';
import { startLexEdge, type LexEdgeFixture } from './edge-fixture';

const KEY = { botId: 'PARLEYBOT1', botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 'u-42' };

function gzipBase64(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value))).toString('base64');
}

function gunzipBase64(value: string | undefined): unknown {
  if (value === undefined) throw new Error('header missing');
  return JSON.parse(gunzipSync(Buffer.from(value, 'base64')).toString('utf8'));
}

async function drain(stream: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function sdkError(
  promise: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

describe('Lex wire adapter driven by the real SDK over h2c', () => {
  let fixture: LexEdgeFixture;
  let client: LexRuntimeV2Client;

  beforeAll(async () => {
    fixture = await startLexEdge();
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

  beforeEach(() => {
    fixture.runtime.calls.length = 0;
  });

  it('RecognizeText sends the JSON body and parses the JSON result', async () => {
    const out = await client.send(
      new RecognizeTextCommand({
        ...KEY,
        text: 'book a hotel in Paris',
        sessionState: {
          sessionAttributes: { tier: 'gold' },
          intent: { name: 'BookHotel', slots: { City: { value: { interpretedValue: 'Paris' } } } },
        },
        requestAttributes: { channel: 'slack' },
      }),
    );
    expect(fixture.runtime.calls).toEqual([
      {
        op: 'recognize',
        key: KEY,
        request: {
          text: 'book a hotel in Paris',
          inputMode: 'Text',
          responseContentType: 'text/plain; charset=utf-8',
          sessionState: {
            sessionAttributes: { tier: 'gold' },
            intent: { name: 'BookHotel', slots: { City: { value: { interpretedValue: 'Paris' } } } },
          },
          requestAttributes: { channel: 'slack' },
        },
      },
    ]);
    expect(out.sessionId).toBe('u-42');
    expect(out.messages).toEqual([{ contentType: 'PlainText', content: 'You said: book a hotel in Paris' }]);
    expect(out.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'CheckIn' });
    expect(out.sessionState?.intent?.slots?.City?.value?.interpretedValue).toBe('Paris');
    expect(out.interpretations?.[0]?.nluConfidence?.score).toBe(0.9);
    expect(out.requestAttributes).toEqual({ channel: 'slack' });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('percent-decodes path labels the SDK encoded', async () => {
    await client.send(new RecognizeTextCommand({ ...KEY, sessionId: 'user:42.a_b-c', text: 'hi' }));
    expect(fixture.runtime.calls[0]?.key.sessionId).toBe('user:42.a_b-c');
  });

  it('RecognizeUtterance takes text with gzip+base64 headers and answers in gzip+base64 headers', async () => {
    const out = await client.send(
      new RecognizeUtteranceCommand({
        ...KEY,
        requestContentType: 'text/plain; charset=utf-8',
        responseContentType: 'text/plain; charset=utf-8',
        sessionState: gzipBase64({ sessionAttributes: { tier: 'gold' } }),
        requestAttributes: gzipBase64({ channel: 'console' }),
        inputStream: Buffer.from('next friday'),
      }),
    );
    expect(fixture.runtime.calls[0]).toEqual({
      op: 'recognize',
      key: KEY,
      request: {
        text: 'next friday',
        inputMode: 'Text',
        responseContentType: 'text/plain; charset=utf-8',
        sessionState: { sessionAttributes: { tier: 'gold' } },
        requestAttributes: { channel: 'console' },
      },
    });
    expect(out.contentType).toBe('text/plain; charset=utf-8');
    expect(out.inputMode).toBe('Text');
    expect(out.sessionId).toBe('u-42');
    expect(gunzipBase64(out.inputTranscript)).toBe('next friday');
    expect(gunzipBase64(out.messages)).toEqual([
      { contentType: 'PlainText', content: 'You said: next friday' },
    ]);
    expect(gunzipBase64(out.sessionState)).toMatchObject({ sessionAttributes: { tier: 'gold' } });
    expect(gunzipBase64(out.interpretations)).toHaveLength(2);
    expect(gunzipBase64(out.requestAttributes)).toEqual({ channel: 'console' });
    expect((await drain(out.audioStream)).length).toBe(0);
  });

  it('RecognizeUtterance refuses audio input before the dialog engine runs', async () => {
    const error = await sdkError(
      client.send(
        new RecognizeUtteranceCommand({
          ...KEY,
          requestContentType: 'audio/l16; rate=16000; channels=1',
          inputStream: Buffer.alloc(3200),
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'DependencyFailedException', status: 424 });
    expect(error.message).toMatch(/no speech recognizer/);
    expect(fixture.runtime.calls).toEqual([]);
  });

  it('RecognizeUtterance rejects a session-state header that is not gzip+base64', async () => {
    const error = await sdkError(
      client.send(
        new RecognizeUtteranceCommand({
          ...KEY,
          requestContentType: 'text/plain; charset=utf-8',
          sessionState: Buffer.from('{"sessionAttributes":{}}').toString('base64'),
          inputStream: Buffer.from('hi'),
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(error.message).toMatch(/x-amz-lex-session-state/);
  });

  it('PutSession sends JSON and gets gzip+base64 headers and an empty text body back', async () => {
    const out = await client.send(
      new PutSessionCommand({
        ...KEY,
        sessionState: {
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'City' },
          intent: { name: 'BookHotel', state: 'InProgress' },
        },
        messages: [{ contentType: 'PlainText', content: 'Which city?' }],
        requestAttributes: { channel: 'slack' },
        responseContentType: 'text/plain; charset=utf-8',
      }),
    );
    expect(fixture.runtime.calls[0]).toMatchObject({ op: 'putSession', key: KEY });
    expect(out.contentType).toBe('text/plain; charset=utf-8');
    expect(out.sessionId).toBe('u-42');
    expect(gunzipBase64(out.messages)).toEqual([{ contentType: 'PlainText', content: 'Which city?' }]);
    expect(gunzipBase64(out.sessionState)).toEqual({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'City' },
      intent: { name: 'BookHotel', state: 'InProgress' },
    });
    expect(gunzipBase64(out.requestAttributes)).toEqual({ channel: 'slack' });
    expect((await drain(out.audioStream)).length).toBe(0);
  });

  it('PutSession validates the session state', async () => {
    const error = await sdkError(
      client.send(
        new PutSessionCommand({ ...KEY, sessionState: { dialogAction: { type: 'Bogus' as never } } }),
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(error.message).toBe(
      "1 validation error detected: Value at 'sessionState.dialogAction.type' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [Close, ConfirmIntent, Delegate, ElicitIntent, ElicitSlot, None]',
    );
  });

  it('GetSession and DeleteSession answer JSON', async () => {
    const session = await client.send(new GetSessionCommand(KEY));
    expect(session.sessionId).toBe('u-42');
    expect(session.messages).toEqual([{ contentType: 'PlainText', content: 'Which city?' }]);
    expect(session.sessionState?.sessionAttributes).toEqual({ tier: 'gold' });
    const deleted = await client.send(new DeleteSessionCommand(KEY));
    expect({ ...deleted, $metadata: undefined }).toEqual({ ...KEY, $metadata: undefined });
    expect(fixture.runtime.calls.map((call) => call.op)).toEqual(['getSession', 'deleteSession']);
  });

  it.each([
    ['ResourceNotFoundException', 404],
    ['ConflictException', 409],
    ['DependencyFailedException', 424],
    ['ThrottlingException', 429],
    ['BadGatewayException', 502],
  ] as const)('surfaces the runtime error %s as the SDK exception of that name', async (name, status) => {
    fixture.runtime.failNextWith(new LexServiceError(name, `runtime says ${name}`));
    const error = await sdkError(client.send(new RecognizeTextCommand({ ...KEY, text: 'hello' })));
    expect(error).toEqual({ name, status, message: `runtime says ${name}` });
  });

  it('turns an unexpected runtime failure into InternalServerException and keeps serving', async () => {
    fixture.runtime.failNextWith(new TypeError('boom'));
    const error = await sdkError(client.send(new GetSessionCommand(KEY)));
    expect(error).toMatchObject({ name: 'InternalServerException', status: 500 });
    expect(fixture.logLines.some((line) => line.includes('TypeError: boom'))).toBe(true);
    await expect(client.send(new GetSessionCommand(KEY))).resolves.toMatchObject({ sessionId: 'u-42' });
  });

  it('rejects what the SDK does not validate client-side: empty text, bad session id, long text', async () => {
    const empty = await sdkError(client.send(new RecognizeTextCommand({ ...KEY, text: '' })));
    expect(empty.message).toBe(
      "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    const badId = await sdkError(
      client.send(new RecognizeTextCommand({ ...KEY, sessionId: 'a b', text: 'hi' })),
    );
    expect(badId).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(badId.message).toMatch(
      /Value at 'sessionId' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    const long = await sdkError(client.send(new RecognizeTextCommand({ ...KEY, text: 'x'.repeat(1025) })));
    expect(long.message).toBe(
      "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must have length less than or equal to 1024",
    );
    expect(fixture.runtime.calls).toEqual([]);
  });
});
