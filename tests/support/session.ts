/**
 * A test file's share of the suite's browser: connects to the one Chromium the global setup started
 * before the file's tests, opens a pool of reusable tabs (tabs.ts), and closes both after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { connectBrowser } from './browser.ts';
import { TabPool } from './tabs.ts';

export interface BrowserSession {
  /** Set before the file's tests run. */
  browser: Browser;
  /** Reused tabs: one per check running at once. */
  tabs: TabPool;
}

/** Call at the top level of a test file; the fields are set once its `beforeAll` has run. */
export function useBrowserSession(wsEndpoint: string): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.browser = await connectBrowser(wsEndpoint);
    session.tabs = new TabPool(session.browser);
  });
  afterAll(async () => {
    await session.tabs?.close();
    await session.browser?.close();
  });
  return session;
}
