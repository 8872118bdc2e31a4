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
import { copyDataDir, FIXTURES } from './fixtures.ts';

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

/** Build the whole site; returns the output folder. Throws with the build's output if it fails. */
export function buildSite(options: BuildOptions = {}): string {
  const out = options.outDir ?? newOut();
  const env = buildEnv(out, options);
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env, encoding: 'utf8' });
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

function runInBackground(build: BackgroundBuild, options: BuildOptions): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
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
  users: number;
  extra?: ExtraBuilds;
  extraDone?: Promise<void>;
}

/** The other builds the build project checks, made in the background after the shared one. */
export interface ExtraBuilds {
  /** The same data and options again: tests/build/reproducible.test.ts compares it file by file. */
  again: BackgroundBuild;
  /**
   * The data plus malicious labels (tests/build/export-injection.test.ts) and plus the fictional second
   * edition (tests/build/fictional-edition.test.ts): ONE build, the same object under both names.
   */
  injection: BackgroundBuild & { dataDir: string };
  edition: BackgroundBuild & { dataDir: string };
}

// Global setups run in the main process; projects may load this module separately, so the state
// lives on globalThis.
const shared: Shared = ((globalThis as { __wcsnSharedSite?: Shared }).__wcsnSharedSite ??= { users: 0 });

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
    const siteDir = buildSite({ dataDir });
    const seconds = (performance.now() - started) / 1000;
    shared.site = { siteDir, dataDir, site: TEST_SITE, basePath: TEST_BASE, seconds };
    console.log(`tests: built the shared site in ${seconds.toFixed(1)} s (${siteDir})`);
  }
  return shared.site;
}

/**
 * Start (once) the reproducibility build and the variant build (injection rows and the fictional
 * edition), one after the other, in the background: they run beside the unit tests instead of after them. Call after `sharedSite()`.
 */
export function startExtraBuilds(): ExtraBuilds {
  const site = shared.site;
  if (!site) throw new Error('startExtraBuilds() needs sharedSite() first');
  if (!shared.extra) {
    const again = newOut();
    // One build carries both variants: the fictional edition and the injection rows touch different
    // files (bodies.csv holds no edition rows), and each test reads only its own part of the output.
    const variantOut = newOut();
    const variantData = withFictionalEdition(copyDataDir(join(ROOT, 'data')));
    const rows = readFileSync(join(FIXTURES, 'injection', 'bodies.csv'), 'utf8');
    const bodies = join(variantData, 'bodies.csv');
    appendFileSync(
      bodies,
      `${readFileSync(bodies, 'utf8').endsWith('\n') ? '' : '\n'}${rows.slice(rows.indexOf('\n') + 1)}`,
    );
    const variant = { out: variantOut, marker: join(dirname(variantOut), 'done.json'), dataDir: variantData };
    const extra: ExtraBuilds = {
      again: { out: again, marker: join(dirname(again), 'done.json') },
      injection: variant,
      edition: variant,
    };
    const options = { base: site.basePath, site: site.site, dataDir: site.dataDir };
    shared.extra = extra;
    // One after the other: builds in one tree share Astro's .astro/ folder.
    shared.extraDone = runInBackground(extra.again, options).then(() =>
      runInBackground(variant, { ...options, dataDir: variantData }),
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
    for (const build of [shared.extra.again, shared.extra.injection, shared.extra.edition])
      rmSync(dirname(build.out), { recursive: true, force: true });
    rmSync(shared.extra.injection.dataDir, { recursive: true, force: true });
    rmSync(shared.extra.edition.dataDir, { recursive: true, force: true });
    delete shared.extra;
  }
  rmSync(dirname(shared.site.siteDir), { recursive: true, force: true });
  rmSync(shared.site.dataDir, { recursive: true, force: true });
  delete shared.site;
}
