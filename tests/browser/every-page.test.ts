/**
 * Every page of the built site, in a real browser: HTTP 200, a strict CSP <meta>, no console error,
 * CSP violation, failed request or request to another host, axe (WCAG 2.0/2.1/2.2 A and AA) at
 * 360 px and 1280 px in light and dark, charts named and with a table that fit the viewport, no
 * horizontal scroll at 320 px. With `SCREENSHOTS=1`, writes a
 * screenshot of each page at each width and scheme.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/session.ts';
import { checkPage, describe as describeFailures } from '../support/page-checks.ts';
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

  it.each(pages)('%s passes the page checks', async (url) => {
    const failures = await checkPage(session.tabs, url, {
      origin: new URL(baseUrl).origin,
      screenshotsDir: inject('screenshotsDir') || undefined,
      slug: pageSlug(url, baseUrl),
    });
    expect(failures, `\n${describeFailures(failures)}\n`).toEqual([]);
  });
});
