/**
 * Issue #27, class 7: two builds in one folder cannot collide. The lock (scripts/build-lock.ts) is taken
 * exclusively, names the build holding it, and a lock whose build has gone is recovered.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../scripts/build-lock.ts';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 'wcsn-lock-')), '.dist-build-dist.lock');

describe('the build lock', () => {
  it('is taken once; a second build is refused with the holder named; released, it can be taken again', () => {
    const path = lockPath();
    const first = acquireLock(path, 'scripts/build.ts');
    expect(first.ok).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'scripts/build.ts' });
    const second = acquireLock(path);
    expect(second).toEqual({
      ok: false,
      message: expect.stringMatching(
        new RegExp(
          `^Another build is running in this folder: process ${process.pid}, started \\S+ \\(scripts/build\\.ts\\)\\. Wait for it to finish, or stop it \\(kill ${process.pid}\\)\\. Nothing was changed\\.`,
        ),
      ),
    });
    if (first.ok) first.release();
    expect(existsSync(path)).toBe(false);
    const third = acquireLock(path);
    expect(third.ok).toBe(true);
    if (third.ok) third.release();
  });

  it('recovers a lock left by a build that is no longer running', async () => {
    const path = lockPath();
    const gone = spawn(process.execPath, ['-e', '0']);
    const pid = gone.pid!;
    await new Promise((done) => gone.on('exit', done));
    writeFileSync(
      path,
      JSON.stringify({
        pid,
        host: hostname(),
        started: '2026-12-07T10:00:00.000Z',
        command: 'scripts/build.ts',
      }),
    );
    const result = acquireLock(path);
    expect(result).toMatchObject({
      ok: true,
      recovered: `Removed a stale build lock: process ${pid} (started 2026-12-07T10:00:00.000Z) is no longer running.`,
    });
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    if (result.ok) result.release();
  });

  it('recovers an unreadable lock', () => {
    const path = lockPath();
    writeFileSync(path, 'half a line');
    const result = acquireLock(path);
    expect(result).toMatchObject({ ok: true, recovered: expect.stringContaining('unreadable build lock') });
    if (result.ok) result.release();
  });

  it('keeps a lock held by a live process that is a build', () => {
    const path = lockPath();
    // This test's own process (node) stands in for a running build.
    writeFileSync(
      path,
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        started: 'x',
        command: 'c',
      }),
    );
    expect(acquireLock(path).ok).toBe(false);
  });
});
