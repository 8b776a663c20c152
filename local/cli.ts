import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DefinitionError } from '../bot-definitions/loader/load';
import { InvalidSlackConfigError } from '../channels/slack/config';
import { InvalidSlackSecretError } from '../channels/slack/secrets';
import { KnowledgeSourceError } from '../functions/knowledge/directory';
import { asrAvailability } from './asr';
import { runChat } from './chat';
import { AwsSetupError } from './aws-tool-config';
import { DataDirInUseError } from './data-dir-lock';
import { DynamoDbLocalUnavailableError } from './dynamodb/dynamodb-local-process';
import { parseDynamoDbEngine, UnknownDynamoDbEngineError } from './dynamodb/engines';
import { readyBanner } from './ready-banner';
import { startLocalStack } from './stack';
import { exitAfter, stopRequested } from './stop-on-signals';

/** The edge's drain and grace (6 s at most) and a margin, inside the 10 s `docker stop` waits before SIGKILL. */
const STOP_DEADLINE_MS = 8_000;

const USAGE = `Usage: npm start -- [options]

Starts Parley's offline stack: one endpoint serving the Lex V2 runtime emulator (running bot-definitions/
with the real code hook) and DynamoDB, then a chat in this terminal.

Options:
  --port <n>        port of the local endpoint (env PORT; default 4566; 0 picks a free one)
  --host <addr>     address to listen on (default 127.0.0.1)
  --data-dir <dir>  where DynamoDB tables and Lex sessions persist (env PARLEY_DATA_DIR; default .parley)
  --in-memory       keep nothing on disk
  --dynamodb <engine>
                    who answers DynamoDB: dynalite (default, needs nothing) or dynamodb-local (AWS's
                    DynamoDB Local: TTL, transactions; needs Java 17) (env PARLEY_DYNAMODB_ENGINE)
  --no-chat         only serve (the default when stdin is not a terminal)
  -h, --help        this text`;

async function main(): Promise<void> {
  // Versions are pinned by package-lock.json and Lambda runs nodejs22.x; the SDK's once-per-process Node 20
  // notice would otherwise land in the middle of the chat.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'in-memory': { type: 'boolean', default: false },
      dynamodb: { type: 'string' },
      'no-chat': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 4566);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0-65535, got ${values.port}`);
  const dataDir = values['in-memory']
    ? undefined
    : path.resolve(values['data-dir'] ?? process.env.PARLEY_DATA_DIR ?? '.parley');

  const dynamoDbEngine = values.dynamodb
    ? parseDynamoDbEngine(values.dynamodb, '--dynamodb')
    : parseDynamoDbEngine(process.env.PARLEY_DYNAMODB_ENGINE, 'PARLEY_DYNAMODB_ENGINE');

  const chat = !values['no-chat'] && process.stdin.isTTY;
  if (chat) {
    // The hook's per-invocation INFO lines and metric records would bury the conversation; the turn log
    // keeps the same facts.
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  }
  // Listening from here on: a stop asked for while the stack starts waits for it, then stops it cleanly.
  const stopSignal = stopRequested();
  const serviceLog = chat && dataDir ? fileLogger(path.join(dataDir, 'logs', 'local.log')) : undefined;
  const stack = await startLocalStack({
    port,
    host: values.host ?? '127.0.0.1',
    ...(dataDir ? { dataDir } : {}),
    dynamoDbEngine,
    followUpTexts: { pollMs: 1_000 },
    log: serviceLog ?? ((line) => console.error(line)),
  });
  let stopping: Promise<never> | undefined;
  const shutdown = () =>
    (stopping ??= exitAfter(() => stack.close(), {
      deadlineMs: STOP_DEADLINE_MS,
      log: (line) => console.error(line),
    }));
  void stopSignal.then((signal) => {
    console.error(`${signal}: stopping; requests in flight finish first.`);
    return shutdown();
  });

  for (const line of readyBanner({ stack, dataDir, chat, asr: asrAvailability() })) console.log(line);

  const bot = stack.bots[0];
  if (chat && bot) {
    await runChat({
      endpoint: stack.endpoint,
      botId: bot.name,
      botAliasId: 'TSTALIASID',
      locales: bot.locales,
      input: process.stdin,
      output: process.stdout,
    });
    await shutdown();
  }
}

class UsageError extends Error {}

function fileLogger(file: string): (line: string) => void {
  mkdirSync(path.dirname(file), { recursive: true });
  return (line) => appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    console.error(error.message);
  } else if (error instanceof AwsSetupError) {
    console.error(`Refusing to start: Bedrock is real (AWS_ENDPOINT_URL_BEDROCK_RUNTIME). ${error.message}`);
  } else if (error instanceof KnowledgeSourceError) {
    console.error(`Refusing to start: the knowledge documents have problems.\n${error.message}`);
  } else if (error instanceof InvalidSlackSecretError || error instanceof InvalidSlackConfigError) {
    console.error(
      `Refusing to start the Slack channel: ${error.message}. Unset SLACK_BOT_TOKEN to run without it.`,
    );
  } else if (error instanceof DefinitionError) {
    console.error(`Refusing to start: the bot definitions have problems.\n${error.message}`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port in use: ${(error as Error).message}. Pick another with --port <n> or PORT=<n>.`);
  } else if (error instanceof DynamoDbLocalUnavailableError) {
    console.error(`Refusing to start with --dynamodb=dynamodb-local: ${error.message}.`);
  } else if (error instanceof UsageError || error instanceof UnknownDynamoDbEngineError) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
