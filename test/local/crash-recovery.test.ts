/**
 * Durability: `npm start`'s process killed with SIGKILL in the middle of a conversation, then started again on
 * the same data dir, still has the conversation's memory, the dialog's place, the booked callback and the
 * orders. The real CLI runs as a child process, so nothing in this process can flush for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { isProcessRunning, parseLock } from '../../local/data-dir-lock';
import { Conversation, localClientConfig, textOf } from '../support/local-stack';

const ROOT = path.join(__dirname, '../..');
const READY = /Parley local stack ready: endpoint (http:\/\/\S+)/;
const START_TIMEOUT_MS = 90_000;

interface RunningCli {
  child: ChildProcess;
  endpoint: string;
  output: () => string;
}

/** What `npm start -- --no-chat` runs, on a data dir and a free port, resolved once it prints its ready line. */
function startCli(dataDir: string): Promise<RunningCli> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(AWS_ENDPOINT_URL|SLACK_|KNOWLEDGE_INDEX_PATH)/.test(name),
    ),
  );
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'local/cli.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-chat',
    ],
    {
      cwd: ROOT,
      env: { ...env, POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The CLI did not get ready in ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = READY.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ child, endpoint: ready[1], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The CLI exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** SIGKILL to the process that holds the data dir (its pid file says which), and to the child; waits for both. */
async function killHard(cli: RunningCli, dataDir: string): Promise<void> {
  const holder = parseLock(await readFile(path.join(dataDir, 'parley.pid'), 'utf8').catch(() => ''))?.pid;
  const exited =
    cli.child.exitCode !== null || cli.child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => cli.child.once('exit', () => resolve()));
  cli.child.kill('SIGKILL');
  if (holder !== undefined && holder !== process.pid) {
    try {
      process.kill(holder, 'SIGKILL');
    } catch {
      // Already gone.
    }
    while (isProcessRunning(holder)) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await exited;
}

describe('the local stack killed with SIGKILL mid-conversation', () => {
  let dataDir: string;
  const running: RunningCli[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-crash-'));
  });

  afterAll(async () => {
    for (const cli of running) await killHard(cli, dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'comes back on the same data dir with the history, the dialog, the callback and the orders intact',
    async () => {
      const sessionId = 'crash-recovery-1';
      const first = await startCli(dataDir);
      running.push(first);
      const lex1 = new LexRuntimeV2Client(localClientConfig(first.endpoint));
      const before = new Conversation(lex1, 'en_US', sessionId);
      expect(textOf(await before.say('do you ship to Canada?'))).toMatch(/Canada/);
      await before.say('please call me back');
      await before.say('next wednesday');
      await before.say('at 3 pm');
      await before.say('5552014477');
      const booked = await before.say('yes');
      expect(booked.sessionState?.intent).toMatchObject({ name: 'BookCallback', state: 'Fulfilled' });
      // Mid-dialog when the process dies: the order number has been asked for, not yet given.
      const asked = await before.say('where is my order');
      expect(asked.sessionState?.dialogAction).toMatchObject({
        type: 'ElicitSlot',
        slotToElicit: 'OrderNumber',
      });
      lex1.destroy();
      await killHard(first, dataDir);

      const second = await startCli(dataDir);
      running.push(second);
      const lex2 = new LexRuntimeV2Client(localClientConfig(second.endpoint));
      const documents = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(second.endpoint)));
      try {
        const resumed = await new Conversation(lex2, 'en_US', sessionId).say('10001');
        expect(resumed.sessionState?.intent).toMatchObject({ name: 'CheckOrderStatus', state: 'Fulfilled' });
        expect(textOf(resumed)).toMatch(/10001/);

        const memory = await documents.send(
          new QueryCommand({
            TableName: 'parley-conversations',
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `S#${sessionId}` },
          }),
        );
        expect(memory.Items?.map((item) => item.user)).toContain('do you ship to Canada?');

        const callbacks = await documents.send(new ScanCommand({ TableName: 'parley-callbacks' }));
        expect(callbacks.Items?.filter((item) => item.sessionId === sessionId)).toEqual([
          expect.objectContaining({ phoneNumber: expect.stringContaining('5552014477'), time: '15:00' }),
        ]);

        const order = await documents.send(
          new GetCommand({ TableName: 'parley-orders', Key: { orderNumber: '10001' } }),
        );
        expect(order.Item).toMatchObject({ orderNumber: '10001' });
      } finally {
        documents.destroy();
        lex2.destroy();
      }
    },
    4 * START_TIMEOUT_MS,
  );
});
