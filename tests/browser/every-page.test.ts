/**
 * Every page of the built site, in a real browser, in ONE visit with JavaScript on: HTTP 200, a
 * strict CSP <meta>, no console error, CSP violation, failed request or request to another host,
 * axe (WCAG 2.0/2.1/2.2 A and AA) at 360 px and 1280 px in light and its colour rules in dark, charts
 * named and with a table that fit the viewport, the keyboard walk at 1280 px and 360 px (skip link
 * first, a visible focus that nothing covers, every tabbable element reached, Escape hides tooltips),
 * no horizontal scroll at 320 px. And once with JavaScript off (every figure's SVG, table, summary
 * and downloads are there). With `SCREENSHOTS=1`, writes a screenshot of each page at each width and
 * scheme. docs/testing.md says where each check runs and why that is enough.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/session.ts';
import { checkNoJs, checkPage, describe as describeFailures } from '../support/page-checks.ts';
import { pageSlug } from '../support/discover.ts';

const baseUrl = inject('siteBaseUrl');
const pages = inject('sitePages');
const session = useBrowserSession(inject('wsEndpoint'));

describe.concurrent('every page', () => {
  it('is served under the base path and found by discovery', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages).toContain(baseUrl);
    for (const page of pages) expect(page.startsWith(baseUrl)).toBe(true);
  });

  it.each(pages)(
    '%s passes the page checks and can be used with Tab and Escape',
    async (url) => {
      const failures = await checkPage(session.tabs, url, {
        origin: new URL(baseUrl).origin,
        screenshotsDir: inject('screenshotsDir') || undefined,
        slug: pageSlug(url, baseUrl),
        keyboard: true,
      });
      expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
    },
    300_000,
  );
});

describe.concurrent('with JavaScript off', () => {
  it.each(pages)('%s shows every figure', async (url) => {
    const failures = await checkNoJs(session.tabs, url);
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});
