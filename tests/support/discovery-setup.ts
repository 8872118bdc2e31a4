/**
 * Runs once before the discovery tests: builds the whole site as GitHub Pages serves it (under
 * `/worcestershire-community-safety/`, SITE https://example.org) from a copy of data/ in which one
 * dataset's description carries a script-injection payload, and serves the build. The payload shows
 * that no text in the data can break out of the JSON-LD or the meta tags of the real pages. Starts
 * one Chromium that the test files share.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT, TEST_BASE, TEST_SITE } from './build-site.ts';
import { copyDataDir } from './fixtures.ts';
import { launchBrowserServer } from './browser.ts';
import { startStaticServer } from './server.ts';

/** The dataset whose description gets the payload, and the payload. */
export const INJECTED_DATASET = 'staffing';
export const PAYLOAD = '</script><script>alert(1)</script><!-- & "quoted" \u2028';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBaseUrl: string;
    site: string;
    basePath: string;
    /** Chromium's WebSocket endpoint: the test files share one browser (connect with connectBrowser). */
    wsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const data = copyDataDir(join(ROOT, 'data'));
  const metaFile = join(data, `${INJECTED_DATASET}.meta.json`);
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { description: string };
  meta.description = `${meta.description} ${PAYLOAD}`;
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  const started = performance.now();
  let dist: string;
  try {
    dist = buildSite({ dataDir: data });
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  console.log(`discovery tests: site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const server = await startStaticServer(dist, TEST_BASE);
  const browser = await launchBrowserServer();
  project.provide('siteDir', dist);
  project.provide('siteBaseUrl', server.baseUrl);
  project.provide('site', TEST_SITE);
  project.provide('basePath', TEST_BASE);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
    rmSync(dirname(dist), { recursive: true, force: true });
  };
}
