import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DialogSession } from '../dialog/state';
import type { SessionKey } from './types';

/** Where Lex sessions live between turns. Lex keeps them server-side until the idle TTL runs out. */
export interface SessionStore {
  load(key: SessionKey): Promise<DialogSession | undefined>;
  save(key: SessionKey, session: DialogSession): Promise<void>;
  delete(key: SessionKey): Promise<boolean>;
}

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, string>();

  async load(key: SessionKey): Promise<DialogSession | undefined> {
    const stored = this.sessions.get(storageName(key));
    return stored === undefined ? undefined : (JSON.parse(stored) as DialogSession);
  }

  async save(key: SessionKey, session: DialogSession): Promise<void> {
    this.sessions.set(storageName(key), JSON.stringify(session));
  }

  async delete(key: SessionKey): Promise<boolean> {
    return this.sessions.delete(storageName(key));
  }
}

/**
 * One JSON file per session, replaced atomically (write then rename) after every turn, so a restart of the
 * local stack resumes a conversation mid-dialog and a crash never leaves half a session behind.
 */
export class FileSessionStore implements SessionStore {
  constructor(private readonly directory: string) {}

  async load(key: SessionKey): Promise<DialogSession | undefined> {
    try {
      return JSON.parse(await readFile(this.fileOf(key), 'utf8')) as DialogSession;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async save(key: SessionKey, session: DialogSession): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = this.fileOf(key);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(session));
    await rename(temporary, file);
  }

  async delete(key: SessionKey): Promise<boolean> {
    const file = this.fileOf(key);
    try {
      await rm(file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  private fileOf(key: SessionKey): string {
    return path.join(this.directory, `${storageName(key)}.json`);
  }
}

/** Session ids may hold `:` and `.`, so the file name is a digest of the full key, not the id itself. */
function storageName(key: SessionKey): string {
  return createHash('sha256')
    .update(JSON.stringify([key.botId, key.botAliasId, key.localeId, key.sessionId]))
    .digest('hex')
    .slice(0, 40);
}
