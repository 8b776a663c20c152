import { BedrockRuntimeClient, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import type { QuestionRequest } from '../../../functions/generative/answer-question';
import { CHANNEL_SETTINGS, type Channel } from '../../../functions/generative/channel-settings';
import type {
  ConversationTurn,
  CuratedMatch,
  GenerativeDependencies,
  KnowledgeGapInput,
  NewConversationTurn,
  RetrievedPassage,
} from '../../../functions/generative/dependencies';
import type { AnswerSample } from '../../../functions/generative/metrics';
import type { Retriever, RetrieveOptions } from '../../../functions/knowledge/retriever';
import type {
  ConversationMemory,
  HistoryOptions,
  SessionSnapshot,
} from '../../../functions/memory/conversation-memory';

export function passage(id: string, overrides: Partial<RetrievedPassage> = {}): RetrievedPassage {
  const docId = id.split('#')[0] ?? id;
  return {
    id,
    docId,
    title: `Title of ${docId}`,
    text: `Text of passage ${id}.`,
    score: 0.9,
    rawScore: 12,
    audience: 'public',
    ...overrides,
  };
}

export interface FakeRetriever extends Retriever {
  queries: { query: string; options: RetrieveOptions }[];
  curatedQueries: string[];
}

/** Passages per query (the same for every query when given as a list) and an optional curated hit. */
export function fakeRetriever(
  passages: readonly RetrievedPassage[] | ((query: string) => RetrievedPassage[]) = [],
  curated?: CuratedMatch | ((query: string) => CuratedMatch | undefined),
): FakeRetriever {
  const queries: FakeRetriever['queries'] = [];
  const curatedQueries: string[] = [];
  return {
    queries,
    curatedQueries,
    retrieve(query, options) {
      queries.push({ query, options });
      const found = typeof passages === 'function' ? passages(query) : [...passages];
      return found.slice(0, options.limit ?? 5);
    },
    curatedAnswer(query) {
      curatedQueries.push(query);
      return typeof curated === 'function' ? curated(query) : curated;
    },
  };
}

export interface FakeMemory extends ConversationMemory {
  appended: { sessionId: string; turn: NewConversationTurn; after?: SessionSnapshot | undefined }[];
  windows: HistoryOptions[];
}

export function fakeMemory(
  options: {
    history?: ConversationTurn[];
    historyFails?: Error;
    appendFails?: Error;
    /** A history read that never settles, like a DynamoDB call stuck on a dead connection. */
    historyHangs?: boolean;
  } = {},
): FakeMemory {
  const appended: FakeMemory['appended'] = [];
  const windows: HistoryOptions[] = [];
  return {
    appended,
    windows,
    async append(sessionId, turn, after) {
      if (options.appendFails) throw options.appendFails;
      appended.push({ sessionId, turn, ...(after ? { after } : {}) });
      return { turn: appended.length, duplicate: false };
    },
    history(sessionId, window) {
      return this.recall(sessionId, window).then(({ turns }) => turns);
    },
    recall(_sessionId, window) {
      windows.push(window);
      if (options.historyHangs) return new Promise(() => undefined);
      if (options.historyFails) return Promise.reject(options.historyFails);
      const turns = options.history ?? [];
      const snapshot = {
        newestTurn: turns.length,
        recent: turns.map((stored, index) => ({ requestId: stored.requestId, turn: index + 1 })).reverse(),
      };
      return Promise.resolve({ turns, snapshot });
    },
    recordFeedback: () => Promise.reject(new Error('the answer path never records feedback')),
  };
}

export function turn(
  user: string,
  assistant: string,
  requestId = `earlier-${user.length}`,
): ConversationTurn {
  return {
    turn: 1,
    user,
    assistant,
    requestId,
    localeId: 'en_US',
    channel: 'chat',
    createdAt: '2026-03-10T15:00:00.000Z',
  };
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  attributes: Record<string, unknown>;
}

export interface Recorders {
  logs: LogLine[];
  samples: AnswerSample[];
  gaps: KnowledgeGapInput[];
}

/** The Bedrock client only ever answers through aws-sdk-client-mock in these tests; no request leaves. */
export function testBedrockClient(): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    endpoint: 'http://127.0.0.1:9',
    maxAttempts: 1,
  });
}

export function dependencies(overrides: Partial<GenerativeDependencies> & { knowledge?: Retriever } = {}): {
  deps: GenerativeDependencies;
  recorded: Recorders;
} {
  const recorded: Recorders = { logs: [], samples: [], gaps: [] };
  const log =
    (level: LogLine['level']) =>
    (message: string, attributes: Record<string, unknown>): void => {
      recorded.logs.push({ level, message, attributes });
    };
  const { knowledge, ...rest } = overrides;
  const retriever = knowledge ?? fakeRetriever();
  const deps: GenerativeDependencies = {
    retriever: async () => retriever,
    memory: fakeMemory(),
    bedrock: testBedrockClient(),
    recordGap: async (gap) => {
      recorded.gaps.push(gap);
    },
    model: { modelId: 'amazon.nova-lite-v1:0' },
    clock: Date.now,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    metrics: { record: (sample) => recorded.samples.push(sample) },
    ...rest,
  };
  return { deps, recorded };
}

export function questionRequest(overrides: Partial<QuestionRequest> = {}): QuestionRequest {
  const channel: Channel = overrides.channel ?? 'chat';
  return {
    question: 'Can I return an opened item?',
    localeId: 'en_US',
    channel,
    audience: 'public',
    sessionId: 'session-1',
    requestId: 'request-1',
    inputMode: channel === 'voice' ? 'Speech' : 'Text',
    deadlineMs: Date.now() + CHANNEL_SETTINGS[channel].answerBudgetMs,
    ...overrides,
  };
}

/** A Converse response whose one content block calls the answer tool with `input`. */
export function toolReply(
  input: unknown,
  overrides: Partial<ConverseCommandOutput> = {},
): ConverseCommandOutput {
  return {
    output: {
      message: {
        role: 'assistant',
        content: [{ toolUse: { toolUseId: 'tool-1', name: 'submit_answer', input: input as never } }],
      },
    },
    stopReason: 'tool_use',
    usage: { inputTokens: 420, outputTokens: 37, totalTokens: 457 },
    metrics: { latencyMs: 310 },
    $metadata: {},
    ...overrides,
  };
}

export function textReply(
  text: string,
  stopReason: ConverseCommandOutput['stopReason'],
): ConverseCommandOutput {
  return {
    output: { message: { role: 'assistant', content: [{ text }] } },
    stopReason,
    usage: { inputTokens: 400, outputTokens: 20, totalTokens: 420 },
    metrics: { latencyMs: 250 },
    $metadata: {},
  };
}
