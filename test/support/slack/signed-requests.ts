import { createHmac } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { FAKE_SLACK } from './fake-slack-api';

/** `v0=` + hex HMAC-SHA256 over `v0:<timestamp>:<raw body>`, as Slack signs every request it sends. */
export function slackSignature(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;
}

export interface SignedHeaderOptions {
  /** Defaults to now; pass an old value for a stale request (Bolt rejects more than 5 minutes old). */
  timestampSeconds?: number;
  /** Defaults to JSON for a body starting with `{`, else form-encoded (interactivity, slash commands). */
  contentType?: string;
  /** Slack's redelivery headers: the attempt number (1-3) and why (`http_timeout`, `http_error`, ...). */
  retryNum?: number;
  retryReason?: string;
}

/**
 * Headers for `rawBody`. To get a request Bolt must refuse, sign with another secret, pass an old timestamp,
 * or sign one body and send another.
 */
export function signedHeaders(
  signingSecret: string,
  rawBody: string,
  options: SignedHeaderOptions = {},
): Record<string, string> {
  const timestampSeconds = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const contentType =
    options.contentType ??
    (rawBody.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': slackSignature(signingSecret, timestampSeconds, rawBody),
    ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum) } : {}),
    ...(options.retryReason !== undefined ? { 'x-slack-retry-reason': options.retryReason } : {}),
  };
}

// Earlier than the ts values the fake Web API gives the bot's posts (see fake-slack-api.ts), as in real use.
const TS_BASE_SECONDS = 1733450000;
let tsCounter = 0;
let eventCounter = 0;

/** A fresh message ts, unique in this process, formatted like Slack's `1733450000.000123`. */
export function nextMessageTs(): string {
  tsCounter += 1;
  return `${TS_BASE_SECONDS + Math.floor(tsCounter / 1_000_000)}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
}

export interface SlackEvent {
  type: string;
  [field: string]: unknown;
}

interface MessageFields {
  channel: string;
  text: string;
  ts: string;
  event_ts: string;
  user?: string;
  team?: string;
  thread_ts?: string;
}

export interface SlackMessageEvent extends SlackEvent, MessageFields {
  subtype?: string;
  channel_type?: string;
  bot_id?: string;
}

export interface MessageOptions {
  user: string;
  channel: string;
  text: string;
  ts?: string;
  /** Makes the message a reply in that thread. */
  threadTs?: string;
  teamId?: string;
}

function messageFields(options: Omit<MessageOptions, 'user'> & { user?: string }): MessageFields {
  const ts = options.ts ?? nextMessageTs();
  return {
    ...(options.user !== undefined ? { user: options.user } : {}),
    text: options.text,
    ts,
    channel: options.channel,
    event_ts: ts,
    team: options.teamId ?? FAKE_SLACK.teamId,
    ...(options.threadTs !== undefined ? { thread_ts: options.threadTs } : {}),
  };
}

/** `app_mention`; the text should contain `<@BOTUSERID>` as Slack's does. */
export function appMention(options: MessageOptions): SlackMessageEvent {
  return { type: 'app_mention', ...messageFields(options) };
}

/**
 * A `message.channels` event (or `message.groups` / `message.mpim` with channelType). A mention in a channel the
 * app is in arrives as this as well as `app_mention`, with the same channel and ts.
 */
export function channelMessage(
  options: MessageOptions & { channelType?: 'channel' | 'group' | 'mpim' },
): SlackMessageEvent {
  return { type: 'message', ...messageFields(options), channel_type: options.channelType ?? 'channel' };
}

export function directMessage(options: MessageOptions): SlackMessageEvent {
  return { type: 'message', ...messageFields(options), channel_type: 'im' };
}

/**
 * A `bot_message` subtype event. Posts made with a bot token (the bot's own replies) arrive instead without a
 * subtype but with `bot_id` and the bot's `user`; build those with channelMessage and add `bot_id`.
 */
export function botMessage(
  options: Omit<MessageOptions, 'user'> & { botId?: string; user?: string; channelType?: string },
): SlackMessageEvent {
  return {
    type: 'message',
    subtype: 'bot_message',
    ...messageFields(options),
    bot_id: options.botId ?? FAKE_SLACK.botId,
    channel_type: options.channelType ?? 'channel',
  };
}

export interface MessageChangedEvent extends SlackEvent {
  type: 'message';
  subtype: 'message_changed';
  channel: string;
  ts: string;
  event_ts: string;
  message: { user: string; text: string; ts: string; thread_ts?: string; [field: string]: unknown };
  previous_message: { user: string; text: string; ts: string; thread_ts?: string; [field: string]: unknown };
}

/**
 * An edit of `messageTs`: its own new ts, the edited message nested inside, and (as on Slack) no top-level
 * `text` or `user`, which is why handlers that read `event.text` must skip subtypes.
 */
export function messageChanged(options: {
  user: string;
  channel: string;
  messageTs: string;
  text: string;
  previousText?: string;
  threadTs?: string;
  channelType?: string;
}): MessageChangedEvent {
  const ts = nextMessageTs();
  const thread = options.threadTs !== undefined ? { thread_ts: options.threadTs } : {};
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: options.channel,
    channel_type: options.channelType ?? 'channel',
    ts,
    event_ts: ts,
    message: {
      type: 'message',
      user: options.user,
      text: options.text,
      ts: options.messageTs,
      edited: { user: options.user, ts },
      ...thread,
    },
    previous_message: {
      type: 'message',
      user: options.user,
      text: options.previousText ?? '',
      ts: options.messageTs,
      ...thread,
    },
  };
}

export interface EventCallback<E extends SlackEvent = SlackEvent> {
  token: string;
  team_id: string;
  context_team_id: string;
  context_enterprise_id: null;
  api_app_id: string;
  event: E;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: Array<{
    enterprise_id: null;
    team_id: string;
    user_id: string;
    is_bot: true;
    is_enterprise_install: false;
  }>;
  is_ext_shared_channel: false;
}

/** The Events API envelope; each call gets a new `event_id` unless given one (pass the same one for a retry). */
export function eventCallback<E extends SlackEvent>(
  event: E,
  options: {
    teamId?: string;
    eventId?: string;
    apiAppId?: string;
    botUserId?: string;
    eventTime?: number;
  } = {},
): EventCallback<E> {
  eventCounter += 1;
  const teamId = options.teamId ?? FAKE_SLACK.teamId;
  return {
    token: 'fake-verification-token',
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: options.apiAppId ?? FAKE_SLACK.appId,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev0P${String(eventCounter).padStart(8, '0')}`,
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.botUserId ?? FAKE_SLACK.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function urlVerification(challenge: string): {
  token: string;
  challenge: string;
  type: 'url_verification';
} {
  return { token: 'fake-verification-token', challenge, type: 'url_verification' };
}

export interface BlockActionsOptions {
  user: string;
  teamId: string;
  channel: string;
  /** The message holding the button (usually the bot's reply, a ts from the fake Web API). */
  messageTs: string;
  /** The thread that message is in, if any. */
  threadTs?: string;
  actionId: string;
  value: string;
  responseUrl: string;
  blockId?: string;
  /** The clicked message's blocks, when a handler reads them back. */
  messageBlocks?: unknown[];
  messageText?: string;
}

export interface BlockActionsPayload {
  type: 'block_actions';
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  container: {
    type: 'message';
    message_ts: string;
    channel_id: string;
    is_ephemeral: false;
    thread_ts?: string;
  };
  trigger_id: string;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: false;
  channel: { id: string; name: string };
  message: Record<string, unknown> & { ts: string; thread_ts?: string };
  state: { values: Record<string, unknown> };
  response_url: string;
  actions: Array<{
    type: 'button';
    action_id: string;
    block_id: string;
    text: { type: 'plain_text'; text: string; emoji: true };
    value: string;
    action_ts: string;
  }>;
}

/** A button click, as Slack POSTs it (form-encoded; see interactivityBody). */
export function blockActions(options: BlockActionsOptions): BlockActionsPayload {
  const thread = options.threadTs !== undefined ? { thread_ts: options.threadTs } : {};
  const actionTs = nextMessageTs();
  return {
    type: 'block_actions',
    user: {
      id: options.user,
      username: options.user.toLowerCase(),
      name: options.user.toLowerCase(),
      team_id: options.teamId,
    },
    api_app_id: FAKE_SLACK.appId,
    token: 'fake-verification-token',
    container: {
      type: 'message',
      message_ts: options.messageTs,
      channel_id: options.channel,
      is_ephemeral: false,
      ...thread,
    },
    trigger_id: `${actionTs.replace('.', '')}.${options.teamId}.fake`,
    team: { id: options.teamId, domain: 'parley-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: options.channel, name: options.channel.toLowerCase() },
    message: {
      type: 'message',
      user: FAKE_SLACK.botUserId,
      bot_id: FAKE_SLACK.botId,
      app_id: FAKE_SLACK.appId,
      text: options.messageText ?? '',
      ts: options.messageTs,
      ...(options.messageBlocks !== undefined ? { blocks: options.messageBlocks } : {}),
      ...thread,
    },
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: options.blockId ?? 'actions',
        text: { type: 'plain_text', text: options.actionId, emoji: true },
        value: options.value,
        action_ts: actionTs,
      },
    ],
  };
}

/** The raw body Slack sends for interactivity: `payload=<urlencoded JSON>`. */
export function interactivityBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface SlackHttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  elapsedMs: number;
}

/** One POST on its own connection, so nothing is left open to keep jest alive. */
export function postSlack(
  url: string,
  rawBody: string,
  headers: Record<string, string>,
): Promise<SlackHttpResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(rawBody)), connection: 'close' },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            elapsedMs: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(rawBody);
  });
}
