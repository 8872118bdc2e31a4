/**
 * Every page with JavaScript off (every figure's SVG, table, summary and downloads are there), and by
 * keyboard alone at 360 px and 1280 px (skip link first, a visible focus that nothing covers, every
 * tabbable element reached, Escape hides tooltips).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser } from '../helpers/browser.ts';
import { TabPool } from './lib/tabs.ts';
import { checkKeyboard, checkNoJs, describe as describeFailures } from './lib/checks.ts';

const pages = inject('sitePages');
let browser: Browser;
/** Reused tabs: one per check running at once (see lib/tabs.ts). */
let tabs: TabPool;

beforeAll(async () => {
  browser = await connectBrowser(inject('wsEndpoint'));
  tabs = new TabPool(browser);
});
afterAll(async () => {
  await tabs.close();
  await browser.close();
});

describe.concurrent('with JavaScript off', () => {
  it.each(pages)('%s shows every figure', async (url) => {
    const failures = await checkNoJs(tabs, url);
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});

describe.concurrent('by keyboard', () => {
  it.each(pages)('%s can be used with Tab and Escape', async (url) => {
    const failures = [...(await checkKeyboard(tabs, url, 360)), ...(await checkKeyboard(tabs, url, 1280))];
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});
