import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { FAULTS_PATH } from '../../local/bedrock/routes';
import { isProcessRunning, parseLock } from '../../local/data-dir-lock';
import { ALIAS_ID, BOT_ID, localClientConfig } from '../support/local-stack';

const ROOT = path.resolve(__dirname, '..', '..');
/** Generous: a cold start on a busy 2-core machine; the point is that it ends, not how fast. */
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface RunningCli {
  dataDir: string;
  /** The `npm start` process, leader of its own process group. */
  npm: ChildProcess;
  endpoint: string;
  port: number;
  /** The process serving the port, as the data directory's pid file names it. */
  serverPid: number;
  exited: Promise<Exit>;
  output(): string;
}

const started: RunningCli[] = [];
const dirs: string[] = [];

afterEach(async () => {
  // A failed test must not leave a server behind: kill the whole group, then its server if it escaped.
  for (const cli of started.splice(0)) {
    if (cli.npm.exitCode === null && cli.npm.signalCode === null) signalGroup(cli.npm, 'SIGKILL');
    if (cli.serverPid > 0 && isProcessRunning(cli.serverPid)) process.kill(cli.serverPid, 'SIGKILL');
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * `npm start` exactly as a user or a supervisor runs it, serving only (stdin is not a terminal), on a new
 * data directory unless given one.
 */
async function startCli(dataDir?: string): Promise<RunningCli> {
  dataDir ??= await newDataDir();
  const env: NodeJS.ProcessEnv = { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' };
  for (const name of Object.keys(env)) if (name.startsWith('AWS_ENDPOINT_URL')) delete env[name];
  delete env.PORT;
  delete env.PARLEY_DATA_DIR;
  const npm = spawn('npm', ['start', '--', '--no-chat', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    npm.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const cli = { dataDir, npm, exited, output: () => output } as RunningCli;
  started.push(cli);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const ready = /Parley local stack ready: endpoint (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
    if (ready?.[1] && ready[2]) {
      cli.endpoint = ready[1];
      cli.port = Number(ready[2]);
      break;
    }
    if (npm.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not start:\n${output}`);
    await sleep(100);
  }
  const owner = parseLock(await readFile(path.join(dataDir, 'parley.pid'), 'utf8'));
  if (!owner) throw new Error(`npm start wrote no pid file in ${dataDir}`);
  cli.serverPid = owner.pid;
  return cli;
}

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-cli-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  // Never -0: that would be this test's own process group.
  if (child.pid !== undefined) process.kill(-child.pid, signal);
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function expectStoppedCleanly(cli: RunningCli): Promise<void> {
  const exit = await within(cli.exited, STOP_TIMEOUT_MS, 'stopping npm start');
  expect({ exit, output: cli.output() }).toMatchObject({ exit: { code: 0, signal: null } });
  // The server may outlive npm by the moment its exit takes; it must not linger.
  await within(
    (async () => {
      while (isProcessRunning(cli.serverPid)) await sleep(100);
    })(),
    STOP_TIMEOUT_MS,
    `the server process (pid ${cli.serverPid}) exiting`,
  );
  expect(existsSync(path.join(cli.dataDir, 'parley.pid'))).toBe(false);
  expect(await connectionRefused(cli.port)).toBe(true);
}

const ORDER = { TableName: 'parley-orders', Key: { orderNumber: { S: '99999' } } };

describe('npm start stops cleanly', () => {
  it(
    'on SIGTERM to the npm process (kill, systemd, docker stop): npm and the server exit, port and lock freed',
    async () => {
      const cli = await startCli();
      expect(cli.serverPid).not.toBe(cli.npm.pid);
      cli.npm.kill('SIGTERM');
      await expectStoppedCleanly(cli);
      expect(cli.output()).toContain('SIGTERM: stopping');
    },
    START_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS,
  );

  it(
    'on Ctrl-C (SIGINT to the whole process group), after answering the turn in flight',
    async () => {
      const cli = await startCli();
      // The model stand-in holds the turn's Converse call, so the turn is in flight when the signal comes.
      const armed = await fetch(`${cli.endpoint}${FAULTS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'timeout', delayMs: 2_000 }),
      });
      expect(armed.status).toBe(200);
      const lex = new LexRuntimeV2Client(localClientConfig(cli.endpoint));
      const turn = lex.send(
        new RecognizeTextCommand({
          botId: BOT_ID,
          botAliasId: ALIAS_ID,
          localeId: 'en_US',
          sessionId: 'in-flight-at-shutdown',
          text: 'is my dog welcome inside on a leash',
        }),
      );
      await within(
        (async () => {
          for (;;) {
            const state = (await (await fetch(`${cli.endpoint}${FAULTS_PATH}`)).json()) as {
              fault: { triggered: number } | null;
            };
            if ((state.fault?.triggered ?? 0) > 0) return;
            await sleep(50);
          }
        })(),
        STOP_TIMEOUT_MS,
        'the turn reaching the model',
      );
      signalGroup(cli.npm, 'SIGINT');
      const reply = await turn;
      lex.destroy();
      expect(reply.messages?.[0]?.content).toEqual(expect.any(String));
      expect(reply.sessionState?.intent?.name).toBe('FallbackIntent');
      await expectStoppedCleanly(cli);
    },
    START_TIMEOUT_MS + 3 * STOP_TIMEOUT_MS,
  );

  it(
    'after kill -9 of the server, the next start takes over the stale lock and has every accepted write',
    async () => {
      const first = await startCli();
      const dynamo = new DynamoDBClient(localClientConfig(first.endpoint));
      await dynamo.send(
        new PutItemCommand({ TableName: ORDER.TableName, Item: { ...ORDER.Key, status: { S: 'accepted' } } }),
      );
      dynamo.destroy();
      process.kill(first.serverPid, 'SIGKILL');
      await within(first.exited, STOP_TIMEOUT_MS, 'npm noticing its server was killed');
      expect(parseLock(await readFile(path.join(first.dataDir, 'parley.pid'), 'utf8'))?.pid).toBe(
        first.serverPid,
      );

      const second = await startCli(first.dataDir);
      expect(second.serverPid).not.toBe(first.serverPid);
      const reader = new DynamoDBClient(localClientConfig(second.endpoint));
      const { Item } = await reader.send(new GetItemCommand(ORDER));
      reader.destroy();
      expect(Item?.status).toEqual({ S: 'accepted' });
      second.npm.kill('SIGTERM');
      await expectStoppedCleanly(second);
    },
    2 * START_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS,
  );
});

/** npm start's command line, run as npm start runs it, for the answers it gives before serving. */
async function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

describe('npm start -- --dynamodb', () => {
  it('refuses an engine it does not know, naming the flag or variable and the choices', async () => {
    const flag = await start(['--dynamodb', 'dynamo', '--in-memory', '--no-chat']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('--dynamodb must be one of dynalite, dynamodb-local, got "dynamo"');
    expect(flag.stderr).toContain('Usage: npm start');
    const variable = await start(['--in-memory', '--no-chat'], { PARLEY_DYNAMODB_ENGINE: 'local' });
    expect(variable.stderr).toContain(
      'PARLEY_DYNAMODB_ENGINE must be one of dynalite, dynamodb-local, got "local"',
    );
  });

  it('says what to install when DynamoDB Local is asked for and there is no Java', async () => {
    const missingJava = path.join(ROOT, 'no-such-jdk');
    const { code, stderr } = await start(
      ['--dynamodb=dynamodb-local', '--in-memory', '--no-chat', '--port', '0'],
      {
        JAVA_HOME: missingJava,
      },
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Refusing to start with --dynamodb=dynamodb-local: DynamoDB Local needs Java, and ${path.join(missingJava, 'bin', 'java')} does not run: ` +
        'install a Java 17+ runtime (Debian: sudo apt-get install openjdk-17-jre-headless) or set JAVA_HOME, ' +
        'or use the default engine, dynalite (--dynamodb=dynalite).',
    );
  });
});
