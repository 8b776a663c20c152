import * as http2 from 'node:http2';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { sendAndHangUp } from '../../../support/fuzz/raw-http';
import { startLexEdge, http1Request, type LexEdgeFixture } from './edge-fixture';

const SEGMENTS = [
  'bots',
  'B1',
  'botAliases',
  'TSTALIASID',
  'botLocales',
  'en_US',
  'sessions',
  'u-42',
  'text',
  'utterance',
];
const AWS_ERROR_STATUS = new Set([400, 404, 424, 500]);
const printableAscii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 80,
});

const BASE = '/bots/B1/botAliases/A1/botLocales/en_US/sessions/u-42';

const randomPathArbitrary = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SEGMENTS),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      printableAscii.map(encodeURI),
    ),
    {
      maxLength: 11,
    },
  )
  .map((segments) => `/bots/${segments.join('/')}`);

const pathArbitrary = fc.oneof(
  randomPathArbitrary,
  fc
    .tuple(fc.string({ maxLength: 110 }), fc.constantFrom('', '/text', '/utterance', '/conversation'))
    .map(([sessionId, suffix]) => `${BASE.replace('u-42', encodeURIComponent(sessionId))}${suffix}`),
);

const headerArbitrary = fc.record(
  {
    'content-type': fc.oneof(
      fc.constantFrom('application/json', 'text/plain; charset=utf-8', 'audio/l16'),
      printableAscii,
    ),
    'response-content-type': fc.oneof(
      fc.constantFrom('text/plain; charset=utf-8', 'audio/mpeg'),
      printableAscii,
    ),
    'x-amz-lex-session-state': fc.oneof(
      printableAscii,
      fc.jsonValue().map((value) => gzipSync(Buffer.from(JSON.stringify(value))).toString('base64')),
    ),
    'x-amz-lex-request-attributes': fc.oneof(
      fc.base64String(),
      fc
        .dictionary(fc.string(), fc.string())
        .map((value) => gzipSync(Buffer.from(JSON.stringify(value))).toString('base64')),
    ),
    responsecontenttype: printableAscii,
  },
  { requiredKeys: [] },
);

const bodyArbitrary = fc.oneof(
  fc
    .record(
      { text: fc.string({ maxLength: 1100 }), requestAttributes: fc.dictionary(fc.string(), fc.string()) },
      { requiredKeys: ['text'] },
    )
    .map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 1100 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);

function assertWellFormed(status: number, headers: Record<string, unknown>, body: string): void {
  expect(headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  if (status === 200) return;
  expect(AWS_ERROR_STATUS.has(status)).toBe(true);
  expect(typeof headers['x-amzn-errortype']).toBe('string');
  const parsed = JSON.parse(body) as { message?: unknown };
  expect(typeof parsed.message).toBe('string');
}

describe('the Lex adapter under arbitrary input', () => {
  let fixture: LexEdgeFixture;

  beforeAll(async () => {
    fixture = await startLexEdge();
  });

  afterAll(() => fixture.edge.close());

  it('answers every HTTP/1.1 request with a success or a well-formed AWS error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
        pathArbitrary,
        headerArbitrary,
        bodyArbitrary,
        async (method, path, headers, body) => {
          const response = await http1Request(fixture.edge.port, method, path, { headers, body });
          assertWellFormed(response.status, response.headers, response.body);
        },
      ),
      { numRuns: 150 },
    );
    expect(fixture.logLines.filter((line) => line.includes('internal error'))).toEqual([]);
    for (const call of fixture.runtime.calls) {
      if (call.op === 'recognize') expect(call.request.text.length).toBeGreaterThan(0);
    }
  });

  it('passes any text within 1-1024 UTF-16 units to the runtime unchanged and rejects the rest', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 1100 }), async (text) => {
        fixture.runtime.calls.length = 0;
        const response = await http1Request(fixture.edge.port, 'POST', `${BASE}/text`, {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        });
        const valid = text.length >= 1 && text.length <= 1024;
        expect(response.status).toBe(valid ? 200 : 400);
        expect(fixture.runtime.calls.map((call) => call.op === 'recognize' && call.request.text)).toEqual(
          valid ? [text] : [],
        );
      }),
      { numRuns: 60 },
    );
  });

  it('takes a client that hangs up mid-body for what it is, not an internal error, and keeps serving', async () => {
    fixture.logLines.length = 0;
    const body = JSON.stringify({ text: 'where is my order' });
    await sendAndHangUp(
      fixture.edge.port,
      {
        method: 'POST',
        target: `${BASE}/text`,
        headers: [['content-type', 'application/json']],
        body: Buffer.from(body),
      },
      Number.MAX_SAFE_INTEGER,
    );
    const response = await http1Request(fixture.edge.port, 'POST', `${BASE}/text`, {
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(fixture.logLines.filter((line) => !line.startsWith('edge: connection error'))).toEqual([]);
  });

  it('answers every h2c request on one session with a success or a well-formed AWS error', async () => {
    const session = http2.connect(fixture.edge.url);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/text', '/utterance', ''),
          headerArbitrary,
          bodyArbitrary,
          (suffix, headers, body) =>
            new Promise<void>((resolve, reject) => {
              const stream = session.request({
                ':method': 'POST',
                ':path': `${BASE}${suffix}`,
                ...headers,
              });
              let status = 0;
              let responseHeaders: Record<string, unknown> = {};
              let text = '';
              stream.setEncoding('utf8');
              stream.on('response', (received) => {
                status = Number(received[':status']);
                responseHeaders = received;
              });
              stream.on('data', (chunk: string) => (text += chunk));
              stream.on('error', reject);
              stream.on('end', () => {
                try {
                  assertWellFormed(status, responseHeaders, text);
                  resolve();
                } catch (error) {
                  reject(error as Error);
                }
              });
              stream.end(body);
            }),
        ),
        { numRuns: 100 },
      );
    } finally {
      session.close();
    }
    const health = await http1Request(fixture.edge.port, 'GET', '/health');
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', services: ['lex'] });
  });
});
