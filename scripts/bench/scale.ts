/**
 * The scaling run (`npm run bench -- --scale [N,...]`): copy the project into a temporary folder
 * (node_modules symlinked), add N synthetic themes, each with its own observation dataset (CSV +
 * meta.json following the dataset contract, registered with a schema), measure, theme row, MDX page
 * and figure, build it, and report build time, peak memory and bytes per page for each N.
 *
 * The copy is also instrumented, so the run can show that each dataset is parsed once per build
 * process and each chart rendered once per figure and layout: `parseCsv` (src/data/csv.ts) and
 * `renderSvg` (src/charts/render.ts) get a first statement that appends a line to a counter file when
 * `BENCH_COUNTER_FILE` is set. Only the temporary copy is changed; nothing in the project is.
 *
 * What is patched in the copy (each patch fails loudly if its anchor has gone):
 * - astro.config.mjs: a private `cacheDir`, so the copy's build never touches node_modules/.astro,
 *   which it shares with the project through the symlink;
 * - src/schemas/index.ts: imports the generated `synthetic.bench.ts` and adds its schemas to
 *   `DATASET_SCHEMAS`;
 * - src/figures/index.ts: registers one figure per synthetic dataset through the registry's own
 *   `periodFigure` builder (the same code path as the real year-by-year figures).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { analyseSite, type PageReport } from './analyse.ts';
import { runBuild, type BuildRun } from './build.ts';
import { median } from './charts.ts';
import { kib, mib, seconds, table } from './table.ts';

const BASE_PATH = '/worcestershire-community-safety/';
const SKIP = new Set(['node_modules', 'dist', '.git', '.astro', 'tests', 'screenshots', 'test-results']);
const DEFAULT_SERIES = [1, 10, 100];
const BIG = 1000;
/** The whole scaling run should fit in this (the issue's limit for trying N = 1000). */
const TIME_LIMIT_MS = 10 * 60 * 1000;

export interface ScaleResult {
  n: number;
  build: BuildRun;
  pages: PageReport[];
  distBytes: number;
  counters: Counters;
  /** How the generated pages used figures (or why not). */
  figures: string;
}

export interface Counters {
  /** Per build process: parse calls per file. */
  parses: Map<number, Map<string, number>>;
  /** Per build process: render calls per "figure layout". */
  renders: Map<number, Map<string, number>>;
}

/**
 * Synthetic names are letters, never digits (`1` -> `aaab`): the theme-page checks reject numbers typed
 * into prose by hand, and a generated title is prose.
 */
export function letters(i: number): string {
  let out = '';
  for (let k = 0, n = i; k < 4; k++, n = Math.floor(n / 26)) out = String.fromCharCode(97 + (n % 26)) + out;
  return out;
}
const pad = letters;
const title = (i: number) => letters(i).charAt(0).toUpperCase() + letters(i).slice(1);

function copyProject(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  for (const entry of readdirSync(root)) {
    if (SKIP.has(entry) || entry.startsWith('.dist') || entry.startsWith('.bench')) continue;
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Insert `code` as the first statement of the named function declaration. */
function instrumentFunction(file: string, name: string, code: (firstParam: string) => string): void {
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let at = -1;
  let param = '';
  sf.forEachChild((node) => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === name && node.body) {
      at = node.body.getStart(sf) + 1;
      param = node.parameters[0]?.name.getText(sf) ?? '';
    }
  });
  if (at < 0 || param === '')
    throw new Error(`Scaling run: cannot instrument ${name}() in ${file} (not found): update scripts/bench/scale.ts`);
  const header = `import { appendFileSync as __benchAppend } from 'node:fs';\nconst __benchCount = (kind: string, key: string): void => { if (process.env.BENCH_COUNTER_FILE) __benchAppend(process.env.BENCH_COUNTER_FILE, kind + '\\t' + key + '\\t' + process.pid + '\\n'); };\n`;
  writeFileSync(file, header + source.slice(0, at) + `\n  ${code(param)}\n` + source.slice(at));
}

function replaceOnce(file: string, anchor: string | RegExp, replacement: string): void {
  const source = readFileSync(file, 'utf8');
  const next = source.replace(anchor, replacement);
  if (next === source)
    throw new Error(`Scaling run: anchor ${String(anchor)} not found in ${file}: update scripts/bench/scale.ts`);
  writeFileSync(file, next);
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function firstDataCell(file: string): string {
  const line = readFileSync(file, 'utf8').split('\n')[1] ?? '';
  return line.split(',')[0] ?? '';
}

/** Generate N themes into the copy. Returns a note on how figures were included. */
// eslint-disable-next-line max-lines-per-function -- issue #28: 130 lines, to be split into named steps
function generate(dir: string, n: number): string {
  const data = join(dir, 'data');
  const section = firstDataCell(join(data, 'sections.csv'));
  const themesCsv = readFileSync(join(data, 'themes.csv'), 'utf8').trimEnd();
  const maxOrder = Math.max(
    0,
    ...themesCsv
      .split('\n')
      .slice(1)
      .map((l) => Number.parseInt(/,(\d+),[^,]*$/.exec(l)?.[1] ?? '0', 10)),
  );
  const template = JSON.parse(readFileSync(join(data, 'domestic-abuse.meta.json'), 'utf8')) as Record<
    string,
    unknown
  > & { columns: { name: string }[] };
  const periods = ['2014/15', '2015/16', '2016/17', '2017/18', '2018/19'];

  const measures: string[] = [];
  const themes: string[] = [];
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const id = `syn-${pad(i)}`;
    ids.push(id);
    const measure = `${id}-count`;
    const rows = periods.map(
      (p, k) => `worcestershire,${p},${measure},${100 + ((i * 37 + k * 11) % 900)},count,reported,,${section}`,
    );
    writeFileSync(
      join(data, `${id}.csv`),
      `area,period,measure,value,unit,status,notes,source_section\n${rows.join('\n')}\n`,
    );
    const meta = {
      ...template,
      id,
      title: `Synthetic dataset ${title(i)}`,
      description: `Generated by the scaling benchmark: yearly counts for synthetic theme ${title(i)}.`,
      file: `${id}.csv`,
      kind: 'observations',
      units: ['count'],
      primaryKey: ['area', 'period', 'measure'],
      period: { start: '2014-04-01', end: '2019-03-31', label: '2014/15 to 2018/19' },
      caveats: ['Synthetic data for the scaling benchmark.'],
      footnotes: [],
    };
    writeFileSync(join(data, `${id}.meta.json`), `${JSON.stringify(meta, null, 2)}\n`);
    measures.push(
      [measure, `Synthetic count ${title(i)}`, 'count', `A generated count for synthetic theme ${title(i)}.`, id]
        .map(csvCell)
        .join(','),
    );
    themes.push(
      [
        id,
        `Synthetic theme ${title(i)}`,
        `A generated theme page for the scaling benchmark, called ${title(i)}.`,
        String(maxOrder + i),
        id,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  writeFileSync(
    join(data, 'measures.csv'),
    `${readFileSync(join(data, 'measures.csv'), 'utf8').trimEnd()}\n${measures.join('\n')}\n`,
  );
  writeFileSync(join(data, 'themes.csv'), `${themesCsv}\n${themes.join('\n')}\n`);

  // Schemas: one generated module, added to the registry in the copy only.
  writeFileSync(
    join(dir, 'src/schemas/synthetic.bench.ts'),
    `import { observationSchema } from './observation.ts';\nconst schema = observationSchema(['count'] as const);\nexport const SYNTHETIC_SCHEMAS = {\n${ids.map((id) => `  '${id}': schema,`).join('\n')}\n};\n`,
  );
  const schemasIndex = join(dir, 'src/schemas/index.ts');
  writeFileSync(
    schemasIndex,
    `${readFileSync(schemasIndex, 'utf8')}\nimport { SYNTHETIC_SCHEMAS } from './synthetic.bench.ts';\nObject.assign(DATASET_SCHEMAS, SYNTHETIC_SCHEMAS);\n`,
  );

  // Figures: register one per dataset with the registry's own builder, if the registry has one.
  const registry = join(dir, 'src/figures/index.ts');
  const figureComponent = join(dir, 'src/components/figure/Figure.astro');
  let figureNote: string;
  let useFigures = false;
  const periodFamily = join(dir, 'src/figures/period-bars.ts');
  if (
    existsSync(registry) &&
    existsSync(figureComponent) &&
    existsSync(periodFamily) &&
    /function periodFigure\(/.test(readFileSync(periodFamily, 'utf8'))
  ) {
    const list = ids
      .map((id, k) => `['${id}-figure', '${id}', 'Synthetic count ${title(k + 1)}, by year']`)
      .join(',\n  ');
    // A figure file of its own: the registry finds every file in src/figures/ that exports FIGURES.
    writeFileSync(
      join(dir, 'src/figures/synthetic-bench.ts'),
      `// Added by the scaling benchmark (temporary copy only).\nimport { periodFigure } from './period-bars.ts';\nimport type { FigureEntry } from './types.ts';\nexport const FIGURES: readonly FigureEntry[] = ([\n  ${list},\n] as const).map(([id, dataset, title], k) => ({ id, order: 100000 + k, build: () => periodFigure(id, dataset, dataset, dataset + '-count', title, (r) => 'Synthetic count: ' + r.length + ' years.') }));\n`,
    );
    useFigures = true;
    figureNote = 'one figure per theme page, via the real Figure component and the registry’s periodFigure builder';
  } else {
    figureNote = 'no Figure component or registry builder yet: theme pages are text only';
  }

  // MDX theme pages, using Figure the way the real pages do (the components may be provided to MDX
  // by the theme route rather than imported). No digits or number words in the prose.
  const themesDir = join(dir, 'content/themes');
  mkdirSync(themesDir, { recursive: true });
  const pages = readdirSync(themesDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join(themesDir, f), 'utf8'));
  const importLine = pages
    .map((s) => /^import\s+Figure\s+from\s+['"][^'"]+['"];?$/m.exec(s)?.[0])
    .find((x) => x !== undefined);
  const injected = importLine === undefined && pages.some((s) => /<Figure\s/.test(s));
  for (const [k, id] of ids.entries()) {
    const body = [
      '---',
      `title: Synthetic theme ${title(k + 1)}`,
      `summary: A generated theme page for the scaling benchmark, called ${title(k + 1)}.`,
      `theme: ${id}`,
      `order: ${maxOrder + k + 1}`,
      `datasets: [${id}]`,
      'lastReviewed: 2026-11-26',
      '---',
      useFigures && !injected ? (importLine ?? "import Figure from '../../src/components/figure/Figure.astro';") : '',
      '',
      `This page was generated by the scaling benchmark. It stands in for a theme page with prose and a chart. ${'Here is a sentence of ordinary length about a synthetic measure, repeated to give the page some body. '.repeat(6)}`,
      '',
      useFigures ? `<Figure id="${id}-figure" />` : '',
      '',
      `The closing paragraph has more words in it, so the page is not trivially small. ${'It says nothing new, as befits generated text. '.repeat(4)}`,
      '',
    ];
    writeFileSync(join(themesDir, `${id}.mdx`), body.join('\n'));
  }
  return figureNote;
}

function patchCopy(dir: string): void {
  replaceOnce(join(dir, 'astro.config.mjs'), /defineConfig\(\{/, "defineConfig({\n  cacheDir: './.bench-cache/astro',");
  instrumentFunction(join(dir, 'src/data/csv.ts'), 'parseCsv', (p) => `__benchCount('parse', String(${p}));`);
  const render = join(dir, 'src/charts/render.ts');
  if (existsSync(render))
    instrumentFunction(
      render,
      'renderSvg',
      (p) => `__benchCount('render', [${p}?.id, ${p}?.view, ${p}?.layout].filter((x) => x !== undefined).join(' '));`,
    );
}

function readCounters(file: string): Counters {
  const counters: Counters = { parses: new Map(), renders: new Map() };
  if (!existsSync(file)) return counters;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [kind, key, pid] = line.split('\t');
    if (!kind || key === undefined || !pid) continue;
    const bucket = kind === 'parse' ? counters.parses : counters.renders;
    const perPid = bucket.get(Number(pid)) ?? new Map<string, number>();
    perPid.set(key, (perPid.get(key) ?? 0) + 1);
    bucket.set(Number(pid), perPid);
  }
  return counters;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) total += readFileSync(join(e.parentPath, e.name)).byteLength;
  return total;
}

export async function scaleOnce(root: string, n: number): Promise<ScaleResult> {
  const dir = copyProject(root);
  try {
    patchCopy(dir);
    const figures = generate(dir, n);
    const counterFile = join(dir, '.bench-counters.tsv');
    const outDir = join(dir, 'dist');
    const build = await runBuild({ cwd: dir, outDir, env: { BASE_PATH, BENCH_COUNTER_FILE: counterFile } });
    if (!build.ok) {
      console.error(build.output.split('\n').slice(-40).join('\n'));
      throw new Error(`Scaling run: the build with N = ${n} failed (last lines above; copy kept at ${dir})`);
    }
    const report = await analyseSite(outDir, { base: BASE_PATH });
    const result = {
      n,
      build,
      pages: report.pages,
      distBytes: folderBytes(outDir),
      counters: readCounters(counterFile),
      figures,
    };
    rmSync(dir, { recursive: true, force: true });
    return result;
  } catch (error) {
    if (!(error instanceof Error && error.message.includes('copy kept'))) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

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

// eslint-disable-next-line max-lines-per-function -- issue #28: 119 lines, to be split into named steps
function printResults(results: ScaleResult[]): void {
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

  if (results.length >= 3) {
    // t(N) = fixed + k·f(N): take the smallest run as the fixed cost and fit the growth of the rest,
    // v(N) = t(N) - t(N0) against N - N0, between the two largest runs. 1 = linear, 2 = quadratic.
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

  const largest = results[results.length - 1]!;
  console.log(
    `\nWhere the time goes at N = ${largest.n}: ${largest.build.log.phases.map((p) => `${p.name} ${seconds(p.ms)}`).join('; ')}.\n`,
  );
  console.log(
    table(
      ['route', 'files', 'total ms', 'ms each'],
      largest.build.log.routes.slice(0, 8).map((r) => [r.group, r.count, r.ms, (r.ms / r.count).toFixed(1)]),
    ),
  );

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

/** Run the series (default 1, 10, 100, then 1000 if the estimate fits in the 10-minute limit). */
export async function scalingRun(root: string, series?: number[]): Promise<ScaleResult[]> {
  const started = performance.now();
  const list = series ?? DEFAULT_SERIES;
  console.log(
    `\n## Scaling run: N = ${list.join(', ')}${series ? '' : ` (and ${BIG} if it fits in ${TIME_LIMIT_MS / 60000} minutes)`}\n`,
  );
  const results: ScaleResult[] = [];
  for (const n of list) {
    const r = await scaleOnce(root, n);
    console.log(`N = ${n}: built ${r.pages.length} pages in ${seconds(r.build.wallMs)}, peak ${mib(r.build.peakRss)}`);
    results.push(r);
  }
  if (!series && results.length >= 2) {
    const [a, b] = results.slice(-2) as [ScaleResult, ScaleResult];
    const perTheme = (b.build.wallMs - a.build.wallMs) / (b.n - a.n);
    // Allow for 25% worse than linear before deciding it fits.
    const estimate = b.build.wallMs + perTheme * (BIG - b.n) * 1.25;
    const elapsed = performance.now() - started;
    if (elapsed + estimate < TIME_LIMIT_MS) {
      console.log(`N = ${BIG}: estimated ${seconds(estimate)}, running it.`);
      const r = await scaleOnce(root, BIG);
      console.log(
        `N = ${BIG}: built ${r.pages.length} pages in ${seconds(r.build.wallMs)}, peak ${mib(r.build.peakRss)}`,
      );
      results.push(r);
    } else {
      console.log(
        `N = ${BIG}: skipped, estimated ${seconds(estimate)} would pass the ${TIME_LIMIT_MS / 60000}-minute limit (${seconds(elapsed)} used).`,
      );
    }
  }
  console.log('');
  printResults(results);
  console.log(`\nScaling run took ${seconds(performance.now() - started)}.`);
  return results;
}
