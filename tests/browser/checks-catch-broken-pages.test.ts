/**
 * Tests of the checker itself: each gate must FAIL on a page built to break it, and a good page
 * must pass every gate. Fixture pages: tests/fixtures/broken-pages/ (see its README).
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/session.ts';
import { TabPool } from '../support/tabs.ts';
import {
  checkCspPolicy,
  checkKeyboard,
  checkNoJs,
  checkPage,
  sameDocuments,
  type Failure,
  type FailureKind,
} from '../support/page-checks.ts';
import { type HtmlProblem, runHtmlValidate, runNuChecker } from '../support/html-validity.ts';
import { checkLinks } from '../support/links.ts';
import { startStaticServer, type StaticServer } from '../support/server.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/broken-pages');
let server: StaticServer;
const session = useBrowserSession(inject('wsEndpoint'));
/** The Nu checker takes ~4 s to start, so it runs once over every fixture page. */
let nuProblems: HtmlProblem[] = [];
const nuFor = (name: string): string[] =>
  nuProblems.filter((p) => p.file === join(fixtures, name, 'index.html')).map((p) => p.message);
const url = (name: string): string => new URL(`${name}/`, server.baseUrl).href;
const pageChecks = (name: string): Promise<Failure[]> => checkPage(session.tabs, url(name), { origin: server.origin });
const kinds = (failures: Failure[]): FailureKind[] => [...new Set(failures.map((f) => f.kind))].sort();
const details = (failures: Failure[], kind: FailureKind): string =>
  failures
    .filter((f) => f.kind === kind)
    .map((f) => f.detail)
    .join('\n');

beforeAll(async () => {
  server = await startStaticServer(fixtures, '/fixture-base/');
  nuProblems = await runNuChecker(
    ['good', 'html-error', 'svg-font-variant'].map((name) => join(fixtures, name, 'index.html')),
  );
});
afterAll(async () => {
  await server.close();
});

describe.concurrent('the good fixture page', () => {
  it('passes the page checks (CSP, network, axe, charts, overflow)', async () => {
    expect(await pageChecks('good')).toEqual([]);
  });
  it('passes the no-JS and keyboard passes, and its chart has focusable marks and a tooltip', async () => {
    expect(await checkNoJs(session.tabs, url('good'))).toEqual([]);
    expect(await checkKeyboard(session.tabs, url('good'), 360)).toEqual([]);
    expect(await checkKeyboard(session.tabs, url('good'), 1280)).toEqual([]);
  });
  it('has no broken link and valid HTML', async () => {
    expect((await checkLinks([url('good')], server.origin)).broken).toEqual([]);
    const file = join(fixtures, 'good/index.html');
    expect(await runHtmlValidate([file])).toEqual([]);
    expect(nuFor('good')).toEqual([]);
  });
});

describe.concurrent('each broken fixture page fails its gate', () => {
  it('axe violation', async () => {
    const failures = await pageChecks('axe-violation');
    expect(kinds(failures)).toEqual(['axe']);
    expect(details(failures, 'axe')).toContain('color-contrast');
    // The pale grey fails on white at both widths; on the dark background it has enough contrast.
    expect(failures.map((f) => f.detail.slice(0, f.detail.indexOf(']') + 1)).sort()).toEqual([
      '[1280 px light]',
      '[360 px light]',
    ]);
  });

  it('axe violation in the dark scheme only (the colour rules run in dark)', async () => {
    const failures = await pageChecks('axe-dark-contrast');
    expect(kinds(failures)).toEqual(['axe']);
    expect(details(failures, 'axe')).toContain('color-contrast');
    expect(failures.map((f) => f.detail.slice(0, f.detail.indexOf(']') + 1)).sort()).toEqual([
      '[1280 px dark]',
      '[360 px dark]',
    ]);
  });

  it('touch targets that overlap as drawn, at both widths (every-page checks them on every page)', async () => {
    const failures = (await pageChecks('story-target-overlap')).filter((f) => f.kind === 'targets');
    expect(failures.map((f) => f.detail.slice(0, f.detail.indexOf(']') + 1)).sort()).toEqual(
      expect.arrayContaining(['[1280 px]', '[360 px]']),
    );
  });

  it('broken link, including a link outside the base path', async () => {
    const report = await checkLinks([url('broken-link')], server.origin);
    expect(report.broken.join('\n')).toContain('/fixture-base/missing-page/');
    expect(report.broken.join('\n')).toMatch(/404 http:\/\/127\.0\.0\.1:\d+\/outside-base\//);
  });

  it("the site's own absolute URLs are checked where they are served (a wrong base is broken)", async () => {
    // Every link of the good page, rewritten from the fixture base to a base the server does not have.
    const elsewhere = server.baseUrl.replace('/fixture-base/', '/elsewhere/');
    const report = await checkLinks([url('good')], server.origin, { from: server.baseUrl, to: elsewhere });
    expect(report.broken.join('\n')).toContain('404 http://127.0.0.1:');
    expect(report.broken.join('\n')).toContain('/elsewhere/good/');
  });

  it('HTML error, in both validators', async () => {
    const file = join(fixtures, 'html-error/index.html');
    const rules = (await runHtmlValidate([file])).map((p) => p.rule);
    expect(rules).toContain('no-dup-id');
    const nu = nuFor('html-error').join('\n');
    expect(nu).toMatch(/Duplicate ID/);
    expect(nu).toMatch(/Stray end tag/);
  });

  it("Plot's font-variant attribute, in the Nu checker", () => {
    expect(nuFor('svg-font-variant').join('\n')).toMatch(/“font-variant” on element “text”/);
  });

  it('CSP violation: an inline script and an inline style are blocked and reported', async () => {
    const failures = await pageChecks('csp-violation');
    expect(kinds(failures), JSON.stringify(failures)).toEqual(['csp-violation']);
    const text = details(failures, 'csp-violation');
    expect(text).toMatch(/script-src/);
    expect(text).toMatch(/style-src/);
  });

  it('weak CSP policy', async () => {
    const failures = await pageChecks('csp-weak');
    expect(kinds(failures)).toEqual(['csp-policy']);
    expect(details(failures, 'csp-policy')).toContain("'unsafe-inline'");
  });

  it('failed request (a missing image)', async () => {
    const failures = await pageChecks('failed-request');
    expect(kinds(failures)).toContain('response-error');
    expect(details(failures, 'response-error')).toMatch(/404 for .*\/failed-request\/missing\.png/);
  });

  it('request to another host', async () => {
    const failures = await pageChecks('other-host');
    expect(kinds(failures)).toContain('other-host');
    expect(details(failures, 'other-host')).toContain('http://127.0.0.2:9/pixel.png');
  });

  it('horizontal overflow at 320 px', async () => {
    const failures = await pageChecks('overflow');
    expect(kinds(failures)).toEqual(['overflow']);
    expect(details(failures, 'overflow')).toContain('div.too-wide');
  });

  it('chart without an accessible name or a table', async () => {
    const failures = await pageChecks('chart-unlabelled');
    expect(kinds(failures)).toEqual(['chart']);
    const text = details(failures, 'chart');
    expect(text).toContain('no accessible name');
    expect(text).toContain('no <table>');
  });

  it('chart drawn for a narrow column, stretched at 1280 px (its text nearly twice its size)', async () => {
    const failures = await pageChecks('chart-stretched');
    expect(kinds(failures)).toEqual(['chart']);
    // At 360 px the same chart is drawn 1.09 times its size: only the wide screen fails.
    expect(details(failures, 'chart')).toMatch(
      /^\[1280 px\] #chart-stretched <svg> is drawn 1\.87 times its own size \(300 units at 560 px, its text up to 24 px; at most 1\.25\)$/,
    );
  });

  it('figure that needs JavaScript (no-JS pass)', async () => {
    const text = details(await checkNoJs(session.tabs, url('nojs-hidden')), 'no-js');
    expect(text).toContain('is empty');
    expect(text).toContain('<table> hidden without JavaScript');
  });

  it('invisible focus and no skip link (keyboard pass)', async () => {
    const text = details(await checkKeyboard(session.tabs, url('focus-invisible'), 1280), 'keyboard');
    expect(text).toContain('expected a "skip" link');
    expect(text).toContain('no visible focus indicator');
  });

  it('focus hidden under a fixed bar (keyboard pass)', async () => {
    const text = details(await checkKeyboard(session.tabs, url('focus-covered'), 360), 'keyboard');
    expect(text).toMatch(/is hidden under <div class="cover-bar">/);
  });

  it('Escape that leaves the page instead of closing the tooltip (keyboard pass)', async () => {
    const text = details(await checkKeyboard(session.tabs, url('escape-leaves'), 1280), 'keyboard');
    expect(text).toMatch(/the keyboard left the page for .*\/fixture-base\/good\/ \(last keys: .*Escape on <rect/);
  });

  it('the keyboard walks inside the one page visit (every-page): the 360 px walk after the 1280 px checks still fails', async () => {
    const options = { origin: server.origin, keyboard: true };
    expect(await checkPage(session.tabs, url('good'), options)).toEqual([]);
    const covered = await checkPage(session.tabs, url('focus-covered'), options);
    expect(details(covered, 'keyboard')).toMatch(/\[360 px\] focused .* is hidden under <div class="cover-bar">/);
    const invisible = await checkPage(session.tabs, url('focus-invisible'), options);
    // Both walks start from the top: the first stop is checked at each width.
    expect(details(invisible, 'keyboard')).toMatch(/\[1280 px\] first Tab stop/);
    expect(details(invisible, 'keyboard')).toMatch(/\[360 px\] first Tab stop/);
  });

  it('a page checked as a copy of another (every-page, sameAs) that renders another document', async () => {
    const options = { origin: server.origin, keyboard: true, sameAs: url('good') };
    expect(await checkPage(session.tabs, url('good'), options)).toEqual([]);
    // focus-invisible fails the keyboard walk, which a copy leaves to its original: the copy check catches it.
    const other = await checkPage(session.tabs, url('focus-invisible'), options);
    expect(kinds(other)).toEqual(['same-document']);
  });

  it('tooltip that Escape does not close (keyboard pass)', async () => {
    const text = details(await checkKeyboard(session.tabs, url('tooltip-stuck'), 1280), 'keyboard');
    expect(text).toContain('Escape does not hide the tooltip');
  });
});

describe('reused tabs', () => {
  it('carry nothing from one check to the next: failures, colour scheme, viewport', async () => {
    const own = new TabPool(session.browser);
    try {
      // A page with a failed request, then a good page in the same tab: the good page passes.
      expect(kinds(await checkPage(own, url('failed-request'), { origin: server.origin }))).toContain('response-error');
      expect(await checkPage(own, url('good'), { origin: server.origin })).toEqual([]);
      expect(await checkKeyboard(own, url('good'), 1280)).toEqual([]);
      expect(own.opened).toBe(1);
      // A use that leaves the tab dark and narrow: the next use gets light and its own width.
      await own.use({ width: 1280 }, async ({ page }) => {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.setViewportSize({ width: 320, height: 500 });
      });
      await own.use({ width: 360 }, async ({ page }) => {
        expect(page.viewportSize()).toEqual({ width: 360, height: 800 });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
      });
      expect(own.opened).toBe(1);
      // A check that throws does not hand its tab back: the next use opens a new one.
      await expect(own.use({ width: 360 }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await own.use({ width: 360 }, () => Promise.resolve());
      expect(own.opened).toBe(2);
    } finally {
      await own.close();
    }
  });
});

describe('sameDocuments', () => {
  it('pairs files that differ only in the tags naming their own address, and nothing else', () => {
    const page = (path: string, body: string): string =>
      `<head><link rel="canonical" href="${path}"><meta property="og:url" content="${path}"><meta property="og:image" content="${path}.png"><meta name="twitter:image" content="${path}.png"><title>t</title></head><body>${body}</body>`;
    const files = new Map([
      ['b/', page('/b/', 'same')],
      ['a/', page('/a/', 'same')],
      ['c/', page('/c/', 'other')],
      ['d/', page('/d/', 'same').replace('<title>t', '<title>u')],
    ]);
    expect([...sameDocuments(files)]).toEqual([['b/', 'a/']]);
  });
});

describe('checkCspPolicy', () => {
  it("accepts the site's kind of policy", () => {
    expect(
      checkCspPolicy(
        "default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-AbC+/1='; style-src 'self' 'sha384-x='",
      ),
    ).toEqual([]);
  });
  it('rejects a missing or weak policy', () => {
    expect(checkCspPolicy(null)).toHaveLength(1);
    expect(checkCspPolicy('default-src *')).toEqual([
      'default-src is "*", expected "\'self\'"',
      'default-src allows *',
    ]);
    expect(checkCspPolicy("default-src 'self'; script-src 'self' 'unsafe-eval'").join()).toContain("'unsafe-eval'");
    expect(checkCspPolicy("default-src 'self'; style-src 'self' 'nonce-abc'").join()).toContain(
      "only 'self' and hashes",
    );
    expect(checkCspPolicy("img-src 'self'").join()).toContain('default-src');
  });
});
