/**
 * Build the whole site with `scripts/build.ts` into a fresh temporary folder, as CI and GitHub Pages
 * do (under a project base path), optionally from another data folder. Returns the output folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_SITE = 'https://example.org';
export const TEST_BASE = '/worcestershire-community-safety/';

export function buildSite(options: { dataDir?: string } = {}): string {
  const out = join(mkdtempSync(join(tmpdir(), 'wcsn-site-')), 'dist');
  const env: Record<string, string | undefined> = { ...process.env, OUT_DIR: out, SITE: TEST_SITE, BASE_PATH: TEST_BASE, ASTRO_TELEMETRY_DISABLED: '1' };
  // Vitest workers mirror import.meta.env into process.env (BASE_URL=/, MODE=test, NODE_ENV=test…); a
  // child Astro build inheriting BASE_URL=/ would drop the base path from every link. Remove them.
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
  }
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  else delete env.DATA_DIR;
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`The site build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return out;
}
