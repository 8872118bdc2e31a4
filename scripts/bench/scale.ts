/**
 * The scaling run (`npm run bench -- --scale [N,...]`): copy what a build reads from the project into
 * a temporary folder (scripts/project-copy.ts; node_modules symlinked), add N synthetic themes, each
 * with its own observation dataset (CSV + meta.json following the dataset contract, registered with a
 * schema), measure, theme row, MDX page and figure, build it, and report build time, peak memory and
 * bytes per page for each N.
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
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { copyProject } from '../project-copy.ts';
import { analyseSite, type PageReport } from './analyse.ts';
import { runBuild, type BuildRun } from './build.ts';
import { generate } from './scale-generate.ts';
import { printResults } from './scale-report.ts';
import { mib, seconds } from './table.ts';

export { letters } from './scale-generate.ts';
export { slope } from './scale-report.ts';

const BASE_PATH = '/worcestershire-community-safety/';
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
  const dir = copyProject(root, 'bench-scale-');
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
