/**
 * The set-up the story and explore browser suites share: the suite's browser, the broken-page fixture
 * server (tests/fixtures/broken-pages under `/fixture-base/`), and `onPage()`, which opens a URL in a
 * fresh context (360 x 800 and light unless told), runs a check and closes the context. Requests to
 * any other host are answered with a neutral page, so nothing leaves the machine (the quick exit's
 * outside address lands there). With `errors: true`, console errors and CSP violations fail the check.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { connectBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './server.ts';

export interface PageOptions {
  width?: number;
  scheme?: 'light' | 'dark';
  js?: boolean;
  /** Fail on console errors and CSP violations. */
  errors?: boolean;
}

export function useFixturePages() {
  let browser: Browser;
  let fixtures: StaticServer;
  beforeAll(async () => {
    browser = await connectBrowser(inject('wsEndpoint'));
    fixtures = await startStaticServer(resolve(import.meta.dirname, '../fixtures/broken-pages'), '/fixture-base/');
  });
  afterAll(async () => {
    await fixtures?.close();
    await browser?.close();
  });

  async function onPage<T>(url: string, run: (page: Page) => Promise<T>, options: PageOptions = {}): Promise<T> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 360, height: 800 },
      colorScheme: options.scheme ?? 'light',
      javaScriptEnabled: options.js ?? true,
    });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Neutral</title><p>Neutral page</p>',
      }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      const result = await run(page);
      if (options.errors) expect(errors, 'console errors or CSP violations').toEqual([]);
      return result;
    } finally {
      await context.close();
    }
  }
  const fixture = (name: string) => new URL(`${name}/`, fixtures.baseUrl).href;
  return { onPage, fixture };
}
