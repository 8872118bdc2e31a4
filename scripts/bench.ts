/**
 * `npm run bench`: build the site and print what each page costs a reader, how long the build takes,
 * how long each chart takes to render, and Lighthouse's mobile scores. A script, not a test: timings
 * vary between runs and machines; the byte budgets are enforced by `npm run test:budgets` instead.
 *
 *   npm run bench                        build into .dist-bench/ under the Pages base path, then print
 *   npm run bench -- --no-lighthouse     skip Lighthouse
 *   npm run bench -- --runs 50           renders per figure for the median (default 20)
 *   npm run bench -- --lighthouse-runs 5 Lighthouse runs per page for the median (default 3)
 *   npm run bench -- --lighthouse-pages themes   Lighthouse on home, /themes/ and every theme page
 *                                        (default: home, the heaviest and the lightest theme page)
 *   npm run bench -- --lighthouse-only   pages table and Lighthouse only (no chart timing, no size run)
 *   npm run bench -- --skip-build        reuse the last .dist-bench/ build
 *   npm run bench -- --scale             scaling run: N = 1, 10, 100 synthetic themes (1000 if it fits in 10 minutes)
 *   npm run bench -- --scale 10,100      scaling run for the given N only
 *   npm run bench -- --size              size run only: the loader on 10k, 100k and 1M synthetic rows,
 *                                        then the limits run: validate and the build at the largest
 *                                        inputs accepted (scripts/bench/limits.ts)
 *   npm run bench -- --size 10000,50000  size run for the given row counts only
 *   npm run bench -- --no-size           skip the size run in the full bench
 *
 * See the README, "Performance".
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUDGETS } from '../budgets.config.ts';
import { analyseSite, type PageReport } from './bench/analyse.ts';
import { pageViolations } from './bench/budgets.ts';
import { runBuild, type BuildLog } from './bench/build.ts';
import { timeFigures } from './bench/charts.ts';
import { runLighthouse, type LighthouseScores } from './bench/lighthouse.ts';
import { scalingRun } from './bench/scale.ts';
import { limitsReport } from './bench/limits.ts';
import { DEFAULT_SIZES, sizeReport } from './bench/size.ts';
import { countRequests } from './bench/requests.ts';
import { precompress, serve } from './bench/serve.ts';
import { kib, mib, seconds, table } from './bench/table.ts';

const BASE_PATH = '/worcestershire-community-safety/';
const OUT_DIR = '.dist-bench';

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    size: { type: 'string' },
    'no-size': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'lighthouse-pages': { type: 'string', default: 'default' },
    'lighthouse-only': { type: 'boolean', default: false },
  },
  allowPositionals: false,
  // `--scale` alone (no list) is allowed: parseArgs needs a value, so accept an empty one.
  args: process.argv
    .slice(2)
    .flatMap((a, i, all) =>
      (a === '--scale' || a === '--size') && (all[i + 1] === undefined || all[i + 1]!.startsWith('--')) ? [a, ''] : [a],
    ),
});

const root = resolve(import.meta.dirname, '..');

function heading(text: string): void {
  console.log(`\n## ${text}\n`);
}

export function pageRows(pages: PageReport[]): (string | number)[][] {
  return pages.map((p) => {
    const svg = p.svgs[0];
    const over = [...new Set(pageViolations(p).map((v) => v.budget))];
    return [
      p.page.replace(/index\.html$/, '') || '/',
      kib(p.html.raw),
      kib(p.html.gzip),
      kib(p.css.raw),
      kib(p.css.gzip),
      kib(p.js.raw),
      kib(p.js.gzip),
      p.lazyRequests ? `${p.requests}+${p.lazyRequests}` : p.requests,
      p.svgs.length,
      svg ? `${kib(svg.size.raw)} ${svg.figure}` : '-',
      over.length ? `over: ${over.join(', ')}` : 'ok',
    ];
  });
}

export const PAGE_HEADERS = [
  'page',
  'HTML',
  'HTML gz',
  'CSS',
  'CSS gz',
  'JS',
  'JS gz',
  'req',
  'SVGs',
  'largest SVG (KB raw, figure)',
  'budgets',
];

function printPages(pages: PageReport[]): void {
  console.log(table(PAGE_HEADERS, pageRows(pages), { right: PAGE_HEADERS.map((_, i) => i > 0 && i < 9) }));
  console.log(
    `\nKB = 1024 bytes; gz = gzip (zlib level 6, as served by GitHub Pages). JS and CSS: everything the page loads, files and inline.\n` +
      `req = the HTML plus same-origin assets at load (+ lazy ones loaded on demand). Budgets per page (budgets.config.ts): ` +
      `JS <= ${kib(BUDGETS.jsGzip)} KB gz, CSS <= ${kib(BUDGETS.cssGzip)} KB gz, HTML <= ${kib(BUDGETS.htmlGzip)} KB gz, no web fonts, ` +
      `no unsized images, no render-blocking scripts, no third-party requests.`,
  );
  const violations = pages.flatMap((p) => pageViolations(p));
  if (violations.length === 0) console.log(`All ${pages.length} pages are within budget.`);
  else console.log(`${violations.length} budget violation(s):\n${violations.map((v) => `  ${v.message}`).join('\n')}`);
}

export function printBuildLog(log: BuildLog, top = 8): void {
  if (log.phases.length)
    console.log(`Astro phases: ${log.phases.map((p) => `${p.name} ${seconds(p.ms)}`).join('; ')}.`);
  if (log.routes.length === 0) return;
  console.log(`\nSlowest route groups (Astro's per-route times; the first page to use a figure also builds it):\n`);
  console.log(
    table(
      ['route', 'files', 'total ms', 'ms each'],
      log.routes.slice(0, top).map((r) => [r.group, r.count, r.ms, (r.ms / r.count).toFixed(1)]),
    ),
  );
}

function fmtMs(ms: number | null): string {
  return ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
}

function printLighthouse(results: LighthouseScores[]): void {
  const mark = (ok: boolean) => (ok ? '' : ' ✗');
  const score = (s: number | null) => (s === null ? 'n/a' : `${s}${mark(s === 100)}`);
  console.log(
    table(
      ['page', 'Perf', 'A11y', 'BP', 'SEO', 'FCP', 'LCP', 'CLS', 'TBT', 'DOM', 'CPU index'],
      results.map((r) => [
        new URL(r.url).pathname,
        score(r.performance),
        score(r.accessibility),
        score(r.bestPractices),
        score(r.seo),
        fmtMs(r.fcp),
        `${fmtMs(r.lcp)}${mark(r.lcp !== null && r.lcp < 1500)}`,
        `${r.cls === null ? 'n/a' : r.cls.toFixed(3)}${mark(r.cls === 0)}`,
        `${r.tbt === null ? 'n/a' : `${Math.round(r.tbt)} ms`}${mark(r.tbt === 0)}`,
        r.domSize ?? 'n/a',
        r.benchmarkIndex === null ? 'n/a' : Math.round(r.benchmarkIndex),
      ]),
    ),
  );
  console.log(
    `\nMedian of ${results[0]?.runs ?? 0} runs per page. Targets: 100 / 100 / 100 / 100, LCP < 1.5 s, CLS 0, TBT 0 (✗ marks a miss).\n` +
      "Mobile: Moto G Power emulation, simulated slow 4G (150 ms RTT, 1.6 Mbit/s), 4x CPU slowdown. CPU index = Lighthouse's benchmarkIndex of this\n" +
      'machine during the run: simulated CPU time scales with it, so TBT on a busy machine is higher than on a quiet one.',
  );
  for (const r of results) {
    const path = new URL(r.url).pathname;
    console.log(
      `  ${path}: main thread ${r.mainThread
        .slice(0, 4)
        .map((m) => `${m.group} ${Math.round(m.ms)} ms`)
        .join(', ')}`,
    );
    for (const f of r.failing) console.log(`  ${path}: ${f}`);
    for (const w of r.warnings) console.log(`  ${path}: Lighthouse warning: ${w}`);
  }
}

/**
 * Lighthouse targets. `default`: home, plus the heaviest and the lightest theme page (gzip bytes of
 * HTML + CSS + JS). `themes`: home, the themes index and every theme page, in path order.
 */
export function lighthousePages(pages: PageReport[], set: 'default' | 'themes' = 'default'): PageReport[] {
  const weight = (p: PageReport) => p.html.gzip + p.css.gzip + p.js.gzip;
  const home = pages.find((p) => p.page === 'index.html');
  const themes = pages.filter((p) => /^themes\/[^/]+\/index\.html$/.test(p.page));
  if (set === 'themes') {
    const index = pages.find((p) => p.page === 'themes/index.html');
    const sorted = [...themes].sort((a, b) => a.page.localeCompare(b.page));
    return [...(home ? [home] : []), ...(index ? [index] : []), ...sorted];
  }
  themes.sort((a, b) => weight(b) - weight(a));
  const picked = themes.length > 2 ? [themes[0]!, themes[themes.length - 1]!] : themes;
  return [...(home ? [home] : []), ...picked];
}

/** The size run: the data loader on synthetic files of 10k, 100k and 1M rows (scripts/bench/size.ts). */
function printSizeRun(list: string): void {
  const sizes = list === '' ? DEFAULT_SIZES : list.split(',').map((n) => Number.parseInt(n, 10));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--size takes positive whole numbers, e.g. --size 10000,100000 (got "${list}")`);
  heading('Size run: loading and validating one large dataset (synthetic rows, fresh process each)');
  console.log(sizeReport(sizes));
  console.log(
    '\nTime per row vs first: about 1.0 at every size when time grows linearly. Peak memory = max RSS of the loading process.',
  );
  if (list !== '') return;
  heading('Limits run: peak memory at the largest inputs the site accepts (src/data/limits.ts)');
  console.log(limitsReport());
}

/** Chart render time at build: every figure in the registry (scripts/bench/charts.ts). */
async function printTimings(runs: number): Promise<void> {
  heading(`Chart render time at build (median of ${runs})`);
  const timings = await timeFigures(root, runs);
  if (typeof timings === 'string') {
    console.log(timings);
  } else {
    console.log(
      `Datasets: ${timings.datasets} loaded, parsed and validated once in ${timings.catalogMs.toFixed(0)} ms.\n`,
    );
    console.log(
      table(
        ['figure', 'charts', 'SVG KB (both layouts)', 'first ms', 'median ms'],
        timings.figures.map((f) => [f.id, f.views, kib(f.svgBytes), f.firstMs.toFixed(1), f.medianMs.toFixed(1)]),
      ),
    );
    const total = timings.figures.reduce((n, f) => n + f.medianMs, 0);
    console.log(
      `\nOne figure = every chart in it drawn wide and narrow, plus its table and summary. All figures: ${total.toFixed(0)} ms (medians summed).`,
    );
  }
}

async function main(): Promise<void> {
  if (values.scale !== undefined) {
    const list = values.scale === '' ? undefined : values.scale.split(',').map((n) => Number.parseInt(n, 10));
    if (list?.some((n) => !Number.isInteger(n) || n < 1))
      throw new Error(`--scale takes positive whole numbers, e.g. --scale 1,10,100 (got "${values.scale}")`);
    await scalingRun(root, list);
    return;
  }
  if (values.size !== undefined) {
    printSizeRun(values.size);
    return;
  }
  const runs = Number.parseInt(values.runs, 10);
  const pageSet = values['lighthouse-pages'];
  const outDir = resolve(root, OUT_DIR);

  heading(`Build (BASE_PATH=${BASE_PATH}, OUT_DIR=${OUT_DIR})`);
  if (values['skip-build'] && existsSync(outDir)) {
    console.log(`Skipped: reusing ${OUT_DIR}/.`);
  } else {
    const build = await runBuild({ cwd: root, outDir, env: { BASE_PATH } });
    if (!build.ok) {
      console.error(build.output);
      throw new Error('The build failed (output above).');
    }
    console.log(
      `Wall time ${seconds(build.wallMs)}; peak memory ${mib(build.peakRss)} (max RSS of the largest process in the build, from GNU time).`,
    );
    printBuildLog(build.log);
  }

  const report = await analyseSite(outDir, { base: BASE_PATH });
  heading(`Pages (${report.pages.length})`);
  printPages(report.pages);

  if (pageSet !== 'default' && pageSet !== 'themes')
    throw new Error(`--lighthouse-pages takes "default" or "themes" (got "${pageSet}")`);
  if (!values['lighthouse-only']) await printTimings(runs);
  if (!values['lighthouse-only'] && !values['no-size']) printSizeRun('');

  if (!values['no-lighthouse']) {
    const targets = lighthousePages(report.pages, pageSet);
    const version = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;
    heading(
      `Lighthouse ${version}, mobile: ${pageSet === 'themes' ? 'home, /themes/ and every theme page' : 'home, the heaviest and the lightest theme page'}`,
    );
    if (targets.length < 3) console.log(`Only ${targets.length - 1} theme page(s) in the build so far.`);
    precompress(outDir);
    const server = await serve(outDir, BASE_PATH);
    try {
      const origin = new URL(server.baseUrl).origin;
      const seen = await countRequests(targets.map((p) => origin + p.url));
      console.log(
        `Requests in Chromium (360 px, to network idle) against the static count: ${seen
          .map(
            (r, i) =>
              `${new URL(r.url).pathname.replace(BASE_PATH, '/') || '/'} ${r.requests.length} (static ${targets[i]!.requests}${targets[i]!.lazyRequests ? `+${targets[i]!.lazyRequests} lazy` : ''})${r.thirdParty.length ? `, third-party: ${r.thirdParty.join(' ')}` : ''}`,
          )
          .join('; ')}.\n`,
      );
      printLighthouse(
        await runLighthouse(
          targets.map((p) => origin + p.url),
          Number.parseInt(values['lighthouse-runs'], 10),
        ),
      );
    } finally {
      await server.close();
    }
  }
}

await main();
