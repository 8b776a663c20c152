import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { DataDirInUseError, lockDataDir, parseLock, processStart } from '../../local/data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  const pidFile = () => path.join(dir, 'parley.pid');
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'parley-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes our pid and start time and removes them on release', async () => {
    const release = await lockDataDir(dir);
    expect(parseLock(await readFile(pidFile(), 'utf8'))).toEqual({
      pid: process.pid,
      start: processStart(process.pid),
    });
    await release();
    await expect(readFile(pidFile(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a folder held by another running process, naming it', async () => {
    const holder = [process.ppid, processStart(process.ppid)].filter((part) => part !== undefined).join(' ');
    for (const content of [String(process.ppid), holder]) {
      await writeFile(pidFile(), content);
      await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(lockDataDir(dir)).rejects.toThrow(`pid ${process.ppid}`);
    }
  });

  it('takes over a pid file whose process is gone (a crash, kill -9), or that names none', async () => {
    for (const content of ['999999999', '999999999 12345', '', 'garbage', '-1', '0']) {
      await writeFile(pidFile(), content);
      const release = await lockDataDir(dir);
      expect(parseLock(await readFile(pidFile(), 'utf8'))?.pid).toBe(process.pid);
      await release();
    }
  });

  // Where the system says when a process started (Linux's /proc); elsewhere a reused pid still holds the lock.
  (processStart(process.pid) === undefined ? it.skip : it)(
    'takes over a pid file whose pid now belongs to a process that started later (pids repeat after a restart)',
    async () => {
      await writeFile(pidFile(), `${process.ppid} 1`);
      const release = await lockDataDir(dir);
      expect(parseLock(await readFile(pidFile(), 'utf8'))?.pid).toBe(process.pid);
      await release();
    },
  );
});

describe('parseLock', () => {
  it('reads back what a lock writes, with or without the start time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.option(fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String)),
        (pid, start) => {
          const content = start === null ? String(pid) : `${pid} ${start}`;
          expect(parseLock(content)).toEqual(start === null ? { pid } : { pid, start });
          expect(parseLock(`${content}\n`)).toEqual(parseLock(content));
        },
      ),
    );
  });

  it('names no owner for anything else, and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (content) => {
        const owner = parseLock(content);
        if (owner) expect(Number.isSafeInteger(owner.pid) && owner.pid > 0).toBe(true);
      }),
    );
    for (const content of ['', ' 12', '12 ', 'x12', '12 x', '0', '-5', '1.5', '12 34 56']) {
      expect(parseLock(content)).toEqual(content === '12 ' ? { pid: 12 } : undefined);
    }
  });
});
