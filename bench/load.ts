import type { Profiler } from 'node:inspector';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { readAnswerAttribute } from '../functions/shared/answer-attribute';
import { loadConfig } from '../functions/lex-code-hook/config';
import { sessionKey, turnNumberOf, type TurnItem } from '../functions/memory/turn-item';
import { startLocalStack } from '../local/stack';
import { Conversation, lexClient, localClientConfig } from '../test/support/local-stack';
import { profileWhile, summariseProfile, type ProfileSummary } from './cpu-profile';
import { stats, type LatencyStats } from './latency-stats';
import { QUESTIONS as OPEN_QUESTIONS } from './long-conversation';
import { checkMemory, type MemoryCheck, type SentTurn } from './memory-check';

/** What a session says, in turn: a question for the model, one for an article as written, a business intent. */
const CURATED_QUESTIONS = [
  'Can I return an item without a receipt?',
  'How do I check my gift card balance?',
  'How do I make a warranty claim?',
  'Do you sell extended warranties?',
  'How do I use my store credit online?',
];
const BUSINESS_TURNS = ['what are the hours of the airport store', 'what time does the downtown store close'];

export interface LoadResult {
  benchmark: 'load';
  timestamp: string;
  node: string;
  sessions: number;
  turnsPerSession: number;
  turns: number;
  errors: number;
  /** The first few errors, to start from when there are any. */
  errorSamples: string[];
  memory: MemoryCheck;
  wallSeconds: number;
  turnsPerSecond: number;
  /** Each RecognizeText as its client saw it, queueing behind the other sessions included. */
  turnMs: LatencyStats;
  /** Where the process's time went during the run: the stack, the hook and the 100 clients together. */
  profile: ProfileSummary;
}

/** The line a session says at `turn`: the kinds in rotation, each session starting elsewhere in the lists. */
export function loadScriptLine(session: number, turn: number): string {
  const round = Math.floor(turn / 3) + session;
  const pick = (list: readonly string[]) => list[round % list.length] ?? '';
  return [pick(OPEN_QUESTIONS), pick(CURATED_QUESTIONS), pick(BUSINESS_TURNS)][turn % 3] ?? '';
}

/**
 * `sessions` conversations at once, `turnsPerSession` turns each, every session with its own SDK Lex runtime
 * client (its own HTTP/2 connection, like separate callers) against one local stack, under the CPU profiler.
 * Afterwards each session's stored conversation memory is checked against what its answers said was stored.
 */
export async function measureLoad(
  sessions: number,
  turnsPerSession: number,
  progress: (line: string) => void,
  port: number,
): Promise<{ result: LoadResult; profile: Profiler.Profile }> {
  const stack = await startLocalStack({ port });
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(stack.endpoint)));
  const clients = Array.from({ length: sessions }, () => lexClient(stack));
  const total = sessions * turnsPerSession;
  const turnMs: number[] = [];
  const errorSamples: string[] = [];
  const sent: SentTurn[][] = clients.map(() => []);
  const runId = Date.now().toString(36);
  let errors = 0;
  try {
    const runSession = async (index: number) => {
      const client = clients[index];
      if (!client) return;
      const conversation = new Conversation(client, 'en_US', `load-${runId}-${index}`);
      for (let turn = 0; turn < turnsPerSession; turn += 1) {
        const text = loadScriptLine(index, turn);
        const started = performance.now();
        try {
          const reply = await conversation.say(text);
          turnMs.push(performance.now() - started);
          const answer = readAnswerAttribute(reply.requestAttributes);
          sent[index]?.push({ text, rememberedAs: answer?.turn });
          if (!reply.messages?.some((message) => message.content?.trim())) throw new Error('an empty reply');
        } catch (error) {
          errors += 1;
          if (errorSamples.length < 5) {
            errorSamples.push(
              `session ${index} turn ${turn + 1}: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
        const done = turnMs.length + errors;
        if (done % 100 === 0 || done === total) progress(`load: ${done}/${total} turns`);
      }
    };
    const started = performance.now();
    const { profile } = await profileWhile(() => Promise.all(clients.map((_, index) => runSession(index))));
    const wallSeconds = (performance.now() - started) / 1000;
    const table = loadConfig(process.env).generative.conversationsTableName;
    const checks: MemoryCheck[] = [];
    for (const [index, turns] of sent.entries()) {
      const stored = await documents.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': sessionKey(`load-${runId}-${index}`) },
        }),
      );
      const items = (stored.Items ?? []) as TurnItem[];
      checks.push(
        checkMemory(
          turns,
          items.map((item) => ({ turn: turnNumberOf(item), user: item.user })),
        ),
      );
    }
    const memory = checks.reduce(
      (sum, check) => ({
        expected: sum.expected + check.expected,
        stored: sum.stored + check.stored,
        lost: sum.lost + check.lost,
        duplicated: sum.duplicated + check.duplicated,
      }),
      { expected: 0, stored: 0, lost: 0, duplicated: 0 },
    );
    return {
      result: {
        benchmark: 'load',
        timestamp: new Date().toISOString(),
        node: process.version,
        sessions,
        turnsPerSession,
        turns: total,
        errors,
        errorSamples,
        memory,
        wallSeconds: Math.round(wallSeconds * 100) / 100,
        turnsPerSecond: Math.round((turnMs.length / wallSeconds) * 10) / 10,
        turnMs: stats(turnMs),
        profile: summariseProfile(profile, { top: 10 }),
      },
      profile,
    };
  } finally {
    for (const client of clients) client.destroy();
    documents.destroy();
    await stack.close();
  }
}
