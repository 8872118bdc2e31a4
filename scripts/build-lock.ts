/**
 * One build at a time per output folder: `scripts/build.ts` takes a lock file beside `dist`
 * (`.dist-build-<name>.lock`, created exclusively, holding the build's process id, host, start time)
 * before it does anything, and removes it when it ends, however it ends. A second build refuses to
 * start and names the process holding the lock. A lock left by a build that no longer runs (killed
 * with SIGKILL, a crash, a reboot) is stale: the next build says so, removes it and goes on.
 * See docs/validation.md, "The build".
 */
import { hostname } from 'node:os';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export type LockResult = { ok: true; release: () => void; recovered?: string } | { ok: false; message: string };

/** Is a process with this id running (and, where /proc can tell, still a Node build)? */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // A process id reused by another program is not the build that took the lock.
    return /node|build/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number'
      ? {
          pid: info.pid,
          host: String(info.host ?? ''),
          started: String(info.started ?? ''),
          command: String(info.command ?? ''),
        }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Take the lock at `path` for this process, or say who holds it. */
export function acquireLock(path: string, command = process.argv.slice(1).join(' ')): LockResult {
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  let recovered: string | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(mine)}\n`, { flag: 'wx', mode: 0o644 });
      const release = () => {
        if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      return recovered ? { ok: true, release, recovered } : { ok: true, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const other = readLock(path);
    if (other && (other.host !== mine.host || running(other.pid))) {
      const where = other.host !== mine.host ? ` on ${other.host}` : '';
      return {
        ok: false,
        message:
          `Another build is running in this folder: process ${other.pid}${where}, started ${other.started} (${other.command || 'scripts/build.ts'}). ` +
          `Wait for it to finish, or stop it (kill ${other.pid}). Nothing was changed. If no build is running, delete ${path}.`,
      };
    }
    // Stale: its build is gone. Move it aside (one rename, so two recovering builds cannot both win) and retry.
    recovered = other
      ? `Removed a stale build lock: process ${other.pid} (started ${other.started}) is no longer running.`
      : `Removed an unreadable build lock (${path}).`;
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
      rmSync(aside, { force: true });
    } catch {
      // Another build moved it first; the next attempt sees what that build did.
    }
  }
  return { ok: false, message: `Could not take the build lock ${path}; try again.` };
}
