import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** Identity of the fake workspace; signed-requests.ts uses the same values so events and API calls agree. */
export const FAKE_SLACK = {
  token: 'xoxb-test-token',
  /** The app-level token Socket Mode connects with (apps.connections.open). */
  appToken: 'xapp-test-token',
  teamId: 'T0PARLEY01',
  teamName: 'Parley Test',
  teamUrl: 'https://fake.slack.test/',
  botUserId: 'U0PARLEYBOT',
  botId: 'B0PARLEYBOT',
  botName: 'parley',
  appId: 'A0PARLEYAPP',
} as const;

export interface FakeSlackApiOptions {
  token?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

export type SlackArgs = Record<string, unknown>;

export interface SlackApiCall {
  /** A Web API method name, or `response_url` for a POST to `responseUrl(id)`. */
  readonly method: string;
  /** As Slack would read them: form values stay strings (`"true"`, `"5"`), JSON-valued fields are parsed. */
  readonly args: SlackArgs;
  readonly at: number;
  /** The token the call authenticated with, kept out of `args` so per-call tokens do not disturb assertions. */
  readonly token?: string;
  readonly responseUrlId?: string;
  /** What the fake answered (always a JSON body, also on injected HTTP errors). */
  readonly answer: { readonly status: number; readonly body: SlackArgs };
}

export type SlackFailure = { error: string } | { status: number; retryAfterSeconds?: number };

export interface ReactionCall {
  readonly method: 'reactions.add' | 'reactions.remove';
  readonly name: string;
  readonly channel: string;
  readonly timestamp: string;
}

export interface FakeSlackApi {
  /** For `new WebClient(token, { slackApiUrl })` or Bolt's `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  readonly token: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** A block_actions `response_url` on this server. */
  responseUrl(id: string): string;
  readonly calls: ReadonlyArray<SlackApiCall>;
  /** Accepted chat.postMessage calls; each carries the `ts` the fake assigned, so a test can act on the reply. */
  posts(): ReadonlyArray<SlackArgs & { ts: string }>;
  /** Accepted chat.update calls. */
  updates(): ReadonlyArray<SlackArgs>;
  /** Accepted reactions.add / reactions.remove calls, in order. */
  reactions(): ReadonlyArray<ReactionCall>;
  /** The bot's reactions currently on a message, after all adds and removes. */
  reactionsOn(channel: string, ts: string): string[];
  /** Bodies POSTed to response URLs (Bolt's `respond()` sends JSON), optionally only those for one id. */
  responses(id?: string): ReadonlyArray<SlackArgs>;
  /**
   * A person's message as Slack would hold it, so conversations.replies can return it (the fake only sees
   * the bot's own posts otherwise).
   */
  personSaid(message: { channel: string; ts: string; user: string; text: string; thread_ts?: string }): void;
  /**
   * Socket Mode: resolves once a client has connected (apps.connections.open with the app token, then the
   * WebSocket, greeted with `hello`).
   */
  socketConnected(): Promise<void>;
  /** Sends a Socket Mode envelope (`events_api` or `interactive`); resolves with whether the client acked it. */
  socketSend(type: 'events_api' | 'interactive', payload: object, timeoutMs?: number): Promise<boolean>;
  /** The next call of `method` (or `response_url`) fails this way, once; repeated calls queue up. */
  failNext(method: string, failure: SlackFailure): void;
  /** Polls until `find` returns something other than undefined, null or false; a throw counts as not yet. */
  waitFor<T>(find: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text?: string;
  user?: string;
  botId?: string;
}

// Slack sends these as JSON text inside form fields (and the WebClient stringifies any object it is given).
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'unfurls', 'view', 'user_auth_blocks']);

// One counter per process, so two fakes in one test file never hand out the same ts. Later than the ts values
// signed-requests.ts gives user messages, as a bot's reply is later than the message it answers.
const TS_BASE_SECONDS = 1733460000;
let tsCounter = 0;

function nextTs(): string {
  tsCounter += 1;
  const micros = tsCounter * 100;
  return `${TS_BASE_SECONDS + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const token = options.token ?? FAKE_SLACK.token;
  const teamId = options.teamId ?? FAKE_SLACK.teamId;
  const botUserId = options.botUserId ?? FAKE_SLACK.botUserId;
  const botId = options.botId ?? FAKE_SLACK.botId;

  const calls: SlackApiCall[] = [];
  const failures = new Map<string, SlackFailure[]>();
  const messages = new Map<string, StoredMessage>();
  const reactionState = new Map<string, Set<string>>();
  const key = (channel: unknown, ts: unknown): string => `${String(channel)}/${String(ts)}`;

  const ok = (body: SlackArgs = {}): SlackArgs => ({ ok: true, ...body });
  const fail = (error: string): SlackArgs => ({ ok: false, error });

  const methods: Record<string, (args: SlackArgs) => SlackArgs> = {
    'auth.test': () =>
      ok({
        url: FAKE_SLACK.teamUrl,
        team: FAKE_SLACK.teamName,
        user: FAKE_SLACK.botName,
        team_id: teamId,
        user_id: botUserId,
        bot_id: botId,
        is_enterprise_install: false,
      }),
    'chat.postMessage': (args) => {
      if (!nonEmpty(args.channel)) return fail('channel_not_found');
      if (!nonEmpty(args.text) && args.blocks === undefined && args.attachments === undefined) {
        return fail('no_text');
      }
      if (args.blocks !== undefined && !Array.isArray(args.blocks)) return fail('invalid_blocks');
      const ts = nextTs();
      const threadTs = nonEmpty(args.thread_ts) ? args.thread_ts : undefined;
      messages.set(key(args.channel, ts), {
        channel: args.channel,
        ts,
        text: typeof args.text === 'string' ? args.text : '',
        user: botUserId,
        botId,
        ...(threadTs ? { threadTs } : {}),
      });
      return ok({
        channel: args.channel,
        ts,
        message: {
          type: 'message',
          user: botUserId,
          bot_id: botId,
          app_id: FAKE_SLACK.appId,
          team: teamId,
          text: args.text ?? '',
          ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
          ...(args.attachments !== undefined ? { attachments: args.attachments } : {}),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ts,
        },
      });
    },
    'chat.update': (args) => {
      if (!messages.has(key(args.channel, args.ts))) return fail('message_not_found');
      return ok({
        channel: args.channel,
        ts: args.ts,
        text: args.text ?? '',
        message: {
          type: 'message',
          user: botUserId,
          bot_id: botId,
          text: args.text ?? '',
          ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
        },
      });
    },
    'chat.postEphemeral': (args) => {
      if (!nonEmpty(args.channel)) return fail('channel_not_found');
      if (!nonEmpty(args.user)) return fail('user_not_in_channel');
      if (!nonEmpty(args.text) && args.blocks === undefined && args.attachments === undefined) {
        return fail('no_text');
      }
      return ok({ message_ts: nextTs() });
    },
    'chat.delete': (args) => {
      if (!messages.delete(key(args.channel, args.ts))) return fail('message_not_found');
      return ok({ channel: args.channel, ts: args.ts });
    },
    // The fake never saw the users' messages, so it cannot check that the target exists; it does keep the bot's
    // own reactions, because Slack refuses a duplicate add and a remove of nothing.
    'reactions.add': (args) => {
      if (!nonEmpty(args.channel) || !nonEmpty(args.timestamp)) return fail('message_not_found');
      if (!nonEmpty(args.name)) return fail('invalid_name');
      const names = reactionState.get(key(args.channel, args.timestamp)) ?? new Set<string>();
      if (names.has(args.name)) return fail('already_reacted');
      names.add(args.name);
      reactionState.set(key(args.channel, args.timestamp), names);
      return ok();
    },
    'reactions.remove': (args) => {
      if (!nonEmpty(args.channel) || !nonEmpty(args.timestamp)) return fail('message_not_found');
      if (!nonEmpty(args.name)) return fail('invalid_name');
      if (!reactionState.get(key(args.channel, args.timestamp))?.delete(args.name))
        return fail('no_reaction');
      return ok();
    },
    'apps.connections.open': () => ok({ url: `${origin.replace('http:', 'ws:')}/socket` }),
    'conversations.replies': (args) => {
      if (!nonEmpty(args.channel)) return fail('channel_not_found');
      if (!nonEmpty(args.ts)) return fail('thread_not_found');
      const root = args.ts;
      const thread = [...messages.values()]
        .filter(
          (message) => message.channel === args.channel && (message.ts === root || message.threadTs === root),
        )
        .sort((a, b) => Number(a.ts) - Number(b.ts));
      if (thread.length === 0) return fail('thread_not_found');
      return ok({
        messages: thread.map((message) => ({
          type: 'message',
          ts: message.ts,
          text: message.text ?? '',
          ...(message.user ? { user: message.user } : {}),
          ...(message.botId ? { bot_id: message.botId } : {}),
          ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
        })),
        has_more: false,
      });
    },
    'chat.getPermalink': (args) => {
      if (!nonEmpty(args.channel)) return fail('channel_not_found');
      if (!nonEmpty(args.message_ts)) return fail('message_not_found');
      const stored = messages.get(key(args.channel, args.message_ts));
      const base = `https://fake.slack.test/archives/${args.channel}/p${args.message_ts.replace('.', '')}`;
      const threadTs = stored?.threadTs !== stored?.ts ? stored?.threadTs : undefined;
      return ok({
        channel: args.channel,
        permalink: threadTs ? `${base}?thread_ts=${threadTs}&cid=${args.channel}` : base,
      });
    },
  };

  let origin = '';
  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, fail(`fake_slack_api_error: ${String(error)}`));
      else response.destroy();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake.slack.test');
    const raw = await readBody(request);
    const args = await parseArgs(request.headers['content-type'], raw, url.searchParams);
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const respondMatch = /^\/respond\/([^/]+)$/.exec(url.pathname);

    if (respondMatch?.[1] !== undefined && request.method === 'POST') {
      const id = decodeURIComponent(respondMatch[1]);
      answer(response, { method: 'response_url', args, responseUrlId: id }, () => ok());
      return;
    }
    if (!apiMatch?.[1]) {
      send(response, 404, fail('not_found'));
      return;
    }
    const method = apiMatch[1];
    const { token: bodyToken, ...rest } = args;
    const presented =
      bearer(request.headers.authorization) ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
    answer(response, { method, args: rest, ...(presented !== undefined ? { token: presented } : {}) }, () => {
      const run = methods[method];
      if (!run) return { ...fail('unknown_method'), req_method: method };
      // Socket Mode's one Web API call is made with the app-level token, every other with the bot token.
      const expected = method === 'apps.connections.open' ? FAKE_SLACK.appToken : token;
      if (presented !== expected) return fail('invalid_auth');
      return run(rest);
    });
  }

  function answer(
    response: http.ServerResponse,
    call: Omit<SlackApiCall, 'answer' | 'at'>,
    run: () => SlackArgs,
  ): void {
    const at = Date.now();
    const failure = failures.get(call.method)?.shift();
    if (failure && 'status' in failure) {
      const body = fail(failure.status === 429 ? 'ratelimited' : `http_${failure.status}`);
      const headers: Record<string, string> =
        failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      calls.push({ ...call, at, answer: { status: failure.status, body } });
      send(response, failure.status, body, headers);
      return;
    }
    const body = failure ? fail(failure.error) : run();
    calls.push({ ...call, at, answer: { status: 200, body } });
    send(response, 200, body);
  }

  const accepted = (method: string): SlackApiCall[] =>
    calls.filter((call) => call.method === method && call.answer.body.ok === true);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sockets = new Set<WebSocket>();
  const acks = new Set<string>();
  const webSockets = new WebSocketServer({ server, path: '/socket' });
  webSockets.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const envelope = JSON.parse(String(data)) as { envelope_id?: string };
      if (envelope.envelope_id) acks.add(envelope.envelope_id);
    });
    socket.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: FAKE_SLACK.appId } }),
    );
  });

  return {
    apiUrl: `${origin}/api/`,
    token,
    teamId,
    botUserId,
    botId,
    responseUrl: (id) => `${origin}/respond/${encodeURIComponent(id)}`,
    calls,
    personSaid: (message) => {
      messages.set(key(message.channel, message.ts), {
        channel: message.channel,
        ts: message.ts,
        text: message.text,
        user: message.user,
        ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
      });
    },
    posts: () =>
      accepted('chat.postMessage').map((call) => ({ ...call.args, ts: String(call.answer.body.ts) })),
    updates: () => accepted('chat.update').map((call) => call.args),
    reactions: () =>
      calls
        .filter((call) => call.method === 'reactions.add' || call.method === 'reactions.remove')
        .filter((call) => call.answer.body.ok === true)
        .map((call) => ({
          method: call.method as ReactionCall['method'],
          name: String(call.args.name),
          channel: String(call.args.channel),
          timestamp: String(call.args.timestamp),
        })),
    reactionsOn: (channel, ts) => [...(reactionState.get(key(channel, ts)) ?? [])],
    responses: (id) =>
      accepted('response_url')
        .filter((call) => id === undefined || call.responseUrlId === id)
        .map((call) => call.args),
    failNext: (method, failure) => {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    waitFor: (find, timeoutMs = 10_000) => waitFor(find, timeoutMs, calls),
    socketConnected: async () => {
      await waitFor(() => sockets.size > 0, 10_000, calls);
    },
    socketSend: async (type, payload, timeoutMs = 10_000) => {
      const [socket] = sockets;
      if (!socket) throw new Error('no Socket Mode client is connected');
      const envelopeId = randomUUID();
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: false,
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
      return waitFor(() => acks.has(envelopeId), timeoutMs, calls).then(
        () => true,
        () => false,
      );
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      webSockets.close();
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      // The WebClient and Bolt's respond() use global fetch, whose pool keeps sockets open; without this the
      // server waits for them and the jest process lingers for the keep-alive timeout.
      server.closeAllConnections();
      await closed;
    },
  };
}

async function waitFor<T>(
  find: () => T | undefined | null | false,
  timeoutMs: number,
  calls: ReadonlyArray<SlackApiCall>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const found = find();
      if (found !== undefined && found !== null && found !== false) return found;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seen = calls.length === 0 ? '  (none)' : calls.map(describeCall).join('\n');
  const cause = lastError === undefined ? '' : `\nlast error from find: ${String(lastError)}`;
  throw new Error(`waitFor: nothing found within ${timeoutMs} ms${cause}\nSlack calls so far:\n${seen}`);
}

function describeCall(call: SlackApiCall): string {
  const args = JSON.stringify(call.args);
  const shown = args.length > 300 ? `${args.slice(0, 300)}…` : args;
  const outcome =
    call.answer.status !== 200
      ? `HTTP ${call.answer.status}`
      : call.answer.body.ok === true
        ? 'ok'
        : String(call.answer.body.error);
  const target = call.responseUrlId !== undefined ? ` ${call.responseUrlId}` : '';
  return `  ${call.method}${target} -> ${outcome} ${shown}`;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function bearer(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function parseArgs(
  contentType: string | undefined,
  raw: Buffer,
  query: URLSearchParams,
): Promise<SlackArgs> {
  const args: SlackArgs = {};
  for (const [name, value] of query) args[name] = value;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return args;
  if (type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(args, parsed);
    return args;
  }
  if (type === 'multipart/form-data') {
    // What the WebClient sends when any argument is a Buffer (file uploads).
    const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
    for (const [name, value] of form) {
      args[name] =
        typeof value === 'string' ? parseField(name, value) : { filename: value.name, size: value.size };
    }
    return args;
  }
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) args[name] = parseField(name, value);
  return args;
}

function parseField(name: string, value: string): unknown {
  if (!JSON_FIELDS.has(name)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    // Slack answers invalid_blocks and the like; keeping the text lets the method handler decide.
    return value;
  }
}

function send(
  response: http.ServerResponse,
  status: number,
  body: SlackArgs,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
