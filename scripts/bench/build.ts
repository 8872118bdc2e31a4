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
  /** Phase and route timings read from Astro's output. */
  log: BuildLog;
}

export async function runBuild(options: {
  cwd: string;
  outDir: string;
  env?: Record<string, string>;
}): Promise<BuildRun> {
  const script = join(options.cwd, 'scripts/build.ts');
  const tmp = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(tmp, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, script]]
    : [process.execPath, [script]];
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
  return { ok: code === 0, wallMs, peakRss, output, log: parseBuildLog(output) };
}

export interface BuildLog {
  /** Named phases of `astro build`, seconds as Astro prints them, in ms. */
  phases: { name: string; ms: number }[];
  /** Generated routes grouped by pattern (`/data/*.csv`), with Astro's per-route times. */
  routes: { group: string; count: number; ms: number }[];
}

/** `/data/hate-crime/index.html` -> `/data/*\/index.html`; `/figures/x.png` -> `/figures/*.png`. */
export function routeGroup(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1);
  if (last === 'index.html') return dirs.length <= 1 ? path : `/${dirs[0]}/*/index.html`;
  if (dirs.length === 0) return path;
  const ext = /\.[a-z0-9]+$/i.exec(last)?.[0] ?? '';
  return `/${dirs[0]}/*${ext}`;
}

/** Astro's time stats: `523ms`, `12.69s` or `1m 23s`, in ms. */
export function parseTimeStat(text: string): number {
  const m = /^(?:(\d+)m (\d+)s|([\d.]+)s|(\d+)ms)$/.exec(text.trim());
  if (!m) return Number.NaN;
  if (m[1] !== undefined) return (Number(m[1]) * 60 + Number(m[2])) * 1000;
  if (m[3] !== undefined) return Math.round(Number.parseFloat(m[3]) * 1000);
  return Number(m[4]);
}

const TIME = '(\\d+m \\d+s|[\\d.]+s|\\d+ms)';

/** Read phase and per-route timings from Astro's build output. */
export function parseBuildLog(output: string): BuildLog {
  const phases: { name: string; ms: number }[] = [];
  const types = new RegExp(`\\[types\\] Generated ${TIME}`).exec(output);
  if (types) phases.push({ name: 'setup: config, content sync, types', ms: parseTimeStat(types[1]!) });
  const bundles = [...output.matchAll(new RegExp(`\\[vite\\] ✓ built in ${TIME}`, 'g'))].reduce(
    (n, m) => n + parseTimeStat(m[1]!),
    0,
  );
  if (bundles) phases.push({ name: 'bundling (vite)', ms: bundles });
  const generate = new RegExp(`generating static routes[\\s\\S]*?✓ Completed in ${TIME}`).exec(output);
  if (generate) phases.push({ name: 'page generation', ms: parseTimeStat(generate[1]!) });
  const groups = new Map<string, { count: number; ms: number }>();
  for (const m of output.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
    const group = routeGroup(m[1]!);
    const g = groups.get(group) ?? { count: 0, ms: 0 };
    g.count++;
    g.ms += Number(m[2]);
    groups.set(group, g);
  }
  return { phases, routes: [...groups].map(([group, g]) => ({ group, ...g })).sort((a, b) => b.ms - a.ms) };
}
