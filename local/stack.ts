import path from 'node:path';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PollyClient } from '@aws-sdk/client-polly';
import { loadBots, type LoadedBot } from '../bot-definitions/loader/load';
import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { buildKnowledgeIndexFromDirectory, DEFAULT_KNOWLEDGE_DIR } from '../functions/knowledge/directory';
import { PocketsphinxRecognizer } from './asr';
import { isLocalEndpoint, requireAwsSetup } from './aws-tool-config';
import { createBedrockHttpService, createEngineFromEnvironment, FaultInjector } from './bedrock';
import { lockDataDir } from './data-dir-lock';
import { DEFAULT_DYNAMODB_ENGINE, startDynamoDbEngine, type DynamoDbEngine } from './dynamodb/engines';
import { dynamoDbEdgeService } from './dynamodb/edge-service';
import { ensureTables } from './dynamodb/seed';
import { startEdge, type Edge } from './edge/server';
import { LocalFunctions } from './lambda/functions';
import { createLambdaHttpService } from './lambda/service';
import { startPendingItemsStream } from './lambda/table-stream';
import type { EdgeService } from './edge/service';
import { loadConfig } from '../functions/lex-code-hook/config';
import { TABLE_CONTRACTS } from '../functions/tables';
import type { LambdaHandler } from './lambda/invoke';
import type { CodeHookBinding } from './lex/dialog/hook-exchange';
import { createLexHttpService } from './lex/http';
import type { SpeechTimings } from './lex/http/speech';
import { BotRegistry } from './lex/runtime/bot-registry';
import { LocalLexRuntime } from './lex/runtime/local-lex-runtime';
import { FileSessionStore, MemorySessionStore } from './lex/runtime/session-store';
import { createConsoleService } from './console/service';
import { RecentTurns } from './console/recent-turns';
import { fileTurnLogger, type TurnLogger } from './lex/runtime/turn-log';
import { pollyMessageSpeaker } from './lex/voice/polly-speaker';
import { createPollyHttpService, type SpeechCacheStats } from './polly';
import { createLocalSecretsManager } from './secrets-manager/service';
import { createLocalSms, type SentText } from './sms/service';
import { deploySlackChannel, type SlackChannelStatus } from './slack';
import { EspeakSynthesizer } from './speech/espeak';

export interface LocalStackOptions {
  port?: number;
  host?: string;
  /** Persist DynamoDB and Lex sessions here; `undefined` keeps everything in memory (tests). */
  dataDir?: string;
  /** Who answers DynamoDB: dynalite (the default) or AWS's DynamoDB Local (needs Java 17). */
  dynamoDbEngine?: DynamoDbEngine;
  botDefinitionsDir?: string;
  /** FAQ documents to index; the repository's knowledge/ folder by default. */
  knowledgeDir?: string;
  now?: () => Date;
  codeHook?: (bot: LoadedBot) => CodeHookBinding | undefined;
  turnLog?: TurnLogger;
  /** Told how long each RecognizeUtterance spent recognising and speaking (benchmarks). */
  speechTimings?: (timings: SpeechTimings) => void;
  /**
   * Feed new "text me the details" requests to the follow-up texts sender, as the table's stream does in a
   * deployment, looking every `pollMs`. Off unless asked (`npm start` asks): tests that inspect a pending
   * request must not race the sender.
   */
  followUpTexts?: { pollMs: number };
  /** Waits before the retries of a failed asynchronous Lambda invocation (Lambda's are minutes). */
  lambdaRetryDelaysMs?: readonly number[];
  log?: (line: string) => void;
}

export interface LocalStack {
  endpoint: string;
  port: number;
  dynamoDbEngine: DynamoDbEngine;
  bots: ReturnType<BotRegistry['bots']>;
  turnLogFile?: string;
  knowledgeIndexFile: string;
  /** Who answers Converse calls: the local engine's id, or the real Bedrock endpoint configured. */
  modelEngine: string;
  /** Switches for the local Converse endpoint's injected failures. */
  bedrockFaults: FaultInjector;
  /** Hits and misses of the local Polly's cache of spoken prompts. */
  pollyCacheStats(): SpeechCacheStats;
  /** Whether the Slack channel is served, and how (one line for the ready message). */
  slack: SlackChannelStatus;
  /** Resolves when every queued asynchronous Lambda invocation (Slack work) has finished. */
  lambdaIdle(): Promise<void>;
  /** The SMS messages the local End User Messaging SMS stand-in accepted, oldest first. */
  sentTexts(): readonly SentText[];
  close(): Promise<void>;
}

/**
 * The offline AWS the bot talks to: one edge port with DynamoDB (dynalite or DynamoDB Local) and the Lex V2 runtime emulator,
 * which runs the bot definitions and calls the real code hook in this process. The code hook and every SDK
 * client in the process reach the stack only through the standard endpoint environment variables.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const bots = await loadBots(options.botDefinitionsDir);
  const unlock = options.dataDir ? await lockDataDir(options.dataDir) : async () => undefined;
  const services: EdgeService[] = [];
  const edge = await startEdge({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    services,
    ...(options.log ? { log: options.log } : {}),
  }).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  // Shutdown order: first what produces requests (Slack, the follow-up stream, queued Lambda work), then the
  // edge, which lets in-flight requests finish, then what those requests use (DynamoDB is flushed there).
  const producers: (() => Promise<void>)[] = [];
  const backends: (() => Promise<void>)[] = [];
  const cleanups = () => [...producers, () => edge.close(), ...backends, unlock];
  try {
    pointAwsSdkAt(edge);
    await requireBedrockCredentials(edge);
    const dynamoDbEngine = options.dynamoDbEngine ?? DEFAULT_DYNAMODB_ENGINE;
    const dynamo = await startDynamoDbEngine(
      dynamoDbEngine,
      options.dataDir ? { dataDir: options.dataDir } : {},
    );
    backends.unshift(() => dynamo.close());
    services.push(dynamoDbEdgeService(dynamo));
    const dynamoClient = new DynamoDBClient({});
    await ensureTables(dynamoClient);
    dynamoClient.destroy();

    const knowledgeIndexFile = await writeKnowledgeIndex(options);
    const bedrockFaults = new FaultInjector();
    const engine = createEngineFromEnvironment(process.env);
    services.push(
      createBedrockHttpService({
        engine,
        faults: bedrockFaults,
        ...(options.log ? { log: options.log } : {}),
      }),
    );

    const speech = new EspeakSynthesizer();
    backends.unshift(() => speech.close());
    const polly = createPollyHttpService({
      synthesizer: speech,
      ...(options.log ? { log: options.log } : {}),
    });
    services.push(polly);

    tellCodeHookItsAliases(bots);
    const registry = new BotRegistry(bots, {
      now: options.now ?? (() => new Date()),
      ...(options.codeHook ? { codeHook: options.codeHook } : {}),
    });
    const turnLogFile = options.dataDir ? path.join(options.dataDir, 'logs', 'turns.jsonl') : undefined;
    const recordTurn = options.turnLog ?? (turnLogFile ? fileTurnLogger(turnLogFile) : undefined);
    // A failed turn (a hook that threw, timed out or answered out of contract) is worth a line on the console too.
    const recentTurns = new RecentTurns();
    const turnLog: TurnLogger = (entry) => {
      recordTurn?.(entry);
      recentTurns.record(entry);
      if (entry.error)
        options.log?.(`turn failed (${entry.localeId}, session ${entry.sessionId}): ${entry.error}`);
    };
    const runtime = new LocalLexRuntime({
      registry,
      store: options.dataDir
        ? new FileSessionStore(path.join(options.dataDir, 'lex-sessions'))
        : new MemorySessionStore(),
      ...(options.now ? { now: epochMillis(options.now) } : {}),
      turnLog,
      onHookCalls: recentTurns.recordHookCalls,
    });
    const recognizer = new PocketsphinxRecognizer({
      bots,
      knowledgeDir: options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR,
    });
    backends.unshift(() => recognizer.close());
    const functions = new LocalFunctions();
    const lambda = createLambdaHttpService({
      functions,
      ...(options.lambdaRetryDelaysMs ? { retryDelaysMs: options.lambdaRetryDelaysMs } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    services.push(lambda);
    // Queued Slack work finishes before the services it needs go away.
    producers.unshift(() => lambda.drain());
    services.push(
      createLexHttpService(runtime, {
        ...(options.log ? { log: options.log } : {}),
        // Lex speaks its answers through Polly; here that is the local Polly on this same port.
        speech: {
          recognizer,
          speaker: pollyMessageSpeaker(new PollyClient({ endpoint: edge.url })),
          ...(options.speechTimings ? { onTimings: options.speechTimings } : {}),
        },
      }),
    );
    const bot = registry.bots().find((candidate) => candidate.staffAlias);
    // "Text me the details": the deployed sender, fed by a stand-in for the follow-ups table's stream.
    functions.deploy({
      name: 'parley-follow-up-texts',
      timeoutMs: 30_000,
      handler: (event, context) =>
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('../functions/follow-ups/handler') as { handler: LambdaHandler }).handler(event, context),
    });
    if (options.followUpTexts) {
      const followUpStream = startPendingItemsStream({
        endpoint: edge.url,
        tableName: loadConfig(process.env).tableNames.followups,
        pending: { attribute: 'status', value: 'pending' },
        keyAttribute: TABLE_CONTRACTS.followups.partitionKey,
        functionName: 'parley-follow-up-texts',
        functions,
        intervalMs: options.followUpTexts.pollMs,
        log: options.log ?? (() => undefined),
      });
      producers.unshift(() => followUpStream.close());
    }
    const secrets = createLocalSecretsManager();
    const sms = createLocalSms(options.log);
    services.push(secrets, sms);
    const slack = await deploySlackChannel({
      functions,
      secrets,
      services,
      endpoint: edge.url,
      lex: { botId: bot?.name ?? '', staffAliasId: bot?.staffAlias?.id ?? '' },
      log: options.log ?? (() => undefined),
    });
    if (slack.enabled) producers.unshift(() => slack.close());
    const modelEngineName = (localId: string) =>
      process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME === edge.url
        ? localId
        : `Bedrock at ${process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME}`;
    services.push(
      createConsoleService({
        endpoint: edge.url,
        bots: registry.bots(),
        knowledgeIndexFile,
        recentTurns,
        modelEngine: modelEngineName(engine.id),
      }),
    );
    let closing: Promise<void> | undefined;
    return {
      endpoint: edge.url,
      port: edge.port,
      dynamoDbEngine,
      bots: registry.bots(),
      ...(turnLogFile ? { turnLogFile } : {}),
      knowledgeIndexFile,
      modelEngine: modelEngineName(engine.id),
      bedrockFaults,
      pollyCacheStats: () => polly.stats(),
      slack,
      lambdaIdle: () => lambda.drain(),
      sentTexts: () => sms.sent(),
      close: () =>
        (closing ??= (async () => {
          for (const cleanup of cleanups()) await cleanup();
        })()),
    };
  } catch (error) {
    for (const cleanup of cleanups()) await cleanup().catch(() => undefined);
    throw error;
  }
}

/**
 * Same code, two worlds: the SDK reads these standard variables, so the handler needs no local branch.
 * Dummy credentials only when none are configured and nothing leaves this machine (the local services accept
 * any signature); real Bedrock gets the credentials the SDK finds, a profile in ~/.aws included.
 */
function pointAwsSdkAt(edge: Edge): void {
  process.env.AWS_ENDPOINT_URL = edge.url;
  // A per-service variable left in the shell would win over AWS_ENDPOINT_URL and send the hook elsewhere.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = edge.url;
  process.env.AWS_ENDPOINT_URL_LEX_RUNTIME_V2 = edge.url;
  process.env.AWS_ENDPOINT_URL_POLLY = edge.url;
  process.env.AWS_ENDPOINT_URL_LAMBDA = edge.url;
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = edge.url;
  process.env.AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 = edge.url;
  // Left alone when set: "everything local but real Bedrock" is a supported way to try a real model.
  process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME ??= edge.url;
  process.env.AWS_REGION ??= 'us-east-1';
  if (bedrockIsLocal(edge) && !process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
    process.env.AWS_ACCESS_KEY_ID = 'local';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
  }
}

/** This edge (whatever address it listens on) or another service on this machine. */
function bedrockIsLocal(edge: Edge): boolean {
  const endpoint = process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME ?? edge.url;
  return endpoint === edge.url || isLocalEndpoint(endpoint);
}

/** "Real Bedrock, everything else local" fails at start, saying what to set, rather than at every answer. */
async function requireBedrockCredentials(edge: Edge): Promise<void> {
  if (bedrockIsLocal(edge)) return;
  const bedrock = new BedrockRuntimeClient({});
  try {
    await requireAwsSetup(bedrock, 'unset AWS_ENDPOINT_URL_BEDROCK_RUNTIME');
  } finally {
    bedrock.destroy();
  }
}

/**
 * The hook learns which alias is for staff from its environment, as the deployed Lambda does from the
 * stack that creates both; set before the registry loads the hook module, which reads it once.
 */
function tellCodeHookItsAliases(bots: readonly LoadedBot[]): void {
  const staffAlias = bots.find((bot) => bot.local.StaffAlias)?.local.StaffAlias;
  if (staffAlias) process.env.STAFF_BOT_ALIAS_NAME ??= staffAlias.BotAliasName;
}

function epochMillis(now: () => Date): () => number {
  return () => now().getTime();
}

/**
 * The index is built from knowledge/ at every start, so an edited FAQ is live after a restart, exactly as a
 * deployment rebuilds it; the code hook finds it through KNOWLEDGE_INDEX_PATH like the packaged Lambda does.
 * Without a data dir the file is one per process, not per stack: the hook module (like a warm Lambda
 * container) keeps the path it was first given, so it must outlive a restarted stack.
 */
async function writeKnowledgeIndex(options: LocalStackOptions): Promise<string> {
  const index = await buildKnowledgeIndexFromDirectory(options.knowledgeDir);
  const file = options.dataDir
    ? path.join(options.dataDir, 'knowledge-index.json')
    : path.join(os.tmpdir(), `parley-knowledge-index-${process.pid}.json`);
  if (!options.dataDir && !temporaryIndexFiles.has(file)) {
    temporaryIndexFiles.add(file);
    process.once('exit', () => rmSync(file, { force: true }));
  }
  await writeFile(file, JSON.stringify(index));
  process.env.KNOWLEDGE_INDEX_PATH = file;
  return file;
}

const temporaryIndexFiles = new Set<string>();
