/**
 * Global setup of the `browser` project: the shared production build (tests/support/build-site.ts),
 * served on 127.0.0.1 (only under the base path), its pages found, and ONE Chromium that every test
 * file connects to. Values reach the test files through vitest's `provide` / `inject`.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser.ts';
import { releaseSharedSite, ROOT, sharedSite } from './build-site.ts';
import { discoverPages } from './discover.ts';
import { startStaticServer } from './server.ts';

const screenshotsDir = resolve(ROOT, 'screenshots');

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. `http://127.0.0.1:40123/worcestershire-community-safety/` */
    siteBaseUrl: string;
    /** Every page URL of the site (see discover.ts). */
    sitePages: string[];
    /** Chromium's WebSocket endpoint; connect with `connectBrowser`. */
    wsEndpoint: string;
    /**
     * Where full-page screenshots go (git-ignored; CI keeps it as an artifact), or '' when they are
     * not asked for: `SCREENSHOTS=1 npm test`. A screenshot asserts nothing; it is for a person.
     */
    screenshotsDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const built = sharedSite();
  const server = await startStaticServer(built.siteDir, built.basePath);
  const screenshots = process.env.SCREENSHOTS === '1';
  // Empty the screenshots folder of old PNGs (file by file: another run may be writing there too).
  if (screenshots) {
    mkdirSync(screenshotsDir, { recursive: true });
    for (const file of readdirSync(screenshotsDir))
      if (file.endsWith('.png')) rmSync(join(screenshotsDir, file), { force: true });
  }

  const browser = await launchBrowserServer();
  const pages = await discoverPages(built.siteDir, server.baseUrl);

  project.provide('siteDir', built.siteDir);
  project.provide('dataDir', built.dataDir);
  project.provide('site', built.site);
  project.provide('basePath', built.basePath);
  project.provide('siteBaseUrl', server.baseUrl);
  project.provide('sitePages', pages);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('screenshotsDir', screenshots ? screenshotsDir : '');
  console.log(
    `browser tests: serving ${pages.length} page(s) of ${built.siteDir} at ${server.baseUrl} (setup ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  return async () => {
    await browser.close();
    await server.close();
    await releaseSharedSite();
  };
}
