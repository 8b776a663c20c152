/**
 * Faults end to end through the local stack: DynamoDB throttling, conditional conflicts and server errors
 * (injected by a proxy in front of the code hook's DynamoDB, as the table would answer them) and a model that
 * hangs on the chat channel. Every turn must still get an answer, within its channel's deadline.
 */
import { CHANNEL_SETTINGS } from '../../functions/generative/channel-settings';
import type { LocalStack } from '../../local/stack';
import { Conversation, lexClient, startTestStack, textOf } from '../support/local-stack';
import {
  startRecordingProxy,
  type CannedAnswer,
  type ProxiedRequest,
  type RecordingProxy,
} from '../support/recording-proxy';

/** Room for the turn around the answer budget: the dialog, the hook's own work, a busy machine. */
const MARGIN_MS = 4_000;

let stack: LocalStack;
let proxy: RecordingProxy;

beforeAll(async () => {
  stack = await startTestStack();
  proxy = await startRecordingProxy(stack.endpoint);
  // The code hook builds its DynamoDB client on its first turn, from this variable, as a Lambda would.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = proxy.url;
});

afterEach(() => {
  delete proxy.intercept;
  stack.bedrockFaults.clear();
});

afterAll(async () => {
  await proxy?.close();
  await stack?.close();
});

function dynamoError(type: string, message: string, status = 400): CannedAnswer {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'F'.repeat(52) },
    body: JSON.stringify({ __type: type, message }),
  };
}

const THROTTLED = dynamoError(
  'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  'The level of configured provisioned throughput for the table was exceeded.',
);
const CONFLICT = dynamoError(
  'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
  'The conditional request failed',
);
const BROKEN = dynamoError(
  'com.amazonaws.dynamodb.v20120810#InternalServerError',
  'Internal server error',
  500,
);

const operationOf = (request: ProxiedRequest) => String(request.headers['x-amz-target']).split('.')[1] ?? '';

type Fault = (request: ProxiedRequest) => CannedAnswer | undefined;

/** Every DynamoDB request `times` times in a row (throttling the SDK retries), then served again. */
function firstRequests(answer: CannedAnswer, times: number): Fault {
  let left = times;
  return () => (left-- > 0 ? answer : undefined);
}

/** Writes that carry a condition, as if another writer had got there first. */
const conditionalWrites: Fault = (request) =>
  /ConditionExpression/.test(request.body.toString('utf8')) && /PutItem|UpdateItem/.test(operationOf(request))
    ? CONFLICT
    : undefined;

const always =
  (answer: CannedAnswer): Fault =>
  () =>
    answer;

/** Conversations that read and write each table the code hook uses. */
const FAQ = ['do you ship to Canada?'];
const ORDER_STATUS = ['where is order 10001'];
const STORE_HOURS = ['what are your store hours'];
const CALLBACK = ['please call me back', 'next wednesday', 'at 3 pm', '5552014477', 'yes'];

const CASES: [string, string[], () => Fault][] = [
  ['throttling the SDK retries away, on an FAQ answer (memory)', FAQ, () => firstRequests(THROTTLED, 2)],
  ['throttling that lasts, on a callback booking', CALLBACK, () => always(THROTTLED)],
  ['a conditional conflict on every write, on an FAQ answer (memory)', FAQ, () => conditionalWrites],
  ['a conditional conflict on every write, on a callback booking', CALLBACK, () => conditionalWrites],
  ['server errors, on an FAQ answer (memory)', FAQ, () => always(BROKEN)],
  ['server errors, on an order status', ORDER_STATUS, () => always(BROKEN)],
  ['server errors, on store hours', STORE_HOURS, () => always(BROKEN)],
  ['server errors, on a callback booking', CALLBACK, () => always(BROKEN)],
];

let session = 0;

describe('DynamoDB failing under the code hook', () => {
  it.each(CASES)(
    '%s: every turn is still answered within the chat deadline',
    async (_case, turns, makeFault) => {
      const client = lexClient(stack);
      const conversation = new Conversation(client, 'en_US', `dynamo-fault-${++session}`);
      const fault = makeFault();
      let injected = 0;
      try {
        proxy.intercept = (request) => {
          const answer = fault(request);
          if (answer) injected += 1;
          return answer;
        };
        for (const text of turns) {
          const started = Date.now();
          const reply = await conversation.say(text);
          expect(Date.now() - started).toBeLessThan(CHANNEL_SETTINGS.chat.answerBudgetMs + MARGIN_MS);
          expect(textOf(reply).trim().length).toBeGreaterThan(10);
        }
      } finally {
        client.destroy();
      }
      // The fault reached the code hook's requests, or this tested nothing.
      expect(injected).toBeGreaterThan(0);
    },
  );
});

describe('a model that hangs', () => {
  it('is cut off within the chat deadline, with an answer that offers an agent', async () => {
    const client = lexClient(stack);
    try {
      stack.bedrockFaults.set({ mode: 'timeout', delayMs: 60_000 });
      const started = Date.now();
      const reply = await new Conversation(client, 'en_US', 'model-hangs-chat', {
        'parley:channel': 'chat',
      }).say('would paypal work for an order on your website?');
      expect(Date.now() - started).toBeLessThan(CHANNEL_SETTINGS.chat.answerBudgetMs + MARGIN_MS);
      expect(textOf(reply)).toMatch(/agent/i);
    } finally {
      client.destroy();
    }
  }, 30_000);
});
