import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CodeHookHandler } from '../../../functions/lex-code-hook/handler';
import type { CodeHookDependencies } from '../../../functions/lex-code-hook/dependencies';
import { ensureTables } from '../../../local/dynamodb/seed';
import { pointSdkAt, startTestDynamoDb, type TestDynamoDb } from '../../local/dynamodb/harness';

/** Tuesday 2026-03-10, 11:00 in New York (15:00 UTC, daylight saving time). */
export const NOW = Date.parse('2026-03-10T15:00:00Z');
export const TIME_ZONE = 'America/New_York';

export interface HookFixture {
  db: TestDynamoDb;
  documents: DynamoDBDocumentClient;
  /** The module's own `handler`, wired from the environment like in Lambda. */
  handler: CodeHookHandler;
  /** The same wiring with the clock pinned at NOW. */
  pinnedHandler: CodeHookHandler;
  createHandler(overrides?: Partial<CodeHookDependencies>): CodeHookHandler;
  /** JSON log lines the code hook wrote since the fixture started or since the last `clearLogs()`. */
  logs(): Record<string, unknown>[];
  clearLogs(): void;
  stop(): Promise<void>;
}

/** Loads the code hook now, after the environment is set: its DynamoDB client is created at import. */
export function loadHandlerModule(): typeof import('../../../functions/lex-code-hook/handler') {
  return jest.requireActual('../../../functions/lex-code-hook/handler');
}

/**
 * The test engine's DynamoDB on a loopback port, seeded at NOW, and the code hook imported only after the environment points
 * its DynamoDB client there (the client is created at module scope, as in Lambda).
 */
export async function startHookFixture(): Promise<HookFixture> {
  const db = await startTestDynamoDb();
  pointSdkAt(db);
  process.env.STORE_TIME_ZONE = TIME_ZONE;
  // The clock is pinned months before the real one, which DynamoDB Local's TTL goes by.
  await ensureTables(db.client, { now: NOW, storeTimeZone: TIME_ZONE, timeToLive: false });

  // Powertools writes JSON lines straight to stdout (errors to stderr); keep them for assertions, out of the report.
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  const captured = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  const hook = loadHandlerModule();
  return {
    db,
    documents: DynamoDBDocumentClient.from(db.client),
    handler: hook.handler,
    pinnedHandler: hook.createHandler({ clock: () => NOW }),
    createHandler: (overrides = {}) => hook.createHandler({ clock: () => NOW, ...overrides }),
    logs: () =>
      lines
        .flatMap((chunk) => chunk.split('\n'))
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clearLogs: () => lines.splice(0),
    async stop() {
      for (const spy of captured) spy.mockRestore();
      await db.stop();
    },
  };
}
