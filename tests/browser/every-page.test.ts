/**
 * Every page of the built site, in a real browser, in ONE visit with JavaScript on: HTTP 200, a
 * strict CSP <meta>, no console error, CSP violation, failed request or request to another host,
 * axe (WCAG 2.0/2.1/2.2 A and AA) at 360 px and 1280 px in light and its colour rules in dark, charts
 * named and with a table that fit the viewport, the keyboard walk at 1280 px and 360 px (skip link
 * first, a visible focus that nothing covers, every tabbable element reached, Escape hides tooltips),
 * no horizontal scroll at 320 px. And once with JavaScript off (every figure's SVG, table, summary
 * and downloads are there). With `SCREENSHOTS=1`, writes a screenshot of each page at each width and
 * scheme. A page whose HTML is another page's but for the tags naming its own address (the first
 * report's page and /source/, its old address) must render the same document as that page, and then
 * gets axe and the keyboard walks once, through that page (page-checks.ts `sameAs`). docs/testing.md says
 * where each check runs and why that is enough.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/session.ts';
import { checkNoJs, checkPage, describe as describeFailures, sameDocuments } from '../support/page-checks.ts';
import { pageSlug } from '../support/discover.ts';

const baseUrl = inject('siteBaseUrl');
const pages = inject('sitePages');
const session = useBrowserSession(inject('wsEndpoint'));
/** The built file a page URL is served from. */
const fileOf = (url: string): string => {
  const path = url.slice(baseUrl.length);
  return join(inject('siteDir'), path === '' || path.endsWith('/') ? `${path}index.html` : path);
};
/**
 * The pages, largest built file first: four run at a time, and the longest checks (the figures index
 * and the report page, 20-30 s each) started last kept one page running alone at the end (issue #26).
 */
const largestFirst = [...pages].sort(
  (a, b) =>
    (existsSync(fileOf(b)) ? statSync(fileOf(b)).size : 0) - (existsSync(fileOf(a)) ? statSync(fileOf(a)).size : 0) ||
    a.localeCompare(b),
);
const copies = sameDocuments(
  new Map(pages.filter((url) => existsSync(fileOf(url))).map((url) => [url, readFileSync(fileOf(url), 'utf8')])),
);

describe.concurrent('every page', () => {
  it('is served under the base path and found by discovery', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages).toContain(baseUrl);
    for (const page of pages) expect(page.startsWith(baseUrl)).toBe(true);
    // Only the first report's page and the old /source/ address are one document; a new pair is named here.
    expect([...copies].map(([copy, of]) => [copy.slice(baseUrl.length), of.slice(baseUrl.length)])).toEqual([
      ['sources/community-safety-overview-2018/', 'source/'],
    ]);
  });

  it.each(largestFirst)(
    '%s passes the page checks and can be used with Tab and Escape',
    async (url) => {
      const failures = await checkPage(session.tabs, url, {
        origin: new URL(baseUrl).origin,
        screenshotsDir: inject('screenshotsDir') || undefined,
        slug: pageSlug(url, baseUrl),
        keyboard: true,
        sameAs: copies.get(url),
      });
      expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
    },
    300_000,
  );

  // In the same concurrent block, so the short JavaScript-off visits fill the end of the long ones.
  it.each(largestFirst)('%s shows every figure with JavaScript off', async (url) => {
    const failures = await checkNoJs(session.tabs, url);
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});
