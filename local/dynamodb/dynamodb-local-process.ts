import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { dynamoDbLocalAvailability, type DynamoDbLocalInstall } from './dynamodb-local-install';
import { freePort } from '../free-port';

export class DynamoDbLocalUnavailableError extends Error {
  override readonly name = 'DynamoDbLocalUnavailableError';
}

export interface DynamoDbLocalProcessOptions {
  /** Keeps the tables in this folder (one SQLite file); in memory when absent. */
  dbPath?: string;
  /**
   * One database for every caller. Without it DynamoDB Local keeps a separate database per access key id and
   * region, which the tests use to give each test its own tables on one JVM.
   */
  sharedDb?: boolean;
}

export interface DynamoDbLocalProcess {
  endpoint: string;
  port: number;
  /** Stops the JVM and resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * Java gets no signal when Node dies, so it runs under a small shell that holds the other end of a pipe from
 * this process: when the pipe closes (stop(), or Node exiting however it exits) the shell stops Java. The
 * watcher reads a copy of stdin (fd 3), because a background job's own stdin is /dev/null.
 */
const WATCHDOG = [
  'exec 3<&0',
  '"$@" </dev/null &',
  'java=$!',
  '( cat <&3 >/dev/null; kill "$java" 2>/dev/null ) &',
  'exec 3<&-',
  'wait "$java"',
].join('\n');

/** Generous: a busy 2-core machine takes seconds to start a JVM. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const OUTPUT_LINES_KEPT = 20;

/** Starts AWS's DynamoDB Local on a free loopback port and resolves once it accepts connections. */
export async function startDynamoDbLocalProcess(
  options: DynamoDbLocalProcessOptions = {},
): Promise<DynamoDbLocalProcess> {
  const install = installOrThrow();
  if (options.dbPath) await mkdir(options.dbPath, { recursive: true });
  // A port picked free can be taken before Java binds it; another try gets another port.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const started = await launch(install, port, options);
    if (started.ok) return started.process;
    if (!started.portTaken || attempt === 3) throw new Error(started.message);
  }
}

function installOrThrow(): DynamoDbLocalInstall {
  const availability = dynamoDbLocalAvailability();
  if (!availability.available) throw new DynamoDbLocalUnavailableError(availability.reason);
  return availability.install;
}

type Launch =
  { ok: true; process: DynamoDbLocalProcess } | { ok: false; portTaken: boolean; message: string };

async function launch(
  install: DynamoDbLocalInstall,
  port: number,
  options: DynamoDbLocalProcessOptions,
): Promise<Launch> {
  const args = [
    // Start-up over peak speed: the C1 compiler alone and the serial collector listen in about a third of
    // the default's time on a 2-core machine, and a local table never needs the optimising compiler.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${install.libDir}`,
    '-jar',
    install.jar,
    '-port',
    String(port),
    // It would otherwise send usage data to AWS; the local stack talks to nothing but loopback.
    '-disableTelemetry',
    ...(options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']),
    ...(options.sharedDb ? ['-sharedDb'] : []),
  ];
  // Its own process group, so a JVM that ignores the pipe can still be killed with the shell.
  const child = spawn('sh', ['-c', WATCHDOG, 'sh', install.java, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const output = keepLastLines(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A JVM nobody stopped must not keep Node alive: Node exits, the pipe closes, and the watchdog stops Java.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as net.Socket).unref();

  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const listening = await waitForPort(port, START_TIMEOUT_MS, () => hasExited);
  const outcome = listening ? 'ready' : hasExited ? 'exited' : 'timeout';
  if (outcome === 'ready') {
    return {
      ok: true,
      process: {
        endpoint: `http://127.0.0.1:${port}`,
        port,
        stop: () => stopProcess(child, exited),
      },
    };
  }
  await stopProcess(child, exited);
  const text = output();
  const what =
    outcome === 'timeout' ? `did not listen on port ${port} within ${START_TIMEOUT_MS} ms` : 'exited';
  return {
    ok: false,
    portTaken: /address already in use|BindException/i.test(text),
    message: `DynamoDB Local (${install.jar}) ${what}: ${text || 'no output'}`,
  };
}

async function stopProcess(
  child: ChildProcessByStdio<Writable, Readable, Readable>,
  exited: Promise<number | null>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    child.stdin.destroy();
    return;
  }
  child.stdin.end();
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STOP_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (!stopped && child.pid !== undefined) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

function keepLastLines(child: ChildProcessByStdio<Writable, Readable, Readable>): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return () => lines.join('\n');
}

/** True once something accepts TCP connections on the port (Jetty listens only when DynamoDB Local is ready). */
async function waitForPort(port: number, timeoutMs: number, gaveUp: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await connects(port))) {
    if (gaveUp() || Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
