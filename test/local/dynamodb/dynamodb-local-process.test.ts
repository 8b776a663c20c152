import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocalProcess } from '../../../local/dynamodb/dynamodb-local-process';
import { TEST_CREDENTIALS } from './harness';
import { isProcessRunning } from '../../../local/data-dir-lock';

/**
 * DynamoDB Local is a JVM beside Node: these tests hold that it never outlives the process that started it,
 * however that process ends. Only in jest's dynamodb-local project, which runs where Java 17 is installed.
 */
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Processes whose command line runs DynamoDB Local on this port (the JVM and its watchdog shell). */
function processesOnPort(port: number): number[] {
  const found = spawnSync('pgrep', ['-f', `DynamoDBLocal.jar -port ${port} `], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean).map(Number);
}

function children(pid: number): number[] {
  const found = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean).map(Number);
}

/** Polls until `done()` holds: process exits are asynchronous. Bounded, never a timing assertion. */
async function eventually(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Node with tsx's CommonJS hook, running TypeScript from the repository as npm start does. */
function node(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--require', 'tsx/cjs', ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
  });
}

async function firstLineMatching(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  for await (const line of createInterface({ input: child.stdout })) {
    if (pattern.test(line)) return line;
  }
  throw new Error(`no line matched ${pattern}; stderr: ${errors.join('')}`);
}

describe('startDynamoDbLocalProcess', () => {
  it('answers DynamoDB on a loopback port and leaves no process behind after stop()', async () => {
    const jvm = await startDynamoDbLocalProcess();
    const client = new DynamoDBClient({
      endpoint: jvm.endpoint,
      region: 'us-east-1',
      credentials: TEST_CREDENTIALS,
    });
    try {
      expect(jvm.endpoint).toBe(`http://127.0.0.1:${jvm.port}`);
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      expect(processesOnPort(jvm.port).length).toBeGreaterThan(0);
    } finally {
      client.destroy();
      await jvm.stop();
    }
    expect(processesOnPort(jvm.port)).toEqual([]);
    await jvm.stop();
  });

  it('stops Java when the Node process that started it is killed outright', async () => {
    const starter = node([
      '-e',
      "require('./local/dynamodb/dynamodb-local-process').startDynamoDbLocalProcess()" +
        '.then((jvm) => { console.log(`port ${jvm.port}`); setInterval(() => undefined, 1000); });',
    ]);
    const port = Number((await firstLineMatching(starter, /^port \d+$/)).slice('port '.length));
    expect(processesOnPort(port).length).toBeGreaterThan(0);
    starter.kill('SIGKILL');
    await eventually(() => processesOnPort(port).length === 0, `DynamoDB Local on port ${port} to stop`);
  });
});

describe('npm start -- --dynamodb=dynamodb-local', () => {
  it('serves the stack from DynamoDB Local (or PARLEY_DYNAMODB_ENGINE) and stops its JVM on SIGTERM', async () => {
    const stack = node(['local/cli.ts', '--in-memory', '--no-chat', '--port', '0'], {
      PARLEY_DYNAMODB_ENGINE: 'dynamodb-local',
    });
    const exited = new Promise<number | null>((resolve) => stack.once('exit', (code) => resolve(code)));
    const ready = await firstLineMatching(stack, /Parley local stack ready/);
    expect(ready).toContain('| dynamodb dynamodb-local |');
    const watchdogs = children(stack.pid ?? -1).filter((pid) => children(pid).length > 0);
    const jvms = watchdogs.flatMap(children);
    expect(jvms.length).toBeGreaterThan(0);
    stack.kill('SIGTERM');
    expect(await exited).toBe(0);
    await eventually(() => [...watchdogs, ...jvms].every((pid) => !isProcessRunning(pid)), 'the JVM to exit');
  });
});
