/**
 * Run the project's own build (`scripts/build.ts`: validate, then `astro build`) as a child process and
 * measure it: wall time in this process, peak memory with GNU time (`/usr/bin/time -f %M`, Debian
 * package `time`). `%M` is the maximum resident set size of the largest single process in the build's
 * process tree (the kernel's `ru_maxrss` over waited-for descendants; here that is `astro build`), not
 * the sum of all processes. Without GNU time the peak is reported as unknown.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface BuildRun {
  ok: boolean;
  /** Wall time in milliseconds. */
  wallMs: number;
  /** Peak RSS in bytes, or null when GNU time is not installed. */
  peakRss: number | null;
  /** Combined output, for showing when the build fails. */
  output: string;
}

export async function runBuild(options: { cwd: string; outDir: string; env?: Record<string, string> }): Promise<BuildRun> {
  const script = join(options.cwd, 'scripts/build.ts');
  const tmp = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(tmp, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, script]] : [process.execPath, [script]];
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: options.outDir, ...options.env };
  const started = performance.now();
  let output = '';
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', done);
  });
  const wallMs = performance.now() - started;
  let peakRss: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const kb = Number.parseInt(readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '', 10);
    if (Number.isFinite(kb)) peakRss = kb * 1024;
  }
  rmSync(tmp, { recursive: true, force: true });
  return { ok: code === 0, wallMs, peakRss, output };
}
