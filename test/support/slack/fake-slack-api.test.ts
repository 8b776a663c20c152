import { verifySlackRequest } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api';
import {
  appMention,
  blockActions,
  eventCallback,
  interactivityBody,
  signedHeaders,
  slackSignature,
} from './signed-requests';

async function failureOf(promise: Promise<unknown>): Promise<{ code?: string; data?: { error?: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; data?: { error?: string } };
  }
  throw new Error('expected the call to fail');
}

describe('fake Slack Web API with the real WebClient', () => {
  let api: FakeSlackApi;
  let client: WebClient;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    client = new WebClient(api.token, {
      slackApiUrl: api.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  });
  afterAll(() => api.close());

  it('answers auth.test with the bot identity and refuses a wrong token', async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, team_id: api.teamId, user_id: api.botUserId, bot_id: api.botId });

    const wrong = new WebClient('xoxb-wrong', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
    const failure = await failureOf(wrong.auth.test());
    expect(failure.code).toBe(ErrorCode.PlatformError);
    expect(failure.data?.error).toBe('invalid_auth');
  });

  it('posts in a thread, updates, reacts and links, recording blocks as objects', async () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: 'We open at 9am.' } },
      {
        type: 'actions',
        block_id: 'fb',
        elements: [
          {
            type: 'button',
            action_id: 'feedback_yes',
            text: { type: 'plain_text', text: 'Yes' },
            value: 't-1',
          },
        ],
      },
    ];
    const first = await client.chat.postMessage({ channel: 'C1', text: 'hello' });
    const reply = await client.chat.postMessage({
      channel: 'C1',
      text: 'We open at 9am.',
      blocks,
      thread_ts: first.ts,
    });
    expect(reply.message).toMatchObject({
      text: 'We open at 9am.',
      thread_ts: first.ts,
      ts: reply.ts,
      blocks,
    });
    expect(Number(reply.ts)).toBeGreaterThan(Number(first.ts));
    expect(api.posts()[1]).toMatchObject({ channel: 'C1', blocks, thread_ts: first.ts, ts: reply.ts });

    const updated = await client.chat.update({ channel: 'C1', ts: reply.ts ?? '', text: 'Edited' });
    expect(updated).toMatchObject({ ok: true, channel: 'C1', ts: reply.ts, text: 'Edited' });
    expect(api.updates()).toEqual([expect.objectContaining({ ts: reply.ts, text: 'Edited' })]);

    await client.reactions.add({ channel: 'C1', timestamp: first.ts ?? '', name: 'eyes' });
    expect(api.reactions()).toEqual([
      { method: 'reactions.add', channel: 'C1', timestamp: first.ts, name: 'eyes' },
    ]);
    expect(api.reactionsOn('C1', first.ts ?? '')).toEqual(['eyes']);

    const top = await client.chat.getPermalink({ channel: 'C1', message_ts: first.ts ?? '' });
    expect(top.permalink).toBe(`https://fake.slack.test/archives/C1/p${first.ts?.replace('.', '')}`);
    const inThread = await client.chat.getPermalink({ channel: 'C1', message_ts: reply.ts ?? '' });
    expect(inThread.permalink).toBe(
      `https://fake.slack.test/archives/C1/p${reply.ts?.replace('.', '')}?thread_ts=${first.ts}&cid=C1`,
    );

    const unknown = await failureOf(client.apiCall('chat.scheduleMessage', { channel: 'C1', text: 'x' }));
    expect(unknown.data?.error).toBe('unknown_method');
  });

  it('fails the next call once with an error or a 429, then answers normally', async () => {
    api.failNext('chat.postMessage', { error: 'channel_not_found' });
    const platform = (await failureOf(
      client.chat.postMessage({ channel: 'C2', text: 'x' }),
    )) as WebAPIPlatformError;
    expect(platform.data.error).toBe('channel_not_found');

    api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 7 });
    const limited = (await failureOf(
      client.chat.postMessage({ channel: 'C2', text: 'x' }),
    )) as WebAPIRateLimitedError;
    expect(limited.code).toBe(ErrorCode.RateLimitedError);
    expect(limited.retryAfter).toBe(7);

    await expect(client.chat.postMessage({ channel: 'C2', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(
      api.calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === 'C2'),
    ).toHaveLength(3);
    expect(api.posts().filter((post) => post.channel === 'C2')).toHaveLength(1);
  });

  it('records POSTs to a response URL and waits for them', async () => {
    const url = api.responseUrl('click-1');
    const posted = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Thanks!', replace_original: false }),
    });
    const body = await api.waitFor(() => api.responses('click-1')[0]);
    expect(body).toEqual({ text: 'Thanks!', replace_original: false });
    expect((await posted).status).toBe(200);
    await expect(api.waitFor(() => api.responses('never')[0], 50)).rejects.toThrow(/response_url click-1/);
  });
});

describe('signed Slack requests', () => {
  const secret = 'test-signing-secret';

  it('signs the way Bolt verifies, and a tampered body fails', () => {
    const body = JSON.stringify(
      eventCallback(appMention({ user: 'U1', channel: 'C1', text: '<@U0PARLEYBOT> when do you open?' })),
    );
    const headers = signedHeaders(secret, body);
    const verify = (rawBody: string): void =>
      verifySlackRequest({
        signingSecret: secret,
        body: rawBody,
        headers: {
          'x-slack-signature': headers['x-slack-signature'] ?? '',
          'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
        },
      });
    expect(headers['content-type']).toBe('application/json');
    expect(() => verify(body)).not.toThrow();
    expect(() => verify(body.replace('open', 'close'))).toThrow(/signature mismatch/);
  });

  it('matches a known signature and form-encodes interactivity payloads', () => {
    // Slack's documented example (docs.slack.dev "Verifying requests from Slack").
    const example =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
      '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
      '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
      '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, example)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );

    const payload = blockActions({
      user: 'U1',
      teamId: 'T1',
      channel: 'C1',
      messageTs: '1733460000.000100',
      threadTs: '1733450000.000001',
      actionId: 'feedback_yes',
      value: 'turn 42',
      responseUrl: 'http://127.0.0.1:1/respond/x',
    });
    const raw = interactivityBody(payload);
    expect(raw.startsWith('payload=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(raw).get('payload') ?? '')).toEqual(payload);
    expect(signedHeaders(secret, raw)['content-type']).toBe('application/x-www-form-urlencoded');
  });
});
