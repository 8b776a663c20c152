import fc from 'fast-check';
import {
  MAX_BODY_BYTES,
  receiveSlackRequest,
  type IngressDependencies,
  type SlackHttpAnswer,
} from '../../../channels/slack/ingress';
import { SlackWorkSchema, type SlackWork } from '../../../channels/slack/payloads';
import {
  appMention,
  blockActions,
  channelMessage,
  directMessage,
  eventCallback,
  interactivityBody,
  messageChanged,
  signedHeaders,
  slackSignature,
  urlVerification,
} from '../../support/slack/signed-requests';

const SECRET = 'parley-ingress-unit-secret';
const NOW = 1_733_450_000;
const BOT = '<@U0PARLEYBOT>';

/** An ingress with an in-memory queue: what it handed off, and what it logged. */
function ingress(options: { handOffFails?: boolean; handOffThrows?: boolean } = {}) {
  const queued: SlackWork[] = [];
  const logged: string[] = [];
  const deps: IngressDependencies = {
    signingSecret: SECRET,
    nowSeconds: () => NOW,
    handOff: (work) => {
      if (options.handOffThrows) throw new Error('queue client not configured');
      if (options.handOffFails) return Promise.reject(new Error('queue unavailable'));
      queued.push(work);
      return Promise.resolve();
    },
    log: (message) => {
      logged.push(message);
    },
  };
  return {
    queued,
    logged,
    receive: (rawBody: string, headers: Record<string, string | undefined>) =>
      receiveSlackRequest({ rawBody, headers }, deps),
    /** Signed as Slack signs, at the ingress's now. */
    receiveSigned: (
      rawBody: string,
      extra: {
        contentType?: string;
        retryNum?: number;
        retryReason?: string;
        headers?: Record<string, string>;
      } = {},
    ) => {
      const { headers: more, ...options } = extra;
      return receiveSlackRequest(
        {
          rawBody,
          headers: { ...signedHeaders(SECRET, rawBody, { timestampSeconds: NOW, ...options }), ...more },
        },
        deps,
      );
    },
  };
}

const errorOf = (answer: SlackHttpAnswer) => (JSON.parse(answer.body) as { error: string }).error;

const mentionBody = (text = `${BOT} where is my order?`) =>
  JSON.stringify(eventCallback(appMention({ user: 'U0ALICE', channel: 'C0GENERAL', text })));

const clickBody = (actionId: string, value = '{"text":"yes","asker":"U0ALICE"}') =>
  interactivityBody(
    blockActions({
      user: 'U0ALICE',
      teamId: 'T0PARLEY01',
      channel: 'C0GENERAL',
      messageTs: '1733450000.000200',
      threadTs: '1733450000.000100',
      actionId,
      value,
      responseUrl: 'https://hooks.slack.test/actions/1',
    }),
  );

describe('receiveSlackRequest: signatures', () => {
  it.each([
    ['no signature headers', (_body: string) => ({ 'content-type': 'application/json' }), 'unsigned request'],
    [
      'a signature made with another secret',
      (body: string) => signedHeaders('another-secret', body, { timestampSeconds: NOW }),
      'signature mismatch',
    ],
    [
      'a signature of another body',
      () => signedHeaders(SECRET, mentionBody('hello'), { timestampSeconds: NOW }),
      'signature mismatch',
    ],
    [
      'a stale timestamp',
      (body: string) => signedHeaders(SECRET, body, { timestampSeconds: NOW - 301 }),
      'timestamp outside the 5-minute window',
    ],
    [
      'a timestamp from the future',
      (body: string) => signedHeaders(SECRET, body, { timestampSeconds: NOW + 301 }),
      'timestamp outside the 5-minute window',
    ],
    [
      'a non-numeric timestamp',
      (body: string) => ({
        ...signedHeaders(SECRET, body, { timestampSeconds: NOW }),
        'x-slack-request-timestamp': 'now',
      }),
      'malformed timestamp',
    ],
  ])('refuses %s with 401, no retry and no hand-off', async (_name, headersFor, reason) => {
    const { queued, logged, receive } = ingress();
    const body = mentionBody();
    const answer = await receive(body, headersFor(body));
    expect(answer.statusCode).toBe(401);
    expect(answer.headers['x-slack-no-retry']).toBe('1');
    expect(errorOf(answer)).toBe(reason);
    expect(queued).toEqual([]);
    expect(logged).toEqual(['Refused a Slack request']);
  });

  it('checks the signature before answering a url_verification', async () => {
    const { receive } = ingress();
    const body = JSON.stringify(urlVerification('challenge-123'));
    const answer = await receive(body, { 'content-type': 'application/json' });
    expect(answer.statusCode).toBe(401);
    expect(answer.body).not.toContain('challenge-123');
  });
});

describe('receiveSlackRequest: events', () => {
  it('echoes the url_verification challenge', async () => {
    const { queued, receiveSigned } = ingress();
    const answer = await receiveSigned(
      JSON.stringify(urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P')),
    );
    expect(answer).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' }),
    });
    expect(queued).toEqual([]);
  });

  it('hands a mention to the worker and acknowledges it', async () => {
    const { queued, receiveSigned } = ingress();
    const body = mentionBody();
    const answer = await receiveSigned(body);
    expect(answer).toEqual({ statusCode: 200, headers: {}, body: '' });
    expect(queued).toEqual([{ kind: 'event', body: JSON.parse(body) }]);
    expect(SlackWorkSchema.parse(queued[0])).toEqual(queued[0]);
  });

  it('accepts JSON with a charset and any case', async () => {
    const { queued, receiveSigned } = ingress();
    await receiveSigned(mentionBody(), { contentType: 'Application/JSON; charset=utf-8' });
    expect(queued).toHaveLength(1);
  });

  it('passes on which redelivery it is and why', async () => {
    const { queued, receiveSigned } = ingress();
    await receiveSigned(mentionBody(), { retryNum: 2, retryReason: 'http_timeout' });
    expect(queued).toEqual([
      expect.objectContaining({ kind: 'event', retryNum: 2, retryReason: 'http_timeout' }),
    ]);
  });

  it('ignores a retry number that is not a count', async () => {
    const { queued, receiveSigned } = ingress();
    await receiveSigned(mentionBody(), { headers: { 'x-slack-retry-num': 'two' } });
    await receiveSigned(mentionBody(), { headers: { 'x-slack-retry-num': '-1' } });
    await receiveSigned(mentionBody(), { headers: { 'x-slack-retry-num': '1.5' } });
    expect(queued).toHaveLength(3);
    for (const work of queued) expect(work).not.toHaveProperty('retryNum');
  });

  it.each([
    ['a direct message', directMessage({ user: 'U0ALICE', channel: 'D0ALICE', text: 'hi' })],
    [
      'a thread reply',
      channelMessage({ user: 'U0ALICE', channel: 'C0GENERAL', text: 'and?', threadTs: '1733449000.000001' }),
    ],
  ])('hands off %s', async (_name, event) => {
    const { queued, receiveSigned } = ingress();
    const answer = await receiveSigned(JSON.stringify(eventCallback(event)));
    expect(answer.statusCode).toBe(200);
    expect(queued).toHaveLength(1);
  });

  it.each([
    ['top-level chatter', channelMessage({ user: 'U0ALICE', channel: 'C0GENERAL', text: 'lunch?' })],
    [
      'an edit',
      messageChanged({ user: 'U0ALICE', channel: 'C0GENERAL', messageTs: '1733449000.000001', text: 'x' }),
    ],
    [
      "the bot's own post",
      {
        ...channelMessage({
          user: 'U0PARLEYBOT',
          channel: 'C0GENERAL',
          text: 'answer',
          threadTs: '1733449000.000001',
        }),
        bot_id: 'B0PARLEYBOT',
      },
    ],
    [
      'a reaction',
      { type: 'reaction_added', user: 'U0ALICE', reaction: 'thumbsup', item: { type: 'message' } },
    ],
    ['a mention without words', appMention({ user: 'U0ALICE', channel: 'C0GENERAL', text: '   ' })],
  ])('acknowledges %s without handing it off', async (_name, event) => {
    const { queued, receiveSigned } = ingress();
    const answer = await receiveSigned(JSON.stringify(eventCallback(event)));
    expect(answer).toEqual({ statusCode: 200, headers: {}, body: '' });
    expect(queued).toEqual([]);
  });

  it('acknowledges other request types without handing them off', async () => {
    const { queued, receiveSigned } = ingress();
    const answer = await receiveSigned(JSON.stringify({ type: 'app_rate_limited', team_id: 'T1' }));
    expect(answer.statusCode).toBe(200);
    expect(queued).toEqual([]);
  });
});

describe('receiveSlackRequest: interactivity', () => {
  it('hands a click on a Parley button to the worker', async () => {
    const { queued, receiveSigned } = ingress();
    const body = clickBody('parley_reply_0');
    const answer = await receiveSigned(body);
    expect(answer).toEqual({ statusCode: 200, headers: {}, body: '' });
    const payload = JSON.parse(new URLSearchParams(body).get('payload') ?? '') as unknown;
    expect(queued).toEqual([{ kind: 'interaction', body: payload }]);
  });

  it('hands off feedback clicks too', async () => {
    const { queued, receiveSigned } = ingress();
    await receiveSigned(
      clickBody('parley_feedback_helpful', '{"session":"s1","turn":1,"verdict":"helpful"}'),
    );
    expect(queued.map((work) => work.kind)).toEqual(['interaction']);
  });

  it.each(['other_app_button', 'parley_replyx', 'PARLEY_REPLY_0'])(
    'acknowledges a click on %s without handing it off',
    async (actionId) => {
      const { queued, receiveSigned } = ingress();
      const answer = await receiveSigned(clickBody(actionId));
      expect(answer.statusCode).toBe(200);
      expect(queued).toEqual([]);
    },
  );
});

describe('receiveSlackRequest: bad requests', () => {
  it.each([
    ['malformed JSON', '{"type":"event_callback",', 'application/json', /not valid JSON/],
    [
      'a form without a payload field',
      'command=%2Forder&text=123',
      'application/x-www-form-urlencoded',
      /payload/,
    ],
    [
      'a form whose payload is not JSON',
      'payload=%7Bnope',
      'application/x-www-form-urlencoded',
      /not valid JSON/,
    ],
    ['an unknown content type', mentionBody(), 'text/plain', /unsupported content type "text\/plain"/],
    ['no content type', mentionBody(), '', /unsupported content type ""/],
    ['JSON without a type', '{"event":{}}', 'application/json', /no type/],
    ['a JSON array', '[1,2]', 'application/json', /no type/],
    [
      'an event_callback without a team',
      JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention' } }),
      'application/json',
      /malformed event_callback: team_id/,
    ],
    [
      'block_actions without actions',
      interactivityBody({ type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1' } }),
      'application/x-www-form-urlencoded',
      /malformed block_actions/,
    ],
  ])(
    'answers %s with 400 naming the problem, no retry, no hand-off',
    async (_name, body, contentType, problem) => {
      const { queued, receiveSigned } = ingress();
      const answer = await receiveSigned(body, { contentType });
      expect(answer.statusCode).toBe(400);
      expect(answer.headers['x-slack-no-retry']).toBe('1');
      expect(errorOf(answer)).toMatch(problem);
      expect(queued).toEqual([]);
    },
  );

  it('refuses a body over 1 MiB with 413, counting bytes, not characters', async () => {
    const { queued, receiveSigned } = ingress();
    const ascii = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(MAX_BODY_BYTES) });
    const multibyte = JSON.stringify({
      type: 'event_callback',
      padding: 'é'.repeat(MAX_BODY_BYTES / 2 + 10),
    });
    expect(multibyte.length).toBeLessThan(MAX_BODY_BYTES);
    for (const body of [ascii, multibyte]) {
      const answer = await receiveSigned(body);
      expect(answer.statusCode).toBe(413);
      expect(answer.headers['x-slack-no-retry']).toBe('1');
      expect(errorOf(answer)).toMatch(/too large/);
    }
    expect(queued).toEqual([]);
  });

  it('takes a body of exactly 1 MiB', async () => {
    const { receiveSigned } = ingress();
    const prefix = '{"type":"app_rate_limited","padding":"';
    const body = `${prefix}${'x'.repeat(MAX_BODY_BYTES - prefix.length - 2)}"}`;
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    expect((await receiveSigned(body)).statusCode).toBe(200);
  });
});

describe('receiveSlackRequest: hand-off failures', () => {
  it.each([
    ['rejects', { handOffFails: true }],
    ['throws', { handOffThrows: true }],
  ])(
    'answers 500 without the no-retry header when the hand-off %s, so Slack retries',
    async (_name, options) => {
      const { logged, receiveSigned } = ingress(options);
      for (const body of [mentionBody(), clickBody('parley_reply_0')]) {
        const answer = await receiveSigned(body);
        expect(answer.statusCode).toBe(500);
        expect(answer.headers).not.toHaveProperty('x-slack-no-retry');
      }
      expect(logged).toEqual([
        'Could not hand Slack work to the worker; Slack will retry',
        'Could not hand Slack work to the worker; Slack will retry',
      ]);
    },
  );
});

describe('receiveSlackRequest: any request', () => {
  const CONTENT_TYPES = [
    'application/json',
    'application/json; charset=utf-8',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    '',
  ];

  /** Near-valid Slack payloads with fields dropped, retyped or replaced by junk. */
  const jsonish = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        type: fc.constantFrom('event_callback', 'url_verification', 'block_actions', 'app_rate_limited', 7),
        team_id: fc.oneof(fc.constant('T1'), fc.string(), fc.constant(null)),
        event_id: fc.oneof(fc.constant('Ev1'), fc.string()),
        challenge: fc.oneof(fc.string({ maxLength: 1200 }), fc.integer()),
        event: fc.oneof(
          fc.constant(appMention({ user: 'U0ALICE', channel: 'C1', text: `${BOT} hi` })),
          fc.constant(directMessage({ user: 'U0ALICE', channel: 'D1', text: 'hi' })),
          fc.record(
            {
              type: fc.constantFrom('message', 'app_mention', 'reaction_added', ''),
              channel: fc.string(),
              ts: fc.string(),
              user: fc.oneof(fc.string(), fc.integer()),
              text: fc.oneof(fc.string(), fc.constant(null)),
              thread_ts: fc.string(),
              subtype: fc.string(),
              channel_type: fc.constantFrom('im', 'channel'),
            },
            { requiredKeys: [] },
          ),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        team: fc.oneof(fc.constant({ id: 'T1' }), fc.jsonValue({ maxDepth: 1 })),
        user: fc.oneof(fc.constant({ id: 'U1' }), fc.jsonValue({ maxDepth: 1 })),
        channel: fc.oneof(fc.constant({ id: 'C1' }), fc.jsonValue({ maxDepth: 1 })),
        container: fc.oneof(fc.constant({ message_ts: '1.2' }), fc.jsonValue({ maxDepth: 1 })),
        actions: fc.oneof(
          fc.array(
            fc.record({
              action_id: fc.oneof(
                fc.constantFrom('parley_reply_0', 'parley_feedback_helpful', 'other'),
                fc.string(),
              ),
              action_ts: fc.constantFrom('1.3', ''),
              value: fc.string(),
            }),
            { maxLength: 3 },
          ),
          fc.jsonValue({ maxDepth: 1 }),
        ),
      },
      { requiredKeys: [] },
    ),
  );
  const validJson = fc.constantFrom(
    mentionBody(),
    JSON.stringify(urlVerification('abc')),
    JSON.stringify(eventCallback(directMessage({ user: 'U0ALICE', channel: 'D1', text: 'hi' }))),
  );
  /** A body and the content type it came with: usually the matching one, sometimes any. */
  const body = fc.oneof(
    fc.record({
      raw: fc.oneof(
        validJson,
        validJson,
        jsonish.map((value) => JSON.stringify(value)),
      ),
      type: fc.constant('application/json'),
    }),
    fc.record({
      raw: fc.oneof(
        fc.constantFrom(
          clickBody('parley_reply_0'),
          clickBody('parley_feedback_unhelpful'),
          clickBody('other_button'),
        ),
        jsonish.map((value) => interactivityBody(value as object)),
        fc.string({ maxLength: 100 }).map((text) => `payload=${text}`),
      ),
      type: fc.constant('application/x-www-form-urlencoded'),
    }),
    fc.record({
      raw: fc.string({ unit: 'binary', maxLength: 300 }),
      type: fc.constantFrom(...CONTENT_TYPES),
    }),
  );
  const header = fc.option(
    fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('1', '0', '-3', 'http_timeout')),
    {
      nil: undefined,
    },
  );
  const request = fc.record({
    body,
    otherContentType: fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.string({ unit: 'binary', maxLength: 40 })),
      },
    ),
    /** Signed properly (so the body is parsed), forged, or half-signed with garbage headers. */
    signing: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'garbage', 'stale'),
    garbage: fc.record({ timestamp: header, signature: header }),
    retryNum: header,
    retryReason: header,
    handOffFails: fc.constantFrom(false, false, false, true),
  });

  it('never throws and always answers 200, 400, 401, 413 or 500', async () => {
    const seen = new Map<number, number>();
    let handedOff = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { queued, receive } = ingress({ handOffFails: r.handOffFails });
        const rawBody = r.body.raw;
        const timestamp = r.signing === 'stale' ? NOW - 3600 : NOW;
        const signed = r.signing !== 'garbage';
        const headers: Record<string, string | undefined> = {
          'content-type': r.otherContentType ?? r.body.type,
          'x-slack-request-timestamp': signed ? String(timestamp) : r.garbage.timestamp,
          'x-slack-signature': signed ? slackSignature(SECRET, timestamp, rawBody) : r.garbage.signature,
          'x-slack-retry-num': r.retryNum,
          'x-slack-retry-reason': r.retryReason,
        };
        const answer = await receive(rawBody, headers);
        expect([200, 400, 401, 413, 500]).toContain(answer.statusCode);
        seen.set(answer.statusCode, (seen.get(answer.statusCode) ?? 0) + 1);
        // Work leaves only with a 200, and only in the shape the worker expects.
        if (queued.length > 0) {
          handedOff += 1;
          expect(answer.statusCode).toBe(200);
          expect(queued).toHaveLength(1);
          expect(SlackWorkSchema.safeParse(queued[0]).success).toBe(true);
        }
        if (answer.statusCode === 401) expect(r.signing).not.toBe('valid');
        if (answer.statusCode >= 400 && answer.statusCode < 500) {
          expect(answer.headers['x-slack-no-retry']).toBe('1');
          expect(typeof errorOf(answer)).toBe('string');
        }
        if (answer.statusCode === 500) {
          expect(r.handOffFails).toBe(true);
          expect(answer.headers).not.toHaveProperty('x-slack-no-retry');
        }
      }),
      { numRuns: 300 },
    );
    // The generators reached past the signature check, into each kind of answer.
    expect(seen.get(200)).toBeGreaterThan(15);
    expect(seen.get(400)).toBeGreaterThan(30);
    expect(seen.get(401)).toBeGreaterThan(30);
    expect(seen.get(500)).toBeGreaterThan(0);
    expect(handedOff).toBeGreaterThan(5);
  });
});
