/**
 * The Slack channel end to end, offline: signed Events API and interactivity requests to the local stack's
 * `/slack/events` (the ingress function behind its function URL), the worker invoked through the local
 * Lambda API, Lex (staff alias) with the real code hook, and a fake Slack Web API on loopback.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../../local/stack';
import { Conversation, lexClient, startTestStack, textOf } from '../../support/local-stack';
import { FAKE_SLACK, startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api';
import {
  appMention,
  channelMessage,
  directMessage,
  eventCallback,
  messageChanged,
  postSlack,
  signedHeaders,
  urlVerification,
} from '../../support/slack/signed-requests';
import {
  blockOf,
  SIGNING_SECRET,
  SlackWorkspace,
  useSlackEnvironment,
  wordsOf,
} from '../../support/slack/workspace';

const BOT = `<@${FAKE_SLACK.botUserId}>`;
const SUPPORT_CHANNEL = 'C0SUPPORT01';
const STAFF_ONLY = /team lead|support manager|#refund-approvals/i;

let slack: FakeSlackApi;
let stack: LocalStack;
let workspace: SlackWorkspace;
let channelCounter = 0;
/** A channel of its own per test, so each test reads only its own posts. */
const newChannel = () => `C0TEST${String(++channelCounter).padStart(4, '0')}`;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  useSlackEnvironment(slack, { SLACK_SUPPORT_CHANNEL: SUPPORT_CHANNEL });
  stack = await startTestStack({ lambdaRetryDelaysMs: [100, 200] });
  workspace = new SlackWorkspace(stack, slack);
});

afterAll(async () => {
  await stack?.close();
  await slack?.close();
});

afterEach(() => stack.bedrockFaults.clear());

describe('answers staff in Slack', () => {
  it('answers a mention in its thread, with sources and feedback buttons', async () => {
    const channel = newChannel();
    const mention = appMention({ user: 'U0ALICE', channel, text: `${BOT} do you ship to Canada?` });
    const acked = await workspace.deliver(mention);
    expect(acked.status).toBe(200);
    const [answer] = await workspace.waitForPosts(channel, mention.ts);
    expect(wordsOf(answer!)).toMatch(/Canada/);
    // Sources come as a context block from the hook's structured description, not in the answer's text.
    expect(String(answer!.text)).not.toMatch(/Sources:/);
    expect(blockOf(answer!, 'context')?.elements?.[0]).toMatchObject({
      text: expect.stringMatching(/^Sources: /),
    });
    expect(blockOf(answer!, 'actions', 'parley_feedback_buttons')).toBeDefined();
  });

  it('answers a direct message in the DM itself', async () => {
    const dm = directMessage({ user: 'U0BOB', channel: 'D0BOB0001', text: 'what is your return policy?' });
    await workspace.deliver(dm);
    const [answer] = await workspace.waitForPosts('D0BOB0001', undefined);
    expect(answer).not.toHaveProperty('thread_ts');
    expect(wordsOf(answer!)).toMatch(/return/i);
  });

  it('fills a pending slot from a reply in the thread, without a mention', async () => {
    const channel = newChannel();
    const mention = appMention({ user: 'U0CAROL', channel, text: `${BOT} where is my order?` });
    await workspace.deliver(mention);
    const [ask] = await workspace.waitForPosts(channel, mention.ts);
    expect(wordsOf(ask!)).toMatch(/order number/i);
    await workspace.deliver(
      channelMessage({ user: 'U0CAROL', channel, text: '10001', threadTs: mention.ts }),
    );
    const posts = await workspace.waitForPosts(channel, mention.ts, 2);
    expect(wordsOf(posts[1]!)).toMatch(/10001/);
  });

  it('continues the dialog from a button click, and replaces the buttons once used', async () => {
    const channel = newChannel();
    const mention = appMention({ user: 'U0DAN', channel, text: `${BOT} I need to reset my password` });
    await workspace.deliver(mention);
    await workspace.waitForPosts(channel, mention.ts, 1);
    await workspace.deliver(
      channelMessage({ user: 'U0DAN', channel, text: 'dan@example.com', threadTs: mention.ts }),
    );
    const [, confirm] = await workspace.waitForPosts(channel, mention.ts, 2);
    expect(blockOf(confirm!, 'actions', 'parley_reply_buttons')).toBeDefined();

    // Someone else in the thread cannot answer for Dan.
    await workspace.click(confirm!, 'parley_reply', 'U0EVE');
    await slack.waitFor(() => slack.calls.find((call) => call.method === 'chat.postEphemeral'));

    const clicked = await workspace.click(confirm!, 'parley_reply', 'U0DAN');
    expect(clicked.status).toBe(200);
    const posts = await workspace.waitForPosts(channel, mention.ts, 3);
    expect(wordsOf(posts[2]!)).toMatch(/reset link|sent|d\*+/i);
    const update = await slack.waitFor(() => slack.updates().find((call) => call.ts === confirm!.ts));
    expect(blockOf(update, 'actions', 'parley_reply_buttons')).toBeUndefined();
    expect(JSON.stringify(update.blocks)).toMatch(/chose \*Yes\*/);
  });

  it('gives staff-only articles in Slack (the staff alias), never on the public alias', async () => {
    const question = 'who can approve a refund, and up to what amount?';
    const channel = newChannel();
    const mention = appMention({ user: 'U0FRAN', channel, text: `${BOT} ${question}` });
    await workspace.deliver(mention);
    const [answer] = await workspace.waitForPosts(channel, mention.ts);
    expect(wordsOf(answer!)).toMatch(STAFF_ONLY);

    const client = lexClient(stack);
    try {
      const onPublicAlias = await new Conversation(client, 'en_US', 'public-refunds', {
        'parley:channel': 'chat',
        'parley:sources': 'separate',
      }).say(question);
      expect(textOf(onPublicAlias)).not.toMatch(STAFF_ONLY);
    } finally {
      client.destroy();
    }
  });

  it('records "not helpful" with the turn and for the FAQ owners, then thanks in place of the buttons', async () => {
    const channel = newChannel();
    const mention = appMention({ user: 'U0GUS', channel, text: `${BOT} can I pay with paypal?` });
    await workspace.deliver(mention);
    const [answer] = await workspace.waitForPosts(channel, mention.ts);
    await workspace.click(answer!, 'parley_feedback_unhelpful', 'U0GUS');
    const update = await slack.waitFor(() => slack.updates().find((call) => call.ts === answer!.ts));
    expect(blockOf(update, 'actions', 'parley_feedback_buttons')).toBeUndefined();
    expect(JSON.stringify(update.blocks)).toMatch(/Thanks for telling us/);

    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoint }));
    try {
      const gaps = await documents.send(new ScanCommand({ TableName: 'parley-knowledge-gaps' }));
      expect(gaps.Items).toContainEqual(
        expect.objectContaining({ kind: 'unhelpful', question: 'can I pay with paypal?', channel: 'chat' }),
      );
      const turns = await documents.send(new ScanCommand({ TableName: 'parley-conversations' }));
      expect(turns.Items).toContainEqual(
        expect.objectContaining({ user: 'can I pay with paypal?', feedback: 'unhelpful' }),
      );
    } finally {
      documents.destroy();
    }
  });

  it('hands off to the support channel with a redacted summary and a link, and says who follows up', async () => {
    const channel = newChannel();
    const first = appMention({
      user: 'U0HAL',
      channel,
      text: `${BOT} my card 4111 1111 1111 1111 was charged twice`,
    });
    await workspace.deliver(first);
    await workspace.waitForPosts(channel, first.ts, 1);
    await workspace.deliver(
      channelMessage({ user: 'U0HAL', channel, text: 'let me talk to a human', threadTs: first.ts }),
    );
    const handoff = await slack.waitFor(() => workspace.postsIn(SUPPORT_CHANNEL)[0]);
    const words = wordsOf(handoff);
    expect(words).toContain('<@U0HAL>');
    expect(words).toMatch(/fake\.slack\.test\/archives\//);
    expect(words).toMatch(/charged twice/);
    expect(words).not.toMatch(/4111/);
    const thread = await workspace.waitForPosts(channel, first.ts, 3);
    expect(wordsOf(thread[thread.length - 1]!)).toContain(`<#${SUPPORT_CHANNEL}>`);
  });
});

describe('answers each message once', () => {
  it('answers a mention delivered as app_mention and as message, and again as a retry, once', async () => {
    const channel = newChannel();
    const mention = appMention({
      user: 'U0IVY',
      channel,
      text: `${BOT} what are your store hours downtown?`,
    });
    const asMessage = { ...channelMessage({ user: 'U0IVY', channel, text: mention.text, ts: mention.ts }) };
    await workspace.deliver(mention, { eventId: 'Ev0DUPLICATE1' });
    await workspace.deliver(asMessage, { eventId: 'Ev0DUPLICATE2' });
    await workspace.deliver(mention, { eventId: 'Ev0DUPLICATE1', retryNum: 1 });
    await workspace.waitForPosts(channel, mention.ts, 1);
    await stack.lambdaIdle();
    expect(workspace.postsIn(channel)).toHaveLength(1);
  });

  it('still answers when the first attempt failed before posting', async () => {
    const channel = newChannel();
    slack.failNext('chat.postMessage', { error: 'fatal_error' });
    const mention = appMention({ user: 'U0JO', channel, text: `${BOT} do you ship to Mexico?` });
    await workspace.deliver(mention);
    await workspace.waitForPosts(channel, mention.ts, 1);
    await stack.lambdaIdle();
    expect(workspace.postsIn(channel)).toHaveLength(1);
    expect(
      slack.calls.filter((call) => call.method === 'chat.postMessage' && call.answer.body.ok === false),
    ).not.toHaveLength(0);
  });

  it('acknowledges within 3 s while the model is slow, shows it is working, and answers after', async () => {
    // Longer than Slack waits for the acknowledgement, shorter than the chat answer deadline.
    stack.bedrockFaults.set({ mode: 'timeout', count: 1, delayMs: 4_000 });
    const channel = newChannel();
    const mention = appMention({ user: 'U0KIM', channel, text: `${BOT} how do gift returns work?` });
    const acked = await workspace.deliver(mention);
    expect(acked.status).toBe(200);
    expect(acked.elapsedMs).toBeLessThan(3_000);
    await slack.waitFor(() =>
      slack.reactions().find((r) => r.method === 'reactions.add' && r.timestamp === mention.ts),
    );
    await workspace.waitForPosts(channel, mention.ts, 1);
    await slack.waitFor(() =>
      slack.reactions().find((r) => r.method === 'reactions.remove' && r.timestamp === mention.ts),
    );
    expect(slack.reactionsOn(channel, mention.ts)).toEqual([]);
  });
});

describe('refuses what it must not act on', () => {
  const question = () =>
    appMention({ user: 'U0MAL', channel: 'C0REFUSED1', text: `${BOT} where is my order?` });

  it.each([
    ['forged (wrong secret)', (body: string) => signedHeaders('not-the-secret', body)],
    [
      'stale (10 minutes old)',
      (body: string) =>
        signedHeaders(SIGNING_SECRET, body, { timestampSeconds: Math.floor(Date.now() / 1000) - 600 }),
    ],
    [
      'from the future',
      (body: string) =>
        signedHeaders(SIGNING_SECRET, body, { timestampSeconds: Math.floor(Date.now() / 1000) + 600 }),
    ],
    ['unsigned', () => ({ 'content-type': 'application/json' })],
    [
      'signed for another body',
      (body: string) => signedHeaders(SIGNING_SECRET, body.replace('order', 'refund')),
    ],
  ])('%s: 401 and nothing posted', async (_case, headersFor) => {
    const body = JSON.stringify(eventCallback(question()));
    const response = await postSlack(workspace.eventsUrl, body, headersFor(body));
    expect(response.status).toBe(401);
    await stack.lambdaIdle();
    expect(workspace.postsIn('C0REFUSED1')).toEqual([]);
  });

  it.each([
    ['not JSON', '{"type": "event_callback", '],
    ['no type', '{"hello": "world"}'],
    ['an event_callback without its event', '{"type":"event_callback","team_id":"T1","event_id":"Ev1"}'],
  ])(
    'a malformed body (%s) gets a 400 naming the problem, and the endpoint keeps serving',
    async (_case, body) => {
      const response = await workspace.signedPost(body);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toHaveProperty('error');
      const challenge = await workspace.signedPost(JSON.stringify(urlVerification('still-here')));
      expect(JSON.parse(challenge.body)).toEqual({ challenge: 'still-here' });
    },
  );

  it('ignores its own posts, other bots, edits, and channel chatter outside its threads', async () => {
    const channel = 'C0QUIET001';
    const own = {
      ...channelMessage({
        user: FAKE_SLACK.botUserId,
        channel,
        text: 'an answer',
        threadTs: '1733450000.000001',
      }),
      bot_id: FAKE_SLACK.botId,
    };
    await workspace.deliver(own);
    await workspace.deliver({
      ...directMessage({ user: 'U0OTHERBOT', channel: 'D0QUIET001', text: 'beep' }),
      bot_id: 'B0OTHER',
    });
    await workspace.deliver(
      messageChanged({ user: 'U0NED', channel, messageTs: '1733450000.000002', text: 'edited' }) as never,
    );
    await workspace.deliver(channelMessage({ user: 'U0NED', channel, text: 'lunch anyone?' }));
    await workspace.deliver(
      channelMessage({
        user: 'U0NED',
        channel,
        text: 'in a thread Parley is not in',
        threadTs: '1733450000.000003',
      }),
    );
    await stack.lambdaIdle();
    expect(workspace.postsIn(channel)).toEqual([]);
    expect(workspace.postsIn('D0QUIET001')).toEqual([]);
  });
});
