import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';

export interface DynamoDbService {
  /** Serves one DynamoDB JSON API request (HTTP/1.1 objects), as routed by the edge server. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Finishes pending writes and releases the LevelDB lock, so the same data directory can be opened again. */
  close(): Promise<void>;
}

export interface DynamoDbOptions {
  /** Keeps tables in `<dataDir>/dynamodb` across restarts; in memory when absent. */
  dataDir?: string;
}

/**
 * DynamoDB for the local stack: dynalite, without a port of its own. dynalite builds an http.Server; its
 * request listener is all the edge server needs.
 */
export async function startDynamoDb(options: DynamoDbOptions = {}): Promise<DynamoDbService> {
  const storePath = options.dataDir === undefined ? undefined : join(options.dataDir, 'dynamodb');
  // LevelDB creates its own directory but not missing parents.
  if (storePath) await mkdir(storePath, { recursive: true });
  const server = dynalite({
    ...(storePath ? { path: storePath } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const [listener] = server.listeners('request') as RequestListener[];
  if (!listener) throw new Error('dynalite returned a server without a request listener');

  let closing: Promise<void> | undefined;
  return {
    handle(req, res) {
      if (closing) answerShuttingDown(res);
      else listener.call(server, req, res);
    },
    close() {
      closing ??= closeStore(server);
      return closing;
    },
  };
}

/**
 * dynalite closes its LevelDB store only from server.close(), and Node refuses to close a server that never
 * listened, which would skip the store and keep its lock. So the server listens for a moment on a private
 * socket (no TCP port), then closes the normal way.
 */
async function closeStore(server: Server): Promise<void> {
  const socketDir = await mkdtemp(join(tmpdir(), 'parley-dynalite-'));
  const socketPath =
    process.platform === 'win32'
      ? `\\\\.\\pipe\\parley-dynalite-${randomUUID()}`
      : join(socketDir, 'close.sock');
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  } finally {
    await rm(socketDir, { recursive: true, force: true });
  }
}

/** Requests racing a shutdown get DynamoDB's own "try again" answer, which the SDK knows to retry. */
function answerShuttingDown(res: ServerResponse): void {
  const body = JSON.stringify({
    __type: 'com.amazon.coral.availability#ServiceUnavailableException',
    message: 'The local DynamoDB service is shutting down',
  });
  res.writeHead(503, {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
