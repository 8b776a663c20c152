import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by another Parley process (pid ${pid}). Stop it, or give this one its own ` +
        `--data-dir (or --in-memory).`,
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * dynalite's LevelDB allows one process per folder and, when a second one opens it, fails only later and
 * uncaught ("Database is closed"). A pid file turns that into a clear refusal at startup. A pid file left by a
 * process that no longer runs (a crash, kill -9) is taken over, and so is one whose pid now belongs to another
 * process: after a container restart the pids repeat, so the file also records when its process started.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'parley.pid');
  const self = [process.pid, processStart(process.pid)].filter((part) => part !== undefined).join(' ');
  for (;;) {
    try {
      await writeFile(file, self, { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = parseLock(await readFile(file, 'utf8').catch(() => ''));
      if (owner && owner.pid !== process.pid && stillRunning(owner)) {
        throw new DataDirInUseError(dataDir, owner.pid);
      }
      await rm(file, { force: true });
    }
  }
}

interface LockOwner {
  pid: number;
  /** Absent in files written where the start time is unknown (not Linux), or by older versions. */
  start?: string;
}

/** "<pid>" or "<pid> <start>"; anything else names no owner and is taken over. */
export function parseLock(content: string): LockOwner | undefined {
  const match = /^(\d{1,10})(?: (\d{1,20}))?\s*$/.exec(content);
  const pid = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return match[2] === undefined ? { pid } : { pid, start: match[2] };
}

function stillRunning(owner: LockOwner): boolean {
  if (!isProcessRunning(owner.pid)) return false;
  const start = processStart(owner.pid);
  return owner.start === undefined || start === undefined || start === owner.start;
}

/** Whether a process with this pid exists (one we may not signal, EPERM, exists too). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat); Linux only. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; fields 3 onwards follow the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
