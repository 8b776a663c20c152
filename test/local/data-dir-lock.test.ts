import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError, lockDataDir } from '../../local/data-dir-lock';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'parley-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes our pid and removes it on release', async () => {
    const release = await lockDataDir(dir);
    expect(await readFile(path.join(dir, 'parley.pid'), 'utf8')).toBe(String(process.pid));
    await release();
    await expect(readFile(path.join(dir, 'parley.pid'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a folder held by another running process, naming it', async () => {
    await writeFile(path.join(dir, 'parley.pid'), String(process.ppid));
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(lockDataDir(dir)).rejects.toThrow(`pid ${process.ppid}`);
  });

  it('takes over a pid file whose process is gone', async () => {
    await writeFile(path.join(dir, 'parley.pid'), '999999999');
    const release = await lockDataDir(dir);
    expect(await readFile(path.join(dir, 'parley.pid'), 'utf8')).toBe(String(process.pid));
    await release();
  });
});
