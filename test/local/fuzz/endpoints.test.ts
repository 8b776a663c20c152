/**
 * Fuzzing every endpoint of the local stack over the wire: requests the real SDK clients serialize (and Slack
 * signs), mutated in their JSON, bytes, headers, path, method and framing, sent as raw HTTP/1.1. Each answer
 * must be a success or a well-formed client error of that service's protocol, and a valid request sent right
 * after must still succeed. `PARLEY_FUZZ_RUNS=10000` runs the long version (README).
 */
import { gzipSync } from 'node:zlib';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseCommandInput,
} from '@aws-sdk/client-bedrock-runtime';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  BatchWriteItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteSessionCommand,
  GetSessionCommand,
  LexRuntimeV2Client,
  PutSessionCommand,
  RecognizeTextCommand,
  RecognizeUtteranceCommand,
} from '@aws-sdk/client-lex-runtime-v2';
import { DescribeVoicesCommand, PollyClient, SynthesizeSpeechCommand } from '@aws-sdk/client-polly';
import fc from 'fast-check';
import { converseInput } from '../../../functions/generative/prompt';
import type { LocalStack } from '../../../local/stack';
import { FAQ } from '../bedrock/contract-requests';
import { capture, capturingHandler } from '../../support/fuzz/sdk-capture';
import { mutatedRequests, type MutationVocabulary } from '../../support/fuzz/mutations';
import { sendAndHangUp, sendRaw, type RawRequest, type RawResponse } from '../../support/fuzz/raw-http';
import { fuzzRuns, fuzzTimeoutMs } from '../../support/fuzz/runs';
import { awsAnswerProblems, describeRequest, type AwsProtocol } from '../../support/fuzz/wire-checks';
import { ALIAS_ID, BOT_ID, localClientConfig, startTestStack } from '../../support/local-stack';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/slack/fake-slack-api';
import {
  appMention,
  blockActions,
  eventCallback,
  interactivityBody,
  signedHeaders,
  urlVerification,
} from '../../support/slack/signed-requests';
import { SIGNING_SECRET, useSlackEnvironment } from '../../support/slack/workspace';

let stack: LocalStack;
let slack: FakeSlackApi;
const logLines: string[] = [];

beforeAll(async () => {
  slack = await startFakeSlackApi();
  useSlackEnvironment(slack);
  stack = await startTestStack({ log: (line) => logLines.push(line), lambdaRetryDelaysMs: [50] });
});

afterAll(async () => {
  await stack?.close();
  await slack?.close();
});

/** An SDK client that only serializes: its requests become the fuzzer's seeds. */
function capturing<Client>(make: (config: object) => Client): Client {
  return make({
    ...localClientConfig('http://127.0.0.1:1'),
    requestHandler: capturingHandler,
    maxAttempts: 1,
  });
}

interface Target {
  protocol: AwsProtocol | 'slack';
  seeds: Record<string, RawRequest>;
  vocabulary: MutationVocabulary;
  /** A valid request that must succeed after every mutated one. */
  probe: () => Promise<void>;
  finish?: (request: RawRequest) => fc.Arbitrary<RawRequest>;
  /** Runs after the cases, passed or not: closing clients, checks on what the run left behind. */
  after?: () => Promise<void>;
}

/** One fuzz target as a test: `quickRuns` cases in `npm test`, PARLEY_FUZZ_RUNS in the long run. */
function fuzzTarget(
  name: string,
  budget: { quickRuns: number; perCaseMs: number },
  title: (runs: number) => string,
  prepare: () => Promise<Target>,
): void {
  const runs = fuzzRuns(budget.quickRuns);
  it(
    `${name} ${title(runs)}`,
    async () => {
      const target = await prepare();
      try {
        await fuzz(target, runs);
      } finally {
        await target.after?.();
      }
    },
    fuzzTimeoutMs(runs, budget.perCaseMs),
  );
}

async function fuzz(target: Target, runs: number): Promise<void> {
  // Every mutation starts from a request the service accepts, or the fuzzer only tests the first check.
  for (const [name, seed] of Object.entries(target.seeds)) {
    const response = await sendRaw(stack.port, seed);
    if (response.status >= 300) {
      throw new Error(
        `Seed ${name} is refused: ${response.status} ${response.body.toString('utf8').slice(0, 300)}`,
      );
    }
  }
  const logFrom = logLines.length;
  const result = await fc.check(
    fc.asyncProperty(
      mutatedRequests(target.seeds, target.vocabulary, target.finish),
      // Now and then the client hangs up halfway through its request instead.
      fc.option(fc.nat(), { freq: 8 }),
      async ({ seed, request }, hangUpAt) => {
        if (hangUpAt !== null) {
          await sendAndHangUp(
            stack.port,
            request,
            hangUpAt % (request.target.length + request.body.length + 200),
          );
          await target.probe();
          return;
        }
        let response: RawResponse;
        try {
          response = await sendRaw(stack.port, request);
        } catch (error) {
          throw new Error(`${String(error)}\nafter mutating ${seed}:\n${describeRequest(request)}`, {
            cause: error,
          });
        }
        const problems =
          target.protocol === 'slack'
            ? response.status >= 500
              ? [`status ${response.status}: ${response.body.toString('utf8').slice(0, 200)}`]
              : []
            : awsAnswerProblems(target.protocol, request, response);
        if (problems.length > 0) {
          throw new Error(
            `${problems.join('; ')}\nanswer: ${response.status} ${JSON.stringify(response.headers)} ${response.body
              .toString('utf8')
              .slice(0, 300)}\nto ${seed} mutated into:\n${describeRequest(request)}`,
          );
        }
        await target.probe();
      },
    ),
    // Shrinking replays cases over the network until the test's timeout; the report names the seed instead.
    { numRuns: runs, endOnFailure: true },
  );
  // fast-check's own report repeats the whole (often huge) counterexample; the error already describes it.
  if (result.failed) {
    throw new Error(
      `After ${result.numRuns} cases (seed ${result.seed}, path "${result.counterexamplePath}"): ${String(result.errorInstance)}`,
    );
  }
  // This target's own log lines: a request that was answered well but logged as a failure is a bug too.
  expect(
    logLines.slice(logFrom).filter((line) => /internal error|failed \(request|threw|timed out/.test(line)),
  ).toEqual([]);
}

fuzzTarget(
  'the Lex V2 runtime emulator',
  { quickRuns: 40, perCaseMs: 400 },
  (runs) =>
    `answers ${runs} mutated RecognizeText, RecognizeUtterance and session requests well and keeps serving`,
  async () => {
    const lex = capturing((config) => new LexRuntimeV2Client(config));
    const session = { botId: BOT_ID, botAliasId: ALIAS_ID, localeId: 'en_US', sessionId: 'fuzz-seed-1' };
    const encoded = (value: unknown) => gzipSync(Buffer.from(JSON.stringify(value))).toString('base64');
    const seeds = {
      RecognizeText: await capture(
        lex.send(
          new RecognizeTextCommand({
            ...session,
            text: 'what are your store hours',
            sessionState: { sessionAttributes: { 'parley:channel': 'web' } },
            requestAttributes: { channel: 'web' },
          }),
        ),
      ),
      RecognizeUtterance: await capture(
        lex.send(
          new RecognizeUtteranceCommand({
            ...session,
            requestContentType: 'text/plain; charset=utf-8',
            responseContentType: 'text/plain; charset=utf-8',
            inputStream: Buffer.from('where is my order'),
            sessionState: encoded({ sessionAttributes: { 'parley:channel': 'voice' } }),
            requestAttributes: encoded({ channel: 'voice' }),
          }),
        ),
      ),
      PutSession: await capture(
        lex.send(
          new PutSessionCommand({
            ...session,
            sessionState: {
              dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' },
              intent: { name: 'CheckOrderStatus', state: 'InProgress', confirmationState: 'None' },
              sessionAttributes: { 'parley:channel': 'web' },
            },
            messages: [{ contentType: 'PlainText', content: 'What is your order number?' }],
          }),
        ),
      ),
      GetSession: await capture(lex.send(new GetSessionCommand(session))),
      DeleteSession: await capture(lex.send(new DeleteSessionCommand(session))),
    };
    lex.destroy();
    const client = new LexRuntimeV2Client(localClientConfig(stack.endpoint));
    let probes = 0;
    return {
      protocol: 'restJson1',
      seeds,
      vocabulary: {
        headerValues: {
          'content-type': [
            'application/json',
            'text/plain; charset=utf-8',
            'audio/l16; rate=16000; channels=1',
            'audio/x-cbr-opus-with-preamble;preamble-size=0',
          ],
          'response-content-type': ['text/plain; charset=utf-8', 'audio/pcm', 'audio/*', 'video/mp4'],
          responsecontenttype: ['text/plain; charset=utf-8', 'audio/mpeg'],
          'x-amz-lex-session-state': ['H4sI', encoded({ intent: { name: 'Nope' } }), encoded([])],
          'x-amz-lex-request-attributes': ['H4sI', encoded({ a: 1 }), encoded(null)],
        },
        pathSegments: [
          'bots',
          BOT_ID,
          'botAliases',
          ALIAS_ID,
          'STAFFALIAS',
          'botLocales',
          'es_US',
          'de_DE',
          'sessions',
          'text',
          'utterance',
          'conversation',
        ],
      },
      probe: async () => {
        const reply = await client.send(
          new RecognizeTextCommand({ ...session, sessionId: `fuzz-probe-${++probes}`, text: 'hello' }),
        );
        expect(reply.messages?.length).toBeGreaterThan(0);
      },

      after: async () => {
        client.destroy();
      },
    };
  },
);

fuzzTarget(
  'the Bedrock Converse stand-in',
  { quickRuns: 40, perCaseMs: 400 },
  (runs) => `answers ${runs} mutated Converse and ConverseStream requests well and keeps serving`,
  async () => {
    const bedrock = capturing((config) => new BedrockRuntimeClient(config));
    const input = converseInput({
      question: 'do you ship to Canada?',
      localeId: 'en_US',
      channel: 'chat',
      passages: FAQ,
      history: [{ user: 'hi', assistant: 'Hello! How can I help?' }],
      model: { modelId: 'amazon.nova-micro-v1:0', guardrail: { identifier: 'gr1', version: '1' } },
      askedFor: 'your order number',
    });
    const seeds = {
      Converse: await capture(bedrock.send(new ConverseCommand(input))),
      ConverseStream: await capture(bedrock.send(new ConverseStreamCommand(input as ConverseCommandInput))),
    };
    bedrock.destroy();
    const client = new BedrockRuntimeClient(localClientConfig(stack.endpoint));
    return {
      protocol: 'restJson1',
      seeds,
      vocabulary: {
        headerValues: {
          'content-type': ['application/json', 'text/plain', 'application/x-amz-json-1.1'],
        },
        pathSegments: [
          'model',
          'converse',
          'converse-stream',
          'invoke',
          'amazon.nova-micro-v1%3A0',
          '_parley',
        ],
      },
      probe: async () => {
        const reply = await client.send(new ConverseCommand(input));
        expect(reply.output?.message?.content?.length).toBeGreaterThan(0);
      },

      after: async () => {
        client.destroy();
        // The fault switch shares the port: nothing the fuzzer sent may have left a fault armed.
        expect(stack.bedrockFaults.state()).toBeUndefined();
      },
    };
  },
);

fuzzTarget(
  'the Polly stand-in',
  { quickRuns: 15, perCaseMs: 1_500 },
  (runs) => `answers ${runs} mutated SynthesizeSpeech and DescribeVoices requests well and keeps serving`,
  async () => {
    const polly = capturing((config) => new PollyClient(config));
    const seeds = {
      SynthesizeText: await capture(
        polly.send(
          new SynthesizeSpeechCommand({
            Text: 'Hello.',
            VoiceId: 'Joanna',
            OutputFormat: 'pcm',
            SampleRate: '8000',
          }),
        ),
      ),
      SynthesizeSsml: await capture(
        polly.send(
          new SynthesizeSpeechCommand({
            Text: '<speak>Your order <say-as interpret-as="digits">10001</say-as> shipped.</speak>',
            TextType: 'ssml',
            VoiceId: 'Lupe',
            Engine: 'neural',
            LanguageCode: 'es-US',
            OutputFormat: 'mp3',
          }),
        ),
      ),
      SpeechMarks: await capture(
        polly.send(
          new SynthesizeSpeechCommand({
            Text: 'Hi there.',
            VoiceId: 'Joanna',
            OutputFormat: 'json',
            SpeechMarkTypes: ['sentence'],
          }),
        ),
      ),
      DescribeVoices: await capture(polly.send(new DescribeVoicesCommand({ LanguageCode: 'en-US' }))),
    };
    polly.destroy();
    const client = new PollyClient(localClientConfig(stack.endpoint));
    return {
      protocol: 'restJson1',
      seeds,
      vocabulary: {
        headerValues: { 'content-type': ['application/json', 'text/plain', 'application/ssml+xml'] },
        pathSegments: ['v1', 'speech', 'voices', 'lexicons', 'synthesisTasks'],
      },
      probe: async () => {
        const voices = await client.send(new DescribeVoicesCommand({ LanguageCode: 'en-US' }));
        expect(voices.Voices?.length).toBeGreaterThan(0);
      },

      after: async () => {
        // The probe lists voices; speech itself must still work after the run too.
        const speech = await client.send(
          new SynthesizeSpeechCommand({
            Text: 'Hello.',
            VoiceId: 'Joanna',
            OutputFormat: 'pcm',
            SampleRate: '8000',
          }),
        );
        try {
          expect((await speech.AudioStream?.transformToByteArray())?.length).toBeGreaterThan(0);
        } finally {
          client.destroy();
        }
      },
    };
  },
);

fuzzTarget(
  'DynamoDB behind the edge',
  { quickRuns: 40, perCaseMs: 400 },
  (runs) => `answers ${runs} mutated DynamoDB requests well, routes them by X-Amz-Target, and keeps serving`,
  async () => {
    const client = new DynamoDBClient(localClientConfig(stack.endpoint));
    const table = 'parley-fuzz-scratch';
    await client.send(
      new CreateTableCommand({
        TableName: table,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const dynamo = capturing((config) => new DynamoDBClient(config));
    const order = { TableName: 'parley-orders', Key: { orderNumber: { S: '10001' } } };
    const seeds = {
      GetItem: await capture(dynamo.send(new GetItemCommand(order))),
      PutItem: await capture(
        dynamo.send(
          new PutItemCommand({
            TableName: table,
            Item: {
              pk: { S: 'a' },
              n: { N: '1' },
              tags: { SS: ['x', 'y'] },
              blob: { B: Buffer.from('hi') },
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      ),
      UpdateItem: await capture(
        dynamo.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { pk: { S: 'b' } },
            UpdateExpression: 'SET #n = if_not_exists(#n, :zero) + :one',
            ExpressionAttributeNames: { '#n': 'n' },
            ExpressionAttributeValues: { ':zero': { N: '0' }, ':one': { N: '1' } },
          }),
        ),
      ),
      Query: await capture(
        dynamo.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: 'a' } },
            Limit: 5,
          }),
        ),
      ),
      Scan: await capture(dynamo.send(new ScanCommand({ TableName: table, Limit: 3 }))),
      BatchWriteItem: await capture(
        dynamo.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [table]: [
                { PutRequest: { Item: { pk: { S: 'c' }, note: { S: 'batch' } } } },
                { DeleteRequest: { Key: { pk: { S: 'd' } } } },
              ],
            },
          }),
        ),
      ),
      DescribeTable: await capture(dynamo.send(new DescribeTableCommand({ TableName: table }))),
    };
    dynamo.destroy();
    const target = (operation: string) => `DynamoDB_20120810.${operation}`;
    return {
      protocol: 'awsJson1_0',
      seeds,
      vocabulary: {
        headerValues: {
          'x-amz-target': [
            ...[
              'GetItem',
              'PutItem',
              'Query',
              'Scan',
              'BatchGetItem',
              'BatchWriteItem',
              'DescribeTable',
              'ListTables',
              'Nope',
            ].map(target),
            'DynamoDB_20120810',
            'DynamoDB_20120810.',
            'DynamoDBStreams_20120810.ListStreams',
            'secretsmanager.GetSecretValue',
          ],
          'content-type': [
            'application/x-amz-json-1.0',
            'application/x-amz-json-1.1',
            'application/json',
            'text/plain',
          ],
        },
      },
      probe: async () => {
        const item = await client.send(new GetItemCommand(order));
        expect(item.Item?.orderNumber?.S).toBe('10001');
      },

      after: async () => {
        client.destroy();
      },
    };
  },
);

fuzzTarget(
  'the Slack ingress',
  { quickRuns: 25, perCaseMs: 600 },
  (runs) =>
    `answers ${runs} mutated Events API and interactivity requests without a server error and keeps serving`,
  async () => {
    const slackRequest = (body: string): RawRequest => ({
      method: 'POST',
      target: '/slack/events',
      headers: Object.entries(signedHeaders(SIGNING_SECRET, body)),
      body: Buffer.from(body),
    });
    const seeds = {
      urlVerification: slackRequest(JSON.stringify(urlVerification('fuzz-challenge'))),
      appMention: slackRequest(
        JSON.stringify(
          eventCallback(appMention({ user: 'U0FUZZ', channel: 'C0FUZZ01', text: '<@U0PARLEY> hours?' })),
        ),
      ),
      blockActions: slackRequest(
        interactivityBody(
          blockActions({
            user: 'U0FUZZ',
            teamId: 'T0PARLEY1',
            channel: 'C0FUZZ01',
            messageTs: '1733450000.000001',
            actionId: 'parley_feedback_helpful',
            value: 'fuzz-session:1',
            responseUrl: `${slack.apiUrl}response`,
          }),
        ),
      ),
    };
    // Half the cases signed again after mutation, so bodies get past the signature check to the parsers.
    const resign = (request: RawRequest): fc.Arbitrary<RawRequest> =>
      fc.boolean().map((signAgain) =>
        signAgain
          ? {
              ...request,
              headers: [
                ...request.headers.filter(([name]) => !/^x-slack-(signature|request-timestamp)$/i.test(name)),
                ...Object.entries(signedHeaders(SIGNING_SECRET, request.body.toString('latin1'))).filter(
                  ([name]) => name.startsWith('x-slack'),
                ),
              ],
            }
          : request,
      );
    return {
      protocol: 'slack',
      seeds,
      vocabulary: {
        headerValues: {
          'content-type': [
            'application/json',
            'application/x-www-form-urlencoded',
            'text/plain',
            'multipart/form-data',
          ],
          'x-slack-request-timestamp': ['0', '-1', '99999999999999999999', '1.5'],
          'x-slack-signature': ['v0=', 'v1=00', ''],
          'x-slack-retry-num': ['1', '3', 'x'],
        },
        pathSegments: ['slack', 'events'],
      },
      finish: resign,
      probe: async () => {
        const body = JSON.stringify(urlVerification('still-there'));
        const response = await sendRaw(stack.port, slackRequest(body));
        expect(response.status).toBe(200);
        expect(JSON.parse(response.body.toString('utf8'))).toEqual({ challenge: 'still-there' });
      },

      after: async () => {
        await stack.lambdaIdle();
      },
    };
  },
);
