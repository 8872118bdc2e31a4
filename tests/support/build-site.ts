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
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { copyDataDir } from './fixtures.ts';

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

/** Build the whole site; returns the output folder. Throws with the build's output if it fails. */
export function buildSite(options: BuildOptions = {}): string {
  const out = options.outDir ?? join(mkdtempSync(join(tmpdir(), 'wcsn-site-')), 'dist');
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
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`The site build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return out;
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

/** Called by each global setup's teardown; the last one deletes the build and its data copy. */
export function releaseSharedSite(): void {
  shared.users -= 1;
  if (shared.users > 0 || !shared.site) return;
  rmSync(dirname(shared.site.siteDir), { recursive: true, force: true });
  rmSync(shared.site.dataDir, { recursive: true, force: true });
  delete shared.site;
}
