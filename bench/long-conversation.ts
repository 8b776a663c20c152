import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../local/stack';
import { Conversation, lexClient } from '../test/support/local-stack';

/** Open questions a customer might ask in one long chat; phrased to miss the curated answers and reach the model. */
const QUESTIONS = [
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
  answerRoundTripMs: { p50: number; p95: number };
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
  try {
    const conversation = new Conversation(client, 'en_US', `long-${Date.now()}`);
    for (let turn = 0; turn < turns; turn += 1) {
      const started = performance.now();
      await conversation.say(QUESTIONS[turn % QUESTIONS.length] ?? '');
      roundTrips.push(performance.now() - started);
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
    const sorted = [...roundTrips].sort((a, b) => a - b);
    const quantile = (q: number) => Math.round((sorted[Math.floor(q * (sorted.length - 1))] ?? 0) * 10) / 10;
    return {
      benchmark: 'long-conversation',
      timestamp: new Date().toISOString(),
      turns,
      inputTokensAtTurn: Object.fromEntries([1, 5, 10, 25, turns].map((n) => [String(n), at(n)])),
      maxInputTokens: Math.max(0, ...tokens.filter((t): t is number => t !== null)),
      itemBytesAtTurn: Object.fromEntries(turnNumbers.map((n) => [String(n), bytes[n - 1] ?? null])),
      answerRoundTripMs: { p50: quantile(0.5), p95: quantile(0.95) },
    };
  } finally {
    documents.destroy();
    client.destroy();
    await stack.close();
  }
}
