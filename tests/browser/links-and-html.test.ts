/**
 * The whole built site: zero broken links (pages, assets, downloads and #fragments, crawled over HTTP
 * under the base path), and every HTML file valid for html-validate and the Nu HTML checker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../support/discover.ts';
import { formatProblem, runHtmlValidate, runNuChecker } from '../support/html-validity.ts';
import { checkLinks } from '../support/links.ts';

const baseUrl = inject('siteBaseUrl');
const siteDir = inject('siteDir');
const htmlFiles = listFiles(siteDir)
  .filter((file) => file.endsWith('.html'))
  .map((file) => join(siteDir, file));

describe.concurrent('links', () => {
  it('has no broken link, image, stylesheet, download or fragment under the base path', async () => {
    // The build's own absolute base (SITE + base, from the home page's canonical link) is checked on
    // the local server (the shared build is made with SITE=https://example.org).
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(
      readFileSync(join(siteDir, 'index.html'), 'utf8'),
    )?.[1];
    const report = await checkLinks(
      [baseUrl, ...inject('sitePages')],
      new URL(baseUrl).origin,
      canonical === undefined ? undefined : { from: canonical, to: baseUrl },
    );
    expect(report.broken, `\n${report.broken.join('\n')}\n`).toEqual([]);
    // The crawl really ran: at least the home page and its stylesheet were fetched.
    expect(report.checked).toBeGreaterThan(1);
  });
});

describe.concurrent('HTML', () => {
  it('finds the built HTML files', () => {
    expect(htmlFiles).toContain(join(siteDir, 'index.html'));
  });

  it('every HTML file passes html-validate', async () => {
    const problems = await runHtmlValidate(htmlFiles);
    expect(
      problems.map((p) => formatProblem(p, siteDir)),
      'html-validate',
    ).toEqual([]);
  });

  it('every HTML file passes the Nu HTML checker', async () => {
    const problems = await runNuChecker(htmlFiles);
    expect(
      problems.map((p) => formatProblem(p, siteDir)),
      'Nu HTML checker',
    ).toEqual([]);
  });
});
