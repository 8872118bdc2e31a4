/**
 * Runs once before the e2e test files: build the site under a non-root base path (see buildSite),
 * serve it on 127.0.0.1 (only under the base path), find its pages, and start ONE Chromium that every
 * test file connects to. Values reach the test files through vitest's `provide` / `inject`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser.ts';
import { discoverPages } from './discover.ts';
import { startStaticServer } from './server.ts';

export const E2E_BASE_PATH = '/worcestershire-community-safety/';
const root = resolve(import.meta.dirname, '../..');
const screenshotsDir = resolve(root, 'screenshots');

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. `http://127.0.0.1:40123/worcestershire-community-safety/` */
    siteBaseUrl: string;
    /** Absolute path of the built site that is being served. */
    siteDir: string;
    /** Every page URL of the site (see lib/discover.ts). */
    sitePages: string[];
    /** Chromium's WebSocket endpoint; connect with `connectBrowser`. */
    wsEndpoint: string;
    /** Where full-page screenshots go (git-ignored; CI keeps it as an artifact). */
    screenshotsDir: string;
  }
}

/** `npm run build` under the base path into `outDir`, with SITE set to the local server's origin. */
function buildSite(outDir: string, site: string): void {
  const build = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: E2E_BASE_PATH, SITE: site, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`The e2e build (BASE_PATH=${E2E_BASE_PATH}) failed:\n${build.stdout}\n${build.stderr}`);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  // Each run builds into its own `.dist-e2e-<pid>/` (git-ignored, like every `.dist-` folder) and
  // deletes it afterwards, so two runs in one working tree never serve each other's files.
  // `E2E_DIST=<folder>` checks an existing build instead, for quick local reruns (build it with
  // BASE_PATH=/worcestershire-community-safety/; absolute links to SITE are then not local).
  const reuse = process.env.E2E_DIST !== undefined && process.env.E2E_DIST !== '';
  const outDir = resolve(root, reuse ? (process.env.E2E_DIST as string) : `.dist-e2e-${process.pid}`);
  // The server starts first so the build can use its origin as SITE: absolute links to the site
  // itself then point at this build, and the link checker follows them.
  const server = await startStaticServer(outDir, E2E_BASE_PATH);
  try {
    if (!reuse) buildSite(outDir, server.origin);
    if (!existsSync(join(outDir, 'index.html'))) throw new Error(`No index.html in ${outDir}`);
  } catch (error) {
    await server.close();
    throw error;
  }
  // Empty the screenshots folder of old PNGs (file by file: another run may be writing there too).
  mkdirSync(screenshotsDir, { recursive: true });
  for (const file of readdirSync(screenshotsDir)) if (file.endsWith('.png')) rmSync(join(screenshotsDir, file), { force: true });

  const browser = await launchBrowserServer();
  const pages = await discoverPages(outDir, server.baseUrl);

  project.provide('siteBaseUrl', server.baseUrl);
  project.provide('siteDir', outDir);
  project.provide('sitePages', pages);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('screenshotsDir', screenshotsDir);
  console.log(`e2e: ${reuse ? 'reusing' : 'built'} ${outDir}, serving ${pages.length} page(s) at ${server.baseUrl} (setup ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  return async () => {
    await browser.close();
    await server.close();
    if (!reuse) rmSync(outDir, { recursive: true, force: true });
  };
}
