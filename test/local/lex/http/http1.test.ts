import * as net from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startLexEdge, http1Request, type LexEdgeFixture, type PlainResponse } from './edge-fixture';

const BASE = '/bots/PARLEYBOT1/botAliases/TSTALIASID/botLocales/en_US/sessions/u-42';
const JSON_HEADERS = { 'content-type': 'application/json' };

function gzipBase64(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value))).toString('base64');
}

function gunzipHeader(response: PlainResponse, name: string): unknown {
  const value = response.headers[name];
  if (typeof value !== 'string') throw new Error(`header ${name} missing`);
  return JSON.parse(gunzipSync(Buffer.from(value, 'base64')).toString('utf8'));
}

function expectAwsError(response: PlainResponse, status: number, errorType: string): string {
  expect(response.status).toBe(status);
  expect(response.headers['x-amzn-errortype']).toBe(errorType);
  expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers['content-type']).toBe('application/json');
  const body = JSON.parse(response.body) as { message: string };
  expect(Object.keys(body)).toEqual(['message']);
  return body.message;
}

describe('Lex wire adapter over plain HTTP/1.1', () => {
  let fixture: LexEdgeFixture;
  let port: number;

  beforeAll(async () => {
    fixture = await startLexEdge();
    port = fixture.edge.port;
  });

  afterAll(() => fixture.edge.close());

  beforeEach(() => {
    fixture.runtime.calls.length = 0;
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
    http1Request(port, 'POST', path, {
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('the five operations', () => {
    it('RecognizeText', async () => {
      const response = await post(`${BASE}/text`, {
        text: 'hello',
        sessionState: { intent: { name: 'BookHotel', slots: { City: null } } },
      });
      expect(response.httpVersion).toBe('1.1');
      expect(response.status).toBe(200);
      expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      const body = JSON.parse(response.body) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['messages', 'sessionState', 'interpretations', 'sessionId']);
      expect(fixture.runtime.calls[0]).toMatchObject({
        request: { text: 'hello', sessionState: { intent: { name: 'BookHotel', slots: { City: null } } } },
      });
    });

    it('RecognizeText accepts a body without Content-Type, as bare curl sends it', async () => {
      const response = await http1Request(port, 'POST', `${BASE}/text`, { body: '{"text":"hi"}' });
      expect(response.status).toBe(200);
    });

    it('RecognizeUtterance with text: empty body, Content-Type echoing the requested type', async () => {
      const response = await post(`${BASE}/utterance`, 'where is my order', {
        'content-type': 'text/plain; charset=utf-8',
        'response-content-type': 'text/plain;charset=utf-8',
        'x-amz-lex-session-state': gzipBase64({ sessionAttributes: { a: 'b' } }),
      });
      expect(response.status).toBe(200);
      expect(response.body).toBe('');
      expect(response.headers['content-type']).toBe('text/plain;charset=utf-8');
      expect(response.headers['x-amz-lex-input-mode']).toBe('Text');
      expect(response.headers['x-amz-lex-session-id']).toBe('u-42');
      expect(gunzipHeader(response, 'x-amz-lex-input-transcript')).toBe('where is my order');
      expect(gunzipHeader(response, 'x-amz-lex-session-state')).toMatchObject({
        sessionAttributes: { a: 'b' },
      });
      expect(response.headers['x-amz-lex-request-attributes']).toBeUndefined();
    });

    it('RecognizeUtterance without Response-Content-Type answers text', async () => {
      const response = await post(`${BASE}/utterance`, 'hi', { 'content-type': 'text/plain' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('PutSession reads the ResponseContentType header (no hyphens) and answers in headers', async () => {
      const response = await post(
        BASE,
        { sessionState: { sessionAttributes: { tier: 'gold' } } },
        { ...JSON_HEADERS, responsecontenttype: 'text/plain; charset=utf-8' },
      );
      expect(response.status).toBe(200);
      expect(response.body).toBe('');
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.headers['x-amz-lex-messages']).toBeUndefined();
      expect(gunzipHeader(response, 'x-amz-lex-session-state')).toEqual({
        sessionAttributes: { tier: 'gold' },
      });
    });

    it('GetSession and DeleteSession', async () => {
      const got = await http1Request(port, 'GET', BASE);
      expect(got.status).toBe(200);
      expect(JSON.parse(got.body)).toMatchObject({
        sessionId: 'u-42',
        messages: [{ content: 'Which city?' }],
      });
      const deleted = await http1Request(port, 'DELETE', BASE);
      expect(JSON.parse(deleted.body)).toEqual({
        botId: 'PARLEYBOT1',
        botAliasId: 'TSTALIASID',
        localeId: 'en_US',
        sessionId: 'u-42',
      });
    });

    it('accepts a bot name where the real service wants the 10-character id', async () => {
      const response = await http1Request(port, 'GET', BASE.replace('PARLEYBOT1', 'RetailSupportBot'));
      expect(response.status).toBe(200);
      expect(fixture.runtime.calls[0]?.key.botId).toBe('RetailSupportBot');
    });
  });

  describe('bad requests get a named ValidationException and the server keeps serving', () => {
    afterEach(async () => {
      expect((await post(`${BASE}/text`, { text: 'still there?' })).status).toBe(200);
    });

    it('malformed JSON', async () => {
      const message = expectAwsError(await post(`${BASE}/text`, '{"text":'), 400, 'ValidationException');
      expect(message).toMatch(/^Request body is not valid JSON/);
    });

    it('a JSON body that is not an object', async () => {
      const message = expectAwsError(await post(`${BASE}/text`, '[1]'), 400, 'ValidationException');
      expect(message).toBe(
        '1 validation error detected: Request body failed to satisfy constraint: Request body must be an object',
      );
    });

    it('wrong Content-Type for a JSON operation', async () => {
      const message = expectAwsError(
        await post(`${BASE}/text`, '{"text":"hi"}', { 'content-type': 'application/x-www-form-urlencoded' }),
        400,
        'ValidationException',
      );
      expect(message).toMatch(/Content-Type must be application\/json/);
    });

    it('over-long text, counted in UTF-16 code units', async () => {
      expect((await post(`${BASE}/text`, { text: '😀'.repeat(512) })).status).toBe(200);
      const message = expectAwsError(
        await post(`${BASE}/text`, { text: `${'😀'.repeat(512)}x` }),
        400,
        'ValidationException',
      );
      expect(message).toBe(
        "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must have length less than or equal to 1024",
      );
    });

    it('a missing text', async () => {
      const message = expectAwsError(await post(`${BASE}/text`, {}), 400, 'ValidationException');
      expect(message).toBe(
        "1 validation error detected: Value at 'text' failed to satisfy constraint: Member must not be null",
      );
    });

    it('bad session ids', async () => {
      const tooShort = expectAwsError(
        await http1Request(port, 'GET', BASE.replace('u-42', 'u')),
        400,
        'ValidationException',
      );
      expect(tooShort).toBe(
        "1 validation error detected: Value at 'sessionId' failed to satisfy constraint: Member must have length greater than or equal to 2",
      );
      const badChars = expectAwsError(
        await http1Request(port, 'GET', BASE.replace('u-42', 'u%2F42')),
        400,
        'ValidationException',
      );
      expect(badChars).toBe(
        "1 validation error detected: Value at 'sessionId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z._:-]+$",
      );
      const badEncoding = expectAwsError(
        await http1Request(port, 'GET', BASE.replace('u-42', 'u%zz')),
        400,
        'ValidationException',
      );
      expect(badEncoding).toBe('Path label sessionId is not valid percent-encoding');
    });

    it('a bad bot id', async () => {
      const message = expectAwsError(
        await http1Request(port, 'GET', BASE.replace('PARLEYBOT1', 'bad%20bot')),
        400,
        'ValidationException',
      );
      expect(message).toMatch(
        /Value at 'botId' failed to satisfy constraint: Member must satisfy regular expression pattern/,
      );
    });

    it('a header that is not gzip+base64 JSON', async () => {
      const headers = { 'content-type': 'text/plain; charset=utf-8' };
      const notBase64 = expectAwsError(
        await post(`${BASE}/utterance`, 'hi', { ...headers, 'x-amz-lex-request-attributes': 'not base64!' }),
        400,
        'ValidationException',
      );
      expect(notBase64).toBe(
        'Header x-amz-lex-request-attributes must be base64-encoded gzip of JSON; it is not valid base64',
      );
      const notGzip = expectAwsError(
        await post(`${BASE}/utterance`, 'hi', {
          ...headers,
          'x-amz-lex-session-state': Buffer.from('{}').toString('base64'),
        }),
        400,
        'ValidationException',
      );
      expect(notGzip).toMatch(
        /^Header x-amz-lex-session-state must be base64-encoded gzip of JSON; gunzip failed/,
      );
      const badShape = expectAwsError(
        await post(`${BASE}/utterance`, 'hi', {
          ...headers,
          'x-amz-lex-request-attributes': gzipBase64({ a: 1 }),
        }),
        400,
        'ValidationException',
      );
      expect(badShape).toBe(
        "1 validation error detected: Value at 'requestAttributes.a' failed to satisfy constraint: Member must be a string",
      );
    });

    it('an unsupported RecognizeUtterance Content-Type or Response-Content-Type', async () => {
      const request = expectAwsError(
        await post(`${BASE}/utterance`, 'hi', { 'content-type': 'video/mp4' }),
        400,
        'ValidationException',
      );
      expect(request).toMatch(
        /^Header Content-Type value 'video\/mp4' is not supported; use one of: text\/plain, audio\/l16/,
      );
      const response = expectAwsError(
        await post(`${BASE}/utterance`, 'hi', {
          'content-type': 'text/plain',
          'response-content-type': 'application/json',
        }),
        400,
        'ValidationException',
      );
      expect(response).toMatch(/^Header Response-Content-Type value 'application\/json' is not supported/);
    });

    it('audio in or out is refused with DependencyFailedException by an endpoint without speech engines', async () => {
      const audioIn = await post(`${BASE}/utterance`, 'xx', {
        'content-type': 'audio/x-l16; sample-rate=16000; channel-count=1',
      });
      expect(expectAwsError(audioIn, 424, 'DependencyFailedException')).toMatch(/no speech recognizer/);
      const audioOut = await post(`${BASE}/utterance`, 'hi', {
        'content-type': 'text/plain',
        'response-content-type': 'audio/mpeg',
      });
      expect(expectAwsError(audioOut, 424, 'DependencyFailedException')).toMatch(/no speech synthesizer/);
      const putAudio = await post(
        BASE,
        { sessionState: {} },
        { ...JSON_HEADERS, responsecontenttype: 'audio/pcm' },
      );
      expect(expectAwsError(putAudio, 424, 'DependencyFailedException')).toMatch(/no speech synthesizer/);
      expect(fixture.runtime.calls).toEqual([]);
    });

    it('an empty or non-UTF-8 utterance', async () => {
      const empty = expectAwsError(
        await post(`${BASE}/utterance`, '', { 'content-type': 'text/plain' }),
        400,
        'ValidationException',
      );
      expect(empty).toBe(
        "1 validation error detected: Value at 'inputStream' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
      const latin1 = await http1Request(port, 'POST', `${BASE}/utterance`, {
        headers: { 'content-type': 'text/plain' },
        body: Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      });
      expect(expectAwsError(latin1, 400, 'ValidationException')).toBe('Request body is not valid UTF-8');
    });

    it('a body over the size limit', async () => {
      const message = expectAwsError(
        await post(`${BASE}/text`, 'x'.repeat(1024 * 1024 + 1)),
        400,
        'ValidationException',
      );
      expect(message).toBe('Request body is larger than the 1048576-byte limit');
    });

    it('an audio upload declared over 16 MiB is refused before its body is read', async () => {
      const socket = net.connect(port, '127.0.0.1');
      const head = await new Promise<string>((resolve, reject) => {
        let text = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('\r\n\r\n')) resolve(text);
        });
        socket.on('error', reject);
        socket.write(
          `POST ${BASE}/utterance HTTP/1.1\r\nHost: x\r\nContent-Type: audio/l16; rate=16000; channels=1\r\n` +
            `Content-Length: ${16 * 1024 * 1024 + 1}\r\n\r\n`,
        );
      });
      socket.destroy();
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head).toMatch(/x-amzn-ErrorType: ValidationException/i);
    });

    it('PutSession without sessionState, and with too many or malformed messages', async () => {
      expect(expectAwsError(await post(BASE, {}), 400, 'ValidationException')).toBe(
        "1 validation error detected: Value at 'sessionState' failed to satisfy constraint: Member must not be null",
      );
      const message = { contentType: 'PlainText', content: 'hi' };
      expect(
        expectAwsError(
          await post(BASE, { sessionState: {}, messages: Array(11).fill(message) }),
          400,
          'ValidationException',
        ),
      ).toBe(
        "1 validation error detected: Value at 'messages' failed to satisfy constraint: Member must have length less than or equal to 10",
      );
      const malformed = await post(BASE, {
        sessionState: {},
        messages: [
          { contentType: 'PlainText' },
          {
            contentType: 'ImageResponseCard',
            imageResponseCard: { title: '', buttons: [{ text: 'a', value: 'x'.repeat(51) }] },
          },
        ],
      });
      expect(expectAwsError(malformed, 400, 'ValidationException')).toBe(
        '3 validation errors detected: ' +
          "Value at 'messages[0].content' failed to satisfy constraint: Member must not be null for PlainText; " +
          "Value at 'messages[1].imageResponseCard.title' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
          "Value at 'messages[1].imageResponseCard.buttons[0].value' failed to satisfy constraint: Member must have length less than or equal to 50",
      );
    });

    it('session state limits: intent enums, active contexts', async () => {
      const context = {
        name: 'booking_ctx',
        timeToLive: { timeToLiveInSeconds: 300, turnsToLive: 5 },
        contextAttributes: {},
      };
      const ok = await post(`${BASE}/text`, { text: 'hi', sessionState: { activeContexts: [context] } });
      expect(ok.status).toBe(200);
      const bad = await post(`${BASE}/text`, {
        text: 'hi',
        sessionState: {
          intent: { name: 'BookHotel', state: 'Done', confirmationState: 'Maybe' },
          activeContexts: [
            {
              name: 'bad name',
              timeToLive: { timeToLiveInSeconds: 4, turnsToLive: 21 },
              contextAttributes: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
            },
          ],
        },
      });
      const message = expectAwsError(bad, 400, 'ValidationException');
      expect(message).toMatch(/^6 validation errors detected: /);
      expect(message).toContain(
        "Value at 'sessionState.intent.state' failed to satisfy constraint: Member must satisfy enum value set: [Failed, Fulfilled, InProgress, ReadyForFulfillment, Waiting, FulfillmentInProgress]",
      );
      expect(message).toContain(
        "Value at 'sessionState.intent.confirmationState' failed to satisfy constraint: Member must satisfy enum value set: [Confirmed, Denied, None]",
      );
      expect(message).toContain(
        "Value at 'sessionState.activeContexts[0].name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([A-Za-z0-9]_?)+$",
      );
      expect(message).toContain(
        "Value at 'sessionState.activeContexts[0].timeToLive.timeToLiveInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 5",
      );
      expect(message).toContain(
        "Value at 'sessionState.activeContexts[0].timeToLive.turnsToLive' failed to satisfy constraint: Member must have value less than or equal to 20",
      );
      expect(message).toContain(
        "Value at 'sessionState.activeContexts[0].contextAttributes' failed to satisfy constraint: Member must have length less than or equal to 10",
      );
      const tooMany = await post(`${BASE}/text`, {
        text: 'hi',
        sessionState: { activeContexts: Array(21).fill(context) },
      });
      expect(expectAwsError(tooMany, 400, 'ValidationException')).toMatch(
        /'sessionState.activeContexts' failed to satisfy constraint: Member must have length less than or equal to 20/,
      );
    });
  });

  describe('routes the Lex adapter does not serve', () => {
    it.each([
      ['GET', `${BASE}/text`, 'No Lex V2 runtime operation matches GET ' + `${BASE}/text`],
      ['PUT', BASE, `No Lex V2 runtime operation matches PUT ${BASE}`],
      ['POST', '/bots/x/unknown', 'No Lex V2 runtime operation matches POST /bots/x/unknown'],
      [
        'POST',
        `${BASE}/conversation`,
        'StartConversation (bidirectional streaming) is not emulated locally; use RecognizeText or RecognizeUtterance',
      ],
    ])('%s %s', async (method, path, expected) => {
      const response = await http1Request(port, method, path, { headers: JSON_HEADERS, body: '{}' });
      expect(expectAwsError(response, 404, 'UnknownOperationException')).toBe(expected);
    });

    it('paths outside /bots/ fall through to the edge', async () => {
      const response = await http1Request(port, 'POST', '/model/x/converse', { body: '{}' });
      expect(expectAwsError(response, 404, 'UnknownOperationException')).toBe(
        'No local service handles POST /model/x/converse',
      );
    });
  });
});
