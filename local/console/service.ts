import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  RecognizeUtteranceCommand,
  type Interpretation,
  type Message,
  type SessionState,
} from '@aws-sdk/client-lex-runtime-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { z } from 'zod';
import { readAnswerAttribute } from '../../functions/shared/answer-attribute';
import { groupGaps, listKnowledgeGaps } from '../../functions/knowledge/gaps';
import { loadKnowledgeIndex } from '../../functions/knowledge/loader';
import { loadConfig } from '../../functions/lex-code-hook/config';
import { MIN_PASSAGE_SCORE, type ExplainingRetriever } from '../../functions/knowledge/retriever';
import { CONNECT_REQUEST_ATTRIBUTES, gzipJson, LEX_AUDIO, ungzipJson } from '../call/place-call';
import { TYPED_ATTRIBUTES } from '../conversation-tests/turn';
import { BodyTooLargeError, readBody } from '../edge/body';
import type { EdgeRequest, EdgeResponse, EdgeService } from '../edge/service';
import { DTMF_INPUT_ATTRIBUTE } from '../lex/voice/dtmf';
import type { RecentTurns } from './recent-turns';
import { issueList } from '../../functions/shared/zod-issues';
import { HANDOFF_REQUEST_ATTRIBUTE } from '../../functions/shared/channel-attributes';

const WEB_DIRECTORY = path.join(__dirname, 'web');
/** A turn's body: up to 15 s of 16 kHz 16-bit speech, base64, is the largest thing it carries. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_AUDIO_BASE64_CHARS = Math.ceil((15 * 16_000 * 2 * 4) / 3);

/** What the page sends for one turn: the conversation's settings and what the person typed or pressed. */
const TurnRequest = z
  .strictObject({
    sessionId: z.string().regex(/^[0-9a-zA-Z._:-]{2,100}$/),
    localeId: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/),
    channel: z.enum(['web', 'slack', 'phone']),
    alias: z.enum(['public', 'staff']),
    text: z.string().trim().min(1).max(1024).optional(),
    dtmf: z
      .string()
      .regex(/^[0-9*#]{1,64}$/, 'keypad characters 0-9 * #')
      .optional(),
    /** Speech: 16 kHz mono 16-bit little-endian PCM, base64, as the page records it. */
    audio: z.base64().max(MAX_AUDIO_BASE64_CHARS, 'at most 15 seconds of speech').optional(),
  })
  .refine((turn) => [turn.text, turn.dtmf, turn.audio].filter((input) => input !== undefined).length === 1, {
    message: 'give one of text, dtmf or audio',
  })
  .refine((turn) => (turn.dtmf === undefined && turn.audio === undefined) || turn.channel === 'phone', {
    message: 'key presses and speech need the phone channel',
  });
type TurnRequest = z.infer<typeof TurnRequest>;

/** A reply as the page reads it, whichever operation produced it. */
interface LexReply {
  messages: Message[];
  sessionState: SessionState;
  interpretations: Interpretation[];
  requestAttributes: Record<string, string>;
  /** The spoken reply, base64 MPEG audio, for a phone turn. */
  audio?: string;
  heard?: string;
}

/** A question an FAQ owner tries on the knowledge page. */
const ExplainRequest = z.strictObject({
  q: z.string().trim().min(1).max(1024),
  locale: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/),
  audience: z.enum(['public', 'staff']),
});

const GET_ROUTES = new Set([
  '/',
  '/console/app.js',
  '/console/app.css',
  '/console/api/bots',
  '/console/api/gaps',
  '/console/api/explain',
]);

export interface ConsoleOptions {
  /** The edge the console is served from: it talks to Lex there, through the real SDK client. */
  endpoint: string;
  bots: readonly {
    name: string;
    aliasId: string;
    staffAlias?: { id: string } | undefined;
    locales: readonly string[];
  }[];
  knowledgeIndexFile: string;
  recentTurns: RecentTurns;
  /** Who answers Converse calls: the local composer's id, or the Bedrock endpoint configured. */
  modelEngine: string;
}

/**
 * The local console at `/`: a chat with the bot and, for every turn, an inspector of what Lex and the code
 * hook decided. Its API turns a typed message into a RecognizeText call through the same SDK client a channel
 * uses, and answers with the reply, the turn log's entry and, for knowledge answers, why the articles matched.
 * Local only: the edge listens on localhost unless told otherwise.
 */
export function createConsoleService(options: ConsoleOptions): EdgeService {
  const clientConfig = {
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'console', secretAccessKey: 'console' },
  };
  const lex = new LexRuntimeV2Client(clientConfig);
  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig));
  let assets: Promise<{ html: string; script: string; style: string }> | undefined;
  let retriever: Promise<ExplainingRetriever> | undefined;
  const page = () => (assets ??= buildAssets());
  const knowledge = () =>
    (retriever ??= loadKnowledgeIndex(options.knowledgeIndexFile) as Promise<ExplainingRetriever>);

  return {
    name: 'console',
    matches: (req) => {
      const route = routeOf(req);
      return (
        (req.method === 'GET' && GET_ROUTES.has(route)) ||
        (req.method === 'POST' && route === '/console/api/turn')
      );
    },
    async handle(req, res) {
      const route = routeOf(req);
      if (req.method === 'POST') {
        await answerTurn(req, res, lex, options, knowledge);
        return;
      }
      if (route === '/console/api/gaps') {
        const gaps = await listKnowledgeGaps(
          dynamo,
          loadConfig(process.env).generative.knowledgeGapsTableName,
        );
        sendJson(res, 200, { total: gaps.length, groups: groupGaps(gaps) });
        return;
      }
      if (route === '/console/api/explain') {
        const query = Object.fromEntries(new URL(req.url ?? '/', 'http://console').searchParams);
        const parsed = ExplainRequest.safeParse(query);
        if (!parsed.success) {
          sendJson(res, 400, {
            error: `Not a question to explain: ${issueList(parsed.error.issues, { whole: 'body' })}`,
          });
          return;
        }
        const { q, locale, audience } = parsed.data;
        const explanation = (await knowledge()).explain(q, { localeId: locale, audience });
        sendJson(res, 200, {
          words: explanation.words,
          curated: explanation.curated ?? null,
          closestPhrasings: explanation.closestPhrasings,
          passages: explanation.passages.slice(0, 8).map(({ text: _text, ...passage }) => passage),
        });
        return;
      }
      if (route === '/console/api/bots') {
        sendJson(res, 200, {
          modelEngine: options.modelEngine,
          bots: options.bots.map((bot) => ({
            name: bot.name,
            locales: bot.locales,
            staff: bot.staffAlias !== undefined,
          })),
        });
        return;
      }
      const built = await page();
      if (route === '/console/app.js') send(res, 200, 'text/javascript; charset=utf-8', built.script);
      else if (route === '/console/app.css') send(res, 200, 'text/css; charset=utf-8', built.style);
      else send(res, 200, 'text/html; charset=utf-8', built.html);
    },
  };
}

async function answerTurn(
  req: EdgeRequest,
  res: EdgeResponse,
  lex: LexRuntimeV2Client,
  options: ConsoleOptions,
  knowledge: () => Promise<ExplainingRetriever>,
): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendJson(res, 413, { error: error.message });
    else sendJson(res, 400, { error: 'The body must be JSON: {sessionId, localeId, channel, alias, text}.' });
    return;
  }
  const parsed = TurnRequest.safeParse(body);
  if (!parsed.success) {
    sendJson(res, 400, { error: `Not a turn: ${issueList(parsed.error.issues, { whole: 'body' })}` });
    return;
  }
  const turn = parsed.data;
  const bot = options.bots[0];
  if (!bot) {
    sendJson(res, 503, { error: 'The local stack serves no bot.' });
    return;
  }
  const aliasId = turn.alias === 'staff' ? (bot.staffAlias?.id ?? bot.aliasId) : bot.aliasId;
  const target = { botId: bot.name, botAliasId: aliasId, localeId: turn.localeId, sessionId: turn.sessionId };
  const started = performance.now();
  const reply =
    turn.channel === 'phone' ? await phoneTurn(lex, target, turn) : await typedTurn(lex, target, turn);
  const roundTripMs = Math.round(performance.now() - started);
  const answer = readAnswerAttribute(reply.requestAttributes);
  const audience = turn.alias === 'staff' && turn.channel !== 'phone' ? 'staff' : 'public';
  const explanation =
    answer && turn.text
      ? (await knowledge()).explain(turn.text, { localeId: turn.localeId, audience })
      : undefined;
  sendJson(res, 200, {
    ...reply,
    answer: answer ?? null,
    handoff: reply.requestAttributes[HANDOFF_REQUEST_ATTRIBUTE] !== undefined,
    trace: options.recentTurns.last(turn.sessionId)?.entry ?? null,
    hookCalls: (options.recentTurns.last(turn.sessionId)?.hookCalls ?? []).map((call) => ({
      source: call.source,
      outcome: call.outcome,
      durationMs: call.durationMs,
      event: call.event,
      response: call.response ?? null,
    })),
    roundTripMs,
    retrieval: explanation
      ? {
          words: explanation.words,
          curated: explanation.curated
            ? { docId: explanation.curated.docId, confidence: explanation.curated.confidence }
            : null,
          passages: explanation.passages.slice(0, 5).map((passage) => ({
            id: passage.id,
            title: passage.title,
            score: passage.score,
            matches: passage.matches,
            toModel: passage.score >= MIN_PASSAGE_SCORE,
          })),
        }
      : null,
  });
}

interface LexTarget {
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
}

/** A web or Slack message: RecognizeText with the channel's request attributes, as the channels send it. */
async function typedTurn(lex: LexRuntimeV2Client, target: LexTarget, turn: TurnRequest): Promise<LexReply> {
  const reply = await lex.send(
    new RecognizeTextCommand({
      ...target,
      text: turn.text ?? '',
      requestAttributes: TYPED_ATTRIBUTES[turn.channel],
    }),
  );
  return {
    messages: reply.messages ?? [],
    sessionState: reply.sessionState ?? {},
    interpretations: reply.interpretations ?? [],
    requestAttributes: reply.requestAttributes ?? {},
  };
}

/**
 * A phone turn: RecognizeUtterance as Connect sends it, speech as 16 kHz PCM, key presses as DTMF and typed
 * words as text, with the reply spoken (MPEG audio) by Lex through Polly for the page to play.
 */
async function phoneTurn(lex: LexRuntimeV2Client, target: LexTarget, turn: TurnRequest): Promise<LexReply> {
  const keys = turn.dtmf;
  const speech = turn.audio === undefined ? undefined : Buffer.from(turn.audio, 'base64');
  const reply = await lex.send(
    new RecognizeUtteranceCommand({
      ...target,
      requestContentType: speech ? LEX_AUDIO : 'text/plain; charset=utf-8',
      responseContentType: 'audio/mpeg',
      inputStream: speech ?? Buffer.from(keys ?? turn.text ?? ''),
      requestAttributes: gzipJson({
        ...CONNECT_REQUEST_ATTRIBUTES,
        ...(keys === undefined ? {} : { [DTMF_INPUT_ATTRIBUTE]: 'DTMF' }),
      }),
    }),
  );
  const audio = reply.audioStream ? await reply.audioStream.transformToByteArray() : new Uint8Array();
  return {
    messages: (ungzipJson(reply.messages) as Message[] | undefined) ?? [],
    sessionState: (ungzipJson(reply.sessionState) as SessionState | undefined) ?? {},
    interpretations: (ungzipJson(reply.interpretations) as Interpretation[] | undefined) ?? [],
    requestAttributes: (ungzipJson(reply.requestAttributes) as Record<string, string> | undefined) ?? {},
    audio: Buffer.from(audio).toString('base64'),
    heard: (ungzipJson(reply.inputTranscript) as string | undefined) ?? '',
  };
}

/** The page's script and style, built once on the first visit: esbuild bundles the TypeScript for the browser. */
async function buildAssets(): Promise<{ html: string; script: string; style: string }> {
  const [html, style, bundle] = await Promise.all([
    readFile(path.join(WEB_DIRECTORY, 'index.html'), 'utf8'),
    readFile(path.join(WEB_DIRECTORY, 'app.css'), 'utf8'),
    build({
      entryPoints: [path.join(WEB_DIRECTORY, 'app.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      platform: 'browser',
      logLevel: 'silent',
    }),
  ]);
  return { html, style, script: bundle.outputFiles[0]?.text ?? '' };
}

function routeOf(req: EdgeRequest): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

function sendJson(res: EdgeResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

function send(res: EdgeResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}
