import http from 'node:http';
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { toolClientConfig } from '../../local/aws-tool-config';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack';
import { TEST_ENGINE } from '../local/dynamodb/harness';

export const BOT_ID = 'RetailSupportBot';
export const ALIAS_ID = 'TSTALIASID';
/** The alias only staff channels (Slack) may call; see bot-definitions/RetailSupportBot/local.yaml. */
export const STAFF_ALIAS_ID = 'STAFFALIAS';

let portOfThisTestFile: number | undefined;

/**
 * The whole offline stack, everything in memory unless a dataDir is given. Like a Lambda container, the code
 * hook module (and its DynamoDB client, configured from AWS_ENDPOINT_URL) lives as long as the process, so
 * every stack a test file starts reuses the file's first port: a restarted stack is where the hook expects it.
 * DynamoDB is the test run's engine (dynalite, or DynamoDB Local in jest's dynamodb-local project).
 */
export async function startTestStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stack = await startLocalStack({
    port: portOfThisTestFile ?? 0,
    dynamoDbEngine: TEST_ENGINE,
    ...options,
  });
  portOfThisTestFile ??= stack.port;
  return stack;
}

export interface StackFixture {
  readonly stack: LocalStack;
  readonly client: LexRuntimeV2Client;
}

/** A stack and a Lex client for the enclosing describe block (or file), closed after its last test. */
export function useLocalStack(options: LocalStackOptions = {}): StackFixture {
  const fixture = {} as { stack: LocalStack; client: LexRuntimeV2Client };
  beforeAll(async () => {
    fixture.stack = await startTestStack(options);
    fixture.client = lexClient(fixture.stack);
  });
  afterAll(async () => {
    fixture.client.destroy();
    await fixture.stack.close();
  });
  return fixture;
}

export function lexClient(stack: LocalStack): LexRuntimeV2Client {
  return new LexRuntimeV2Client(localClientConfig(stack.endpoint));
}

/** What any SDK client needs to talk to a local endpoint: it, a region, and credentials nobody checks. */
export function localClientConfig(endpoint: string) {
  return toolClientConfig({ endpoint, service: 'LEX_RUNTIME_V2' });
}

/** A scripted conversation through the real SDK client (HTTP/2 cleartext). */
export class Conversation {
  constructor(
    private readonly client: LexRuntimeV2Client,
    readonly localeId: string,
    readonly sessionId: string,
    private readonly requestAttributes?: Record<string, string>,
    private readonly botAliasId: string = ALIAS_ID,
  ) {}

  say(text: string): Promise<RecognizeTextCommandOutput> {
    return this.client.send(
      new RecognizeTextCommand({
        botId: BOT_ID,
        botAliasId: this.botAliasId,
        localeId: this.localeId,
        sessionId: this.sessionId,
        text,
        ...(this.requestAttributes ? { requestAttributes: this.requestAttributes } : {}),
      }),
    );
  }
}

export function textOf(reply: { messages?: { content?: string }[] }): string {
  return (reply.messages ?? []).map((m) => m.content ?? '').join(' ');
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** HTTP/1.1, the way curl, boto3 and the AWS CLI talk to the endpoint. */
export function http1(
  stack: LocalStack,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${stack.endpoint}${path}`,
      { method, headers: { ...headers, connection: 'close' }, agent: false },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (data += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: data }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export function sessionPath(localeId: string, sessionId: string, botId = BOT_ID): string {
  return `/bots/${botId}/botAliases/${ALIAS_ID}/botLocales/${localeId}/sessions/${sessionId}`;
}
