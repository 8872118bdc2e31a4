/** The scaling run's report (scripts/bench/scale.ts): tables of build cost by N, growth, and counters. */
import type { PageReport } from './analyse.ts';
import { median } from './charts.ts';
import { kib, mib, seconds, table } from './table.ts';
import type { ScaleResult } from './scale.ts';

function maxCount(bucket: Map<number, Map<string, number>>): {
  processes: number;
  keys: number;
  max: number;
  calls: number;
  repeated: string[];
} {
  let max = 0;
  let calls = 0;
  const keys = new Set<string>();
  const repeated: string[] = [];
  for (const [pid, perPid] of bucket) {
    for (const [key, count] of perPid) {
      keys.add(key);
      calls += count;
      max = Math.max(max, count);
      if (count > 1) repeated.push(`${key} ×${count} (pid ${pid})`);
    }
  }
  return { processes: bucket.size, keys: keys.size, max, calls, repeated };
}

/** Log-log slope of y against x between two points (1 = linear, 2 = quadratic). */
export function slope(x1: number, y1: number, x2: number, y2: number): number {
  return Math.log(y2 / y1) / Math.log(x2 / x1);
}

/** The main table: build time, memory and page weight for each N. */
function printBuildTable(results: readonly ScaleResult[]): void {
  const synthetic = (r: ScaleResult) => r.pages.filter((p) => /^themes\/syn-[a-z]+\/index\.html$/.test(p.page));
  console.log(
    table(
      [
        'N',
        'pages',
        'build',
        'ms/theme',
        'peak RSS',
        'dist MB',
        'home HTML gz',
        'theme HTML gz',
        'theme JS gz',
        'theme CSS gz',
        'theme req',
      ],
      results.map((r, i) => {
        const prev = results[i - 1];
        const perTheme = prev ? ((r.build.wallMs - prev.build.wallMs) / (r.n - prev.n)).toFixed(0) : '-';
        const themes = synthetic(r);
        const med = (f: (p: PageReport) => number) => (themes.length ? kib(median(themes.map(f))) : '-');
        const home = r.pages.find((p) => p.page === 'index.html');
        return [
          r.n,
          r.pages.length,
          seconds(r.build.wallMs),
          perTheme,
          mib(r.build.peakRss),
          (r.distBytes / 1024 / 1024).toFixed(1),
          home ? kib(home.html.gzip) : '-',
          med((p) => p.html.gzip),
          med((p) => p.js.gzip),
          med((p) => p.css.gzip),
          themes.length ? median(themes.map((p) => p.requests)) : '-',
        ];
      }),
    ),
  );
  console.log(
    '\nbuild = wall time of `npm run build` (validate + astro build); ms/theme = extra build time per added theme since the previous N;',
  );
  console.log(
    'theme columns = median over the synthetic theme pages (KB gzip). Peak RSS = max RSS of the largest build process (GNU time).',
  );
}

/**
 * How cost grows (with three runs or more). t(N) = fixed + k·f(N): take the smallest run as the
 * fixed cost and fit the growth of the rest, v(N) = t(N) - t(N0) against N - N0, between the two
 * largest runs. 1 = linear, 2 = quadratic.
 */
function printGrowth(results: readonly ScaleResult[]): void {
  if (results.length < 3) return;
  const base = results[0]!;
  const a = results[results.length - 2]!;
  const b = results[results.length - 1]!;
  const grow = (f: (r: ScaleResult) => number) =>
    slope(a.n - base.n, Math.max(1e-9, f(a) - f(base)), b.n - base.n, Math.max(1e-9, f(b) - f(base)));
  const t = grow((r) => r.build.wallMs);
  const pages = grow((r) => r.pages.length);
  const bytes = grow((r) => r.distBytes);
  const memPerTheme =
    a.build.peakRss !== null && b.build.peakRss !== null
      ? `${((b.build.peakRss - a.build.peakRss) / (b.n - a.n) / 1024 / 1024).toFixed(1)} MB`
      : 'n/a';
  console.log(
    `\nGrowth from N = ${a.n} to ${b.n}, above the N = ${base.n} run (log-log slope; 1 = linear, 2 = quadratic): build time ${t.toFixed(2)}, pages ${pages.toFixed(2)}, output bytes ${bytes.toFixed(2)}.`,
  );
  console.log(
    `Peak memory per added theme between N = ${a.n} and ${b.n}: ${memPerTheme} (a fixed ~${mib(base.build.peakRss)} before that).`,
  );
  console.log(
    t <= 1.2
      ? 'Build time grows linearly with the number of themes.'
      : `Build time grows faster than linearly (slope ${t.toFixed(2)}): look for work repeated per page.`,
  );
}

/** Where the time goes in the largest run: build phases, then the slowest routes. */
function printPhases(largest: ScaleResult): void {
  console.log(
    `\nWhere the time goes at N = ${largest.n}: ${largest.build.log.phases.map((p) => `${p.name} ${seconds(p.ms)}`).join('; ')}.\n`,
  );
  console.log(
    table(
      ['route', 'files', 'total ms', 'ms each'],
      largest.build.log.routes.slice(0, 8).map((r) => [r.group, r.count, r.ms, (r.ms / r.count).toFixed(1)]),
    ),
  );
}

/** Once per build? The parse and render counters for each N, and a verdict on the last. */
function printCounters(results: readonly ScaleResult[]): void {
  console.log(
    '\nOnce per build? (counters in the instrumented copy; each build runs validation and astro build as separate processes)',
  );
  console.log(
    table(
      [
        'N',
        'processes parsing',
        'datasets',
        'parse calls',
        'max parses of one file in one process',
        'figure×layout renders',
        'render calls',
        'max renders of one',
      ],
      results.map((r) => {
        const p = maxCount(r.counters.parses);
        const q = maxCount(r.counters.renders);
        return [r.n, p.processes, p.keys, p.calls, p.max, q.keys, q.calls, q.max];
      }),
    ),
  );
  const last = results[results.length - 1]!;
  const p = maxCount(last.counters.parses);
  const q = maxCount(last.counters.renders);
  console.log(
    `${p.max === 1 ? 'Each dataset is parsed and validated once per build process' : `Some dataset is parsed ${p.max} times in one process`} (${p.processes} processes: the validation step and astro build); ` +
      `${q.keys === 0 ? 'no charts were rendered' : q.max === 1 ? 'each chart is rendered once per figure and layout' : `some chart is rendered ${q.max} times for one figure and layout`}.`,
  );
  if (p.repeated.length)
    console.log(
      `  parsed more than once in one process: ${p.repeated.slice(0, 4).join('; ')}${p.repeated.length > 4 ? `; … ${p.repeated.length} in all` : ''}`,
    );
  if (q.repeated.length)
    console.log(
      `  rendered more than once: ${q.repeated.slice(0, 4).join('; ')}${q.repeated.length > 4 ? `; … ${q.repeated.length} in all` : ''}`,
    );
  console.log(`Figures: ${last.figures}.`);
}

export function printResults(results: ScaleResult[]): void {
  printBuildTable(results);
  printGrowth(results);
  printPhases(results[results.length - 1]!);
  printCounters(results);
}
