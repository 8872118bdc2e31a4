/**
 * Building the site for tests. `buildSite()` runs `scripts/build.ts` (validate, astro build, search
 * index, SHA256SUMS) into a fresh temporary folder, under the GitHub Pages base path by default.
 *
 * `sharedSite()` is the one production build the test run shares: the `build` and `browser`
 * projects' global setups both ask for it and the first one builds it, once per `vitest run`
 * (docs/testing.md). It is built from a copy of data/ in which one dataset's description carries a
 * script-injection payload, so every page check also shows no text in the data can break out of the
 * JSON-LD or the meta tags.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { withFictionalEdition } from './editions.ts';
import { copyProject } from '../../scripts/project-copy.ts';
import { copyDataDir, FIXTURES } from './fixtures.ts';
import { withSixFiles } from './six-files.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_SITE = 'https://example.org';
export const TEST_BASE = '/worcestershire-community-safety/';

/** The dataset whose description gets the payload in the shared build, and the payload. */
export const INJECTED_DATASET = 'staffing';
export const PAYLOAD = '</script><script>alert(1)</script><!-- & "quoted" \u2028';

export interface BuildOptions {
  /** Base path (default TEST_BASE). */
  base?: string;
  /** Origin for canonical and absolute URLs (default TEST_SITE). */
  site?: string;
  /** Data folder (default data/). */
  dataDir?: string;
  /** Output folder (default: a fresh temporary `…/dist`). */
  outDir?: string;
}

function buildEnv(out: string, options: BuildOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    OUT_DIR: out,
    SITE: options.site ?? TEST_SITE,
    BASE_PATH: options.base ?? TEST_BASE,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Vitest mirrors import.meta.env into process.env (BASE_URL=/, MODE=test, NODE_ENV=test…); a child
  // Astro build inheriting BASE_URL=/ would drop the base path from every link. Remove them.
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
  }
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  else delete env.DATA_DIR;
  return env;
}

const newOut = (): string => join(mkdtempSync(join(tmpdir(), 'wcsn-site-')), 'dist');

/**
 * Build the whole site; returns the output folder. Throws with the build's output if it fails. `tree`
 * is the project to build: the suite's builds each run in their own copy (scripts/project-copy.ts),
 * never in the working tree, whose `.astro/` the type check reads while the tests run (scripts/test.ts).
 */
export function buildSite(options: BuildOptions = {}, tree = ROOT): string {
  const out = options.outDir ?? newOut();
  const env = buildEnv(out, options);
  const run = spawnSync(process.execPath, [join(tree, 'scripts/build.ts')], { cwd: tree, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`The site build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return out;
}

/**
 * A build that runs in the background (of the global setup's process) while tests run; its result is
 * a file, `marker`, written when it ends: `{ "ok": true }` or `{ "ok": false, "output": "…" }`.
 * Test files wait for it with `awaitBuild`.
 */
export interface BackgroundBuild {
  out: string;
  marker: string;
}

/** Build in the background; `tree` is the project to build (default ROOT; a copy: project-copy.ts). */
function runInBackground(build: BackgroundBuild, options: BuildOptions, tree = ROOT): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(tree, 'scripts/build.ts')], {
      cwd: tree,
      env: buildEnv(build.out, options),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) => {
      running.delete(child);
      writeFileSync(
        build.marker,
        JSON.stringify(code === 0 ? { ok: true } : { ok: false, output: `exit ${code ?? signal}:\n${output}` }),
      );
      done();
    });
  });
}
const running = new Set<ReturnType<typeof spawn>>();

/** Wait (up to ten minutes) for a background build to end; throws with its output if it failed. */
export async function awaitBuild(build: BackgroundBuild): Promise<string> {
  const until = Date.now() + 600_000;
  while (!existsSync(build.marker)) {
    if (Date.now() > until) throw new Error(`the background build into ${build.out} did not end in ten minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const result = JSON.parse(readFileSync(build.marker, 'utf8')) as { ok: boolean; output?: string };
  if (!result.ok) throw new Error(`The site build failed (${build.out}): ${result.output ?? ''}`);
  return build.out;
}

export interface SharedSite {
  siteDir: string;
  dataDir: string;
  site: string;
  basePath: string;
  /** Seconds the build took. */
  seconds: number;
}

interface Shared {
  site?: SharedSite;
  /** The copies of the project the shared and extra builds ran in, removed at the end. */
  trees: string[];
  users: number;
  extra?: ExtraBuilds;
  extraDone?: Promise<void>;
}

/** The other builds the `variants` project checks, made in the background after the shared one. */
export interface ExtraBuilds {
  /** The same data and options again, in another copy: tests/variants/reproducible.test.ts compares it file by file. */
  again: BackgroundBuild;
  /**
   * ONE build of a copy of the project (scripts/project-copy.ts) carrying three variants, each read
   * by its own test: the six files of a new theme (six-files.test.ts, tests/support/six-files.ts),
   * the fictional second edition (fictional-edition.test.ts) and malicious labels appended to
   * bodies.csv (export-injection.test.ts). They touch different rows and files: the edition adds no
   * body, the new theme neither body nor edition row. `dataDir` is the copy's data/.
   */
  variant: BackgroundBuild & { dataDir: string; tree: string };
}

// Global setups run in the main process; projects may load this module separately, so the state
// lives on globalThis.
const shared: Shared = ((globalThis as { __wcsnSharedSite?: Shared }).__wcsnSharedSite ??= { users: 0, trees: [] });

/** The shared build (made on first call). Pair every call with `releaseSharedSite()`. */
export function sharedSite(): SharedSite {
  shared.users += 1;
  if (!shared.site) {
    const dataDir = copyDataDir(join(ROOT, 'data'));
    const metaFile = join(dataDir, `${INJECTED_DATASET}.meta.json`);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { description: string };
    meta.description = `${meta.description} ${PAYLOAD}`;
    writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
    const started = performance.now();
    const tree = copyProject(ROOT, 'wcsn-shared-');
    shared.trees.push(tree);
    const siteDir = buildSite({ dataDir }, tree);
    const seconds = (performance.now() - started) / 1000;
    shared.site = { siteDir, dataDir, site: TEST_SITE, basePath: TEST_BASE, seconds };
    console.log(`tests: built the shared site in ${seconds.toFixed(1)} s (${siteDir})`);
  }
  return shared.site;
}

/** A copy of the project with the three variants of `ExtraBuilds.variant` dropped in; returns it. */
function variantTree(): string {
  const tree = withSixFiles(copyProject(ROOT, 'wcsn-variant-'), ROOT);
  const dataDir = withFictionalEdition(join(tree, 'data'));
  const rows = readFileSync(join(FIXTURES, 'injection', 'bodies.csv'), 'utf8');
  const bodies = join(dataDir, 'bodies.csv');
  appendFileSync(
    bodies,
    `${readFileSync(bodies, 'utf8').endsWith('\n') ? '' : '\n'}${rows.slice(rows.indexOf('\n') + 1)}`,
  );
  return tree;
}

/**
 * Start (once) the reproducibility build and the variant build, one after the other, in the
 * background: they run while the unit and browser tests run, and the `variants` project, which
 * reads them, comes last (vitest.config.ts). Call after `sharedSite()`.
 */
export function startExtraBuilds(): ExtraBuilds {
  const site = shared.site;
  if (!site) throw new Error('startExtraBuilds() needs sharedSite() first');
  if (!shared.extra) {
    const again = newOut();
    // A clean build: its own copy of the project, with no cache of the shared build's.
    const againTree = copyProject(ROOT, 'wcsn-again-');
    const tree = variantTree();
    shared.trees.push(againTree, tree);
    const variantOut = newOut();
    const extra: ExtraBuilds = {
      again: { out: again, marker: join(dirname(again), 'done.json') },
      variant: { out: variantOut, marker: join(dirname(variantOut), 'done.json'), dataDir: join(tree, 'data'), tree },
    };
    const options = { base: site.basePath, site: site.site };
    shared.extra = extra;
    // One after the other: on two cores, two builds at once only slow the tests beside them.
    // The variant is built at the root path ('/'), as a contributor's snapshots are drawn (the six-file
    // figure's snapshot names its theme page's address), so the suite also builds the site both ways.
    shared.extraDone = runInBackground(extra.again, { ...options, dataDir: site.dataDir }, againTree).then(() =>
      runInBackground(extra.variant, { ...options, base: '/' }, tree),
    );
  }
  return shared.extra;
}

/** Called by each global setup's teardown; the last one deletes the builds and their data copies. */
export async function releaseSharedSite(): Promise<void> {
  shared.users -= 1;
  if (shared.users > 0 || !shared.site) return;
  if (shared.extra) {
    for (const child of running) child.kill('SIGTERM');
    await shared.extraDone;
    for (const build of [shared.extra.again, shared.extra.variant])
      rmSync(dirname(build.out), { recursive: true, force: true });
    delete shared.extra;
  }
  for (const tree of shared.trees.splice(0)) rmSync(tree, { recursive: true, force: true });
  rmSync(dirname(shared.site.siteDir), { recursive: true, force: true });
  rmSync(shared.site.dataDir, { recursive: true, force: true });
  delete shared.site;
}
