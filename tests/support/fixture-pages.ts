/**
 * The set-up the story and explore browser suites share: the suite's browser and tab pool
 * (session.ts), the broken-page fixture server (tests/fixtures/broken-pages under `/fixture-base/`),
 * and `onPage()`, which opens a URL in a pooled tab (360 x 800 and light unless told; tabs.ts), runs a
 * check and gives the tab back. With `errors: true`, console errors and CSP violations fail the check;
 * with `neutralOutside: true`, requests to any other host are answered with a neutral page, so nothing
 * leaves the machine (the quick exit's outside address lands there).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { startStaticServer, type StaticServer } from './server.ts';
import { useBrowserSession } from './session.ts';
import { onPage as onPooledPage } from './tabs.ts';

export interface PageOptions {
  width?: number;
  scheme?: 'light' | 'dark';
  js?: boolean;
  /** Fail on console errors and CSP violations. */
  errors?: boolean;
  /** Answer requests to other hosts with a neutral page. */
  neutralOutside?: boolean;
}

export function useFixturePages() {
  const session = useBrowserSession(inject('wsEndpoint'));
  let fixtures: StaticServer;
  beforeAll(async () => {
    fixtures = await startStaticServer(resolve(import.meta.dirname, '../fixtures/broken-pages'), '/fixture-base/');
  });
  afterAll(async () => {
    await fixtures?.close();
  });

  function onPage<T>(url: string, run: (page: Page) => Promise<T>, options: PageOptions = {}): Promise<T> {
    return onPooledPage(session.tabs, url, run, {
      width: options.width ?? 360,
      scheme: options.scheme ?? 'light',
      javaScript: options.js ?? true,
      errors: options.errors ?? false,
      neutralOutside: options.neutralOutside ?? false,
    });
  }
  const fixture = (name: string) => new URL(`${name}/`, fixtures.baseUrl).href;
  return { onPage, fixture, session };
}
