/**
 * Every page with JavaScript off (every figure's SVG, table, summary and downloads are there), and by
 * keyboard alone at 360 px and 1280 px (skip link first, a visible focus that nothing covers, every
 * tabbable element reached, Escape hides tooltips).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser } from './lib/browser.ts';
import { checkKeyboard, checkNoJs, describe as describeFailures } from './lib/checks.ts';

const pages = inject('sitePages');
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser(inject('wsEndpoint'));
});
afterAll(async () => {
  await browser.close();
});

describe.concurrent('with JavaScript off', () => {
  it.each(pages)('%s shows every figure', async (url) => {
    const failures = await checkNoJs(browser, url);
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});

describe.concurrent('by keyboard', () => {
  it.each(pages)('%s can be used with Tab and Escape', async (url) => {
    const failures = [...(await checkKeyboard(browser, url, 360)), ...(await checkKeyboard(browser, url, 1280))];
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});
