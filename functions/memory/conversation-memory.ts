import { setTimeout as sleep } from 'node:timers/promises';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { parseItem } from '../shared/stored-item';
import { redactPersonalData } from '../shared/redaction/redact-personal-data';
import { estimateTokens } from './tokens';
import {
  ANSWER_FEEDBACK,
  DETAILS_SOURCES,
  MAX_SESSION_ID_LENGTH,
  TURN_KEY_PREFIX,
  TurnContentSchema,
  TurnItemSchema,
  capText,
  sessionKey,
  turnKey,
  turnNumberOf,
  type TurnContent,
  type TurnItem,
} from './turn-item';
import { issueList } from '../shared/zod-issues';

/**
 * Where a turn's `details` came from. `knowledge`: an article of our own knowledge base as published, stored
 * as written, since the contact addresses it gives on purpose are not the customer's personal data. `model`:
 * text the model wrote or anything else derived from what the customer said, redacted like every other text.
 */
export type DetailsSource = (typeof DETAILS_SOURCES)[number];

/** A remembered turn: what it says, its number in the session, when, and the verdict on its answer if any. */
export interface ConversationTurn extends TurnContent {
  turn: number;
  createdAt: string;
  feedback?: AnswerFeedback;
}

export type AnswerFeedback = (typeof ANSWER_FEEDBACK)[number];

export type NewConversationTurn = TurnContent;

export interface HistoryOptions {
  tokenBudget: number;
  maxTurns?: number;
}

/**
 * What `append` needs to know of a session, as `recall` read it: the newest stored turn's number (expired or
 * not, it holds its number) and the request ids of the latest few, to recognise a retry.
 */
export interface SessionSnapshot {
  readonly newestTurn: number;
  readonly recent: readonly { readonly requestId: string; readonly turn: number }[];
}

export interface ConversationMemory {
  /**
   * Stores the turn as the session's next one, exactly once per `requestId`: a retry of a request whose
   * turn is among the session's latest few returns that turn with `duplicate: true` and writes nothing.
   * Given the snapshot `recall` took in this turn, it writes without reading first; a writer that got in
   * between only costs the read it would have made anyway.
   */
  append(
    sessionId: string,
    turn: NewConversationTurn,
    after?: SessionSnapshot,
  ): Promise<{ turn: number; duplicate: boolean }>;
  /** The newest unexpired turns that fit the token budget, oldest first. */
  history(sessionId: string, options: HistoryOptions): Promise<ConversationTurn[]>;
  /** `history`, with the snapshot that lets the turn's `append` skip its own read: one read per turn. */
  recall(
    sessionId: string,
    options: HistoryOptions,
  ): Promise<{ turns: ConversationTurn[]; snapshot: SessionSnapshot }>;
  /**
   * Stores the person's verdict on one remembered answer (the latest verdict wins) and returns that turn as
   * it was before, so the caller can tell a changed verdict from a repeated click; undefined when the session
   * has no such turn (expired, or a number nobody answered).
   */
  recordFeedback(
    sessionId: string,
    turn: number,
    feedback: AnswerFeedback,
  ): Promise<ConversationTurn | undefined>;
}

export interface ConversationMemoryOptions {
  /** How long a turn is remembered; 24 by default. */
  ttlHours?: number;
  /** Epoch milliseconds now. */
  clock?: () => number;
  /** Redacts emails, phone and card numbers before storing; on by default. */
  redactPii?: boolean;
}

/**
 * The memory could not be read or written: DynamoDB failed, the session stayed contended, or a stored item
 * is unreadable. The original error is the `cause`. The caller answers without memory rather than fail.
 */
export class MemoryUnavailableError extends Error {
  override readonly name = 'MemoryUnavailableError';
}

/** The caller passed something the memory cannot store or answer: a bug in the caller, named precisely. */
export class InvalidMemoryInputError extends Error {
  override readonly name = 'InvalidMemoryInputError';
}

const DEFAULT_TTL_HOURS = 24;
/** How far back a retried request is recognised; Lex retries within seconds, a few turns at most. */
const DUPLICATE_WINDOW_TURNS = 5;
/**
 * A lost race means another turn of the session was stored in between, so with this many attempts up to
 * this many concurrent appends on one session all land. Lex runs one turn per session at a time; only its
 * retries overlap.
 */
const MAX_APPEND_ATTEMPTS = 10;
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 100;
const HISTORY_PAGE_SIZE = 10;

const SessionIdSchema = z.string().check(z.minLength(1), z.maxLength(MAX_SESSION_ID_LENGTH));
const NewTurnSchema = TurnContentSchema.check(
  z.refine((turn) => turn.detailsSource === undefined || turn.details !== undefined, {
    path: ['detailsSource'],
    message: 'is only meaningful with details',
  }),
);
const HistoryOptionsSchema = z.object({
  tokenBudget: z.int().check(z.nonnegative()),
  maxTurns: z.optional(z.int().check(z.positive())),
});
const FeedbackSchema = z.object({
  turn: z.int().check(z.positive()),
  feedback: z.enum(ANSWER_FEEDBACK),
});
const MemoryOptionsSchema = z.object({
  ttlHours: z._default(z.number().check(z.positive()), DEFAULT_TTL_HOURS),
  redactPii: z._default(z.boolean(), true),
});

/**
 * Conversation memory in DynamoDB, one item per turn (see docs/memory.md). The next turn number comes from
 * the latest stored turn, and the turn is written with a conditional put on its own key: two writers that
 * chose the same number cannot both succeed, so the loser reads again and takes the next one. No session
 * item and no transaction, which dynalite could not run anyway.
 */
export function dynamoDbConversationMemory(
  client: DynamoDBDocumentClient,
  tableName: string,
  options: ConversationMemoryOptions = {},
): ConversationMemory {
  const { ttlHours, redactPii: redacting } = parseInput(MemoryOptionsSchema, options, 'memory options');
  const clock = options.clock ?? Date.now;
  const storedText = (text: string) => capText(redacting ? redactPersonalData(text, 'memory') : text);
  const storedDetails = (details: string | undefined, source: DetailsSource = 'model') =>
    details === undefined
      ? {}
      : { details: source === 'knowledge' ? capText(details) : storedText(details), detailsSource: source };

  async function newestTurns(pk: string, limit: number, startKey?: Record<string, unknown>) {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :turns)',
        ExpressionAttributeValues: { ':pk': pk, ':turns': TURN_KEY_PREFIX },
        ScanIndexForward: false,
        Limit: limit,
        // The previous turn was written moments ago, often by another Lambda container.
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const items = (page.Items ?? []).map((item) =>
      parseItem(TurnItemSchema, item, tableName, `pk=${pk}, sk=${String(item.sk)}`),
    );
    return { items, nextKey: page.LastEvaluatedKey };
  }

  /** False when another writer already holds this turn number. */
  async function putIfFree(item: TurnItem): Promise<boolean> {
    try {
      await client.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(sk)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * The session's live turns newest first, page by page; `onFirstPage` sees the first page whole, expired turns
   * included, which is what a snapshot for `append` needs.
   */
  async function* liveTurnsNewestFirst(
    pk: string,
    pageSize: number,
    onFirstPage: (items: readonly TurnItem[]) => void = () => undefined,
  ): AsyncGenerator<TurnItem> {
    const nowSeconds = clock() / 1000;
    let startKey: Record<string, unknown> | undefined;
    let first = true;
    do {
      const page = await newestTurns(pk, pageSize, startKey);
      if (first) onFirstPage(page.items);
      first = false;
      for (const item of page.items) {
        // Turns expire oldest first, so the first expired one ends the conversation still remembered.
        if (item.expiresAt <= nowSeconds) return;
        yield item;
      }
      startKey = page.nextKey;
    } while (startKey);
  }

  async function recall(sessionId: string, historyOptions: HistoryOptions) {
    const pk = sessionKey(parseInput(SessionIdSchema, sessionId, 'session id'));
    const { tokenBudget, maxTurns } = parseInput(HistoryOptionsSchema, historyOptions, 'history options');
    return unavailableOnFailure(`read the history of session ${sessionId}`, async () => {
      const window: ConversationTurn[] = [];
      let snapshot: SessionSnapshot = { newestTurn: 0, recent: [] };
      let spent = 0;
      // The first page covers the retry window too, so the snapshot can stand in for append's own read.
      const pageSize = Math.max(
        Math.min(maxTurns ?? HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE),
        DUPLICATE_WINDOW_TURNS,
      );
      const turns = liveTurnsNewestFirst(pk, pageSize, (items) => {
        snapshot = snapshotOf(items);
      });
      for await (const item of turns) {
        const cost = estimateTokens(item.user) + estimateTokens(item.assistant);
        // Stop at the first turn that does not fit: a gap would make the conversation read wrongly.
        if (spent + cost > tokenBudget) break;
        spent += cost;
        window.push(conversationTurn(item));
        if (window.length === maxTurns) break;
      }
      return { turns: window.reverse(), snapshot };
    });
  }

  return {
    async append(sessionId, turn, after) {
      const pk = sessionKey(parseInput(SessionIdSchema, sessionId, 'session id'));
      const input = parseInput(NewTurnSchema, turn, 'conversation turn');
      const now = clock();
      const unnumbered = {
        pk,
        user: storedText(input.user),
        assistant: storedText(input.assistant),
        requestId: input.requestId,
        localeId: input.localeId,
        channel: input.channel,
        createdAt: new Date(now).toISOString(),
        expiresAt: Math.floor(now / 1000 + ttlHours * 3600),
        ...definedOnly({
          inputTokens: input.inputTokens,
          outputTokens: input.outputTokens,
          citations: input.citations,
          outcome: input.outcome,
          ...storedDetails(input.details, input.detailsSource),
        }),
      };
      return unavailableOnFailure(`store a turn of session ${sessionId}`, async () => {
        for (let attempt = 1; ; attempt += 1) {
          // Expired turns count here: until TTL deletes them they still hold their turn numbers.
          const known =
            attempt === 1 && after
              ? after
              : snapshotOf((await newestTurns(pk, DUPLICATE_WINDOW_TURNS)).items);
          const stored = known.recent.find((item) => item.requestId === input.requestId);
          if (stored) return { turn: stored.turn, duplicate: true };
          const turnNumber = known.newestTurn + 1;
          if (await putIfFree({ ...unnumbered, sk: turnKey(turnNumber) })) {
            return { turn: turnNumber, duplicate: false };
          }
          if (attempt === MAX_APPEND_ATTEMPTS) {
            throw new MemoryUnavailableError(
              `Could not store a turn of session ${sessionId}: other turns kept taking the next number ` +
                `(${MAX_APPEND_ATTEMPTS} attempts)`,
            );
          }
          // Full jitter: writers that collided spread out instead of colliding again in step.
          await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
        }
      });
    },

    async recordFeedback(sessionId, turn, feedback) {
      const pk = sessionKey(parseInput(SessionIdSchema, sessionId, 'session id'));
      const verdict = parseInput(FeedbackSchema, { turn, feedback }, 'answer feedback');
      return unavailableOnFailure(`record feedback on turn ${turn} of session ${sessionId}`, async () => {
        try {
          const updated = await client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { pk, sk: turnKey(verdict.turn) },
              UpdateExpression: 'SET feedback = :feedback, feedbackAt = :at',
              // Without the condition an update would create a bare item for a turn that never was.
              ConditionExpression: 'attribute_exists(sk) AND expiresAt > :now',
              ExpressionAttributeValues: {
                ':feedback': verdict.feedback,
                ':at': new Date(clock()).toISOString(),
                ':now': Math.floor(clock() / 1000),
              },
              ReturnValues: 'ALL_OLD',
            }),
          );
          const item = parseItem(TurnItemSchema, updated.Attributes, tableName, `pk=${pk}, turn ${turn}`);
          return conversationTurn(item);
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) return undefined;
          throw error;
        }
      });
    },

    async history(sessionId, historyOptions) {
      return (await recall(sessionId, historyOptions)).turns;
    },

    recall,
  };
}

/** The snapshot of a page of the newest turns, newest first: its first turn's number and the latest request ids. */
function snapshotOf(items: readonly TurnItem[]): SessionSnapshot {
  return {
    newestTurn: items[0] ? turnNumberOf(items[0]) : 0,
    recent: items
      .slice(0, DUPLICATE_WINDOW_TURNS)
      .map((item) => ({ requestId: item.requestId, turn: turnNumberOf(item) })),
  };
}

const TURN_CONTENT_FIELDS = Object.keys(TurnContentSchema.shape) as (keyof TurnContent)[];

function conversationTurn(item: TurnItem): ConversationTurn {
  const content = Object.fromEntries(TURN_CONTENT_FIELDS.map((field) => [field, item[field]])) as TurnContent;
  return {
    ...(definedOnly(content) as TurnContent),
    turn: turnNumberOf(item),
    createdAt: item.createdAt,
    ...definedOnly({ feedback: item.feedback }),
  };
}

/** The document client refuses undefined attribute values, and callers should not see absent keys as set. */
function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

async function unavailableOnFailure<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MemoryUnavailableError) throw error;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new MemoryUnavailableError(`Could not ${action}: ${reason}`, { cause: error });
  }
}

function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidMemoryInputError(
      `Invalid ${what}: ${issueList(parsed.error.issues, { whole: '(value)' })}`,
    );
  }
  return parsed.data;
}
