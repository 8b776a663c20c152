import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { RequestListener, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { answerShuttingDown, type DynamoDbOptions, type DynamoDbService } from './service';

/**
 * DynamoDB for the local stack: dynalite, without a port of its own, its tables in `<dataDir>/dynamodb`.
 * dynalite builds an http.Server; its request listener is all the edge server needs.
 */
export async function startDynalite(options: DynamoDbOptions = {}): Promise<DynamoDbService> {
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
