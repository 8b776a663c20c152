import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { readAnswerAttribute } from '../functions/shared/answer-attribute';
import { loadConfig } from '../functions/lex-code-hook/config';
import { documentClient } from '../functions/lex-code-hook/data/dynamodb-client';
import { startLocalStack } from '../local/stack';
import { Conversation, lexClient } from '../test/support/local-stack';
import { stats, type LatencyStats } from './latency-stats';
import { requestKind, SdkCallRecorder, type SdkCall } from './sdk-calls';

/** Open questions a customer might ask in one long chat; phrased to miss the curated answers and reach the model. */
export const QUESTIONS = [
  'how long does shipping to Canada take and what does it cost',
  'what happens if my package arrives after the expected date',
  'can I return something I bought on sale without the box',
  'is the warranty different for items bought in a store',
  'can I split a payment between a gift card and my credit card',
  'will you match a price I saw at another retailer last week',
  'can my dog come with me inside the Downtown store',
  'how do I pick up an online order at a store',
  'what personal data do you keep about me',
  'can I change the delivery address after ordering',
];

export interface LongConversationResult {
  benchmark: 'long-conversation';
  timestamp: string;
  turns: number;
  /** Model input tokens per turn number: the history window must keep these flat, not growing with the chat. */
  inputTokensAtTurn: Record<string, number | null>;
  maxInputTokens: number;
  /**
   * The stored turn's size in bytes (its attributes as JSON, about what DynamoDB bills) per turn number: flat
   * when each turn stores only itself, whatever the conversation's length.
   */
  itemBytesAtTurn: Record<string, number | null>;
  answerRoundTripMs: LatencyStats;
  /** The hook's DynamoDB requests per turn number (1, 10, 50 and the last), as sent by its own client. */
  dynamoDbAtTurn: Record<string, TurnRequests | null>;
  /**
   * Over every model-answered turn: the most reads and writes of conversation memory one turn made (issue 12:
   * one of each), and how many turns also wrote a knowledge gap (a question the model declined).
   */
  modelTurns: number;
  maxReadsPerModelTurn: number;
  maxWritesPerModelTurn: number;
  modelTurnsWithGap: number;
}

export interface TurnRequests {
  /** Where the answer came from (`model`, `curated`...), from the turn's answer attribute. */
  source: string | null;
  /** Requests to the conversations table: conversation memory. */
  reads: number;
  writes: number;
  /** Writes to the knowledge gaps table: a question the knowledge base or the model could not answer. */
  gapWrites: number;
  /** Request and response bodies, as sent and received: about what the table is billed for. */
  requestBytes: number;
  responseBytes: number;
}

/**
 * One chat of `turns` open questions through the whole local stack, then the conversation memory's own record
 * of the model's input tokens per turn. Shows that turn 50 costs about what turn 5 does.
 */
export async function measureLongConversation(
  turns: number,
  progress: (line: string) => void,
  port: number,
): Promise<LongConversationResult> {
  const stack = await startLocalStack({ port });
  const client = lexClient(stack);
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoint }));
  const roundTrips: number[] = [];
  const recorder = new SdkCallRecorder();
  // The hook's own client: what it sends is what a deployed turn costs.
  const detach = recorder.attach('dynamodb', documentClient());
  const requests: TurnRequests[] = [];
  try {
    const conversation = new Conversation(client, 'en_US', `long-${Date.now()}`);
    for (let turn = 0; turn < turns; turn += 1) {
      const started = performance.now();
      recorder.take();
      const reply = await conversation.say(QUESTIONS[turn % QUESTIONS.length] ?? '');
      await recorder.idle();
      roundTrips.push(performance.now() - started);
      requests.push(turnRequests(reply.requestAttributes, recorder.take()));
      if ((turn + 1) % 10 === 0) progress(`long conversation: ${turn + 1}/${turns} turns`);
    }
    const items = await documents.send(
      new QueryCommand({
        TableName: 'parley-conversations',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `S#${conversation.sessionId}` },
      }),
    );
    const tokens = (items.Items ?? []).map((item) =>
      typeof item.inputTokens === 'number' ? item.inputTokens : null,
    );
    const at = (n: number) => tokens[n - 1] ?? null;
    const bytes = (items.Items ?? []).map((item) => Buffer.byteLength(JSON.stringify(item)));
    const turnNumbers = [...new Set([1, 10, 50, turns].filter((n) => n <= turns))];
    const modelTurns = requests.filter((turn) => turn.source === 'model');
    return {
      benchmark: 'long-conversation',
      timestamp: new Date().toISOString(),
      turns,
      inputTokensAtTurn: Object.fromEntries([1, 5, 10, 25, turns].map((n) => [String(n), at(n)])),
      maxInputTokens: Math.max(0, ...tokens.filter((t): t is number => t !== null)),
      itemBytesAtTurn: Object.fromEntries(turnNumbers.map((n) => [String(n), bytes[n - 1] ?? null])),
      answerRoundTripMs: stats(roundTrips),
      dynamoDbAtTurn: Object.fromEntries(turnNumbers.map((n) => [String(n), requests[n - 1] ?? null])),
      modelTurns: modelTurns.length,
      maxReadsPerModelTurn: Math.max(0, ...modelTurns.map((turn) => turn.reads)),
      maxWritesPerModelTurn: Math.max(0, ...modelTurns.map((turn) => turn.writes)),
      modelTurnsWithGap: modelTurns.filter((turn) => turn.gapWrites > 0).length,
    };
  } finally {
    detach();
    documents.destroy();
    client.destroy();
    await stack.close();
  }
}

function turnRequests(
  requestAttributes: Record<string, string> | undefined,
  calls: readonly SdkCall[],
): TurnRequests {
  const { conversationsTableName, knowledgeGapsTableName } = loadConfig(process.env).generative;
  const count = (kind: string, table: string) =>
    calls.filter((call) => requestKind(call.command) === kind && call.table === table).length;
  return {
    source: readAnswerAttribute(requestAttributes)?.source ?? null,
    reads: count('read', conversationsTableName),
    writes: count('write', conversationsTableName),
    gapWrites: count('write', knowledgeGapsTableName),
    requestBytes: calls.reduce((sum, call) => sum + call.requestBytes, 0),
    responseBytes: calls.reduce((sum, call) => sum + call.responseBytes, 0),
  };
}
