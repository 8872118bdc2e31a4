/**
 * Issue #27, class 1, second layer: a theme page carrying a payload is refused by the content check,
 * and if it were forced past the check, the page's Content Security Policy stops it in a real browser.
 * The policy is the site's: the directives in astro.config.mjs, plus the `script-src` and `style-src`
 * Astro adds (`'self'` and hashes of its own inline blocks, never `'unsafe-inline'`). The payload is the
 * HTML such a page would render to. A control run without the policy proves the payload is live.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanMdx } from '../../src/validate/scan-mdx.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { CHROMIUM_PATH } from '../support/browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The payload as a writer would put it in MDX. Each part that runs appends its name to <body data-pwned>. */
const PAYLOAD_MDX = [
  '<script>{`document.body.dataset.pwned += " script"`}</script>',
  '<img src="missing.png" onerror="document.body.dataset.pwned += \' onerror\'" />',
  '[Read more](javascript:void(document.body.dataset.pwned+=location.hash))',
  '<div style="position:fixed;inset:0;background:red" id="cover" />',
  '<iframe srcdoc="<script>parent.document.body.dataset.pwned += \' iframe\'</script>" />',
].join('\n\n');

/** What it would render to, had it been published. */
const PAYLOAD_HTML = `
<script>document.body.dataset.pwned += " script"</script>
<img src="missing.png" onerror="document.body.dataset.pwned += ' onerror'">
<a id="link" href="javascript:void(document.body.dataset.pwned += ' link')">Read more</a>
<div style="position:fixed;inset:0;background:red" id="cover"></div>
<iframe srcdoc="<script>parent.document.body.dataset.pwned += ' iframe'</script>"></iframe>`;

/** The site's policy: astro.config.mjs's directives and what Astro adds. */
function sitePolicy(): string {
  const config = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
  const block = /csp:\s*\{\s*directives:\s*\[([\s\S]*?)\]/.exec(config)?.[1] ?? '';
  const directives = [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  expect(directives).toContain("default-src 'self'");
  expect(directives.join(';')).not.toContain('unsafe-inline');
  return [...directives, "script-src 'self'", "style-src 'self'"].join('; ');
}

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  const policy = sitePolicy();
  server = createServer((req, res) => {
    const withPolicy = req.url?.startsWith('/with-csp');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="en"><head><title>Payload</title>${withPolicy ? `<meta http-equiv="content-security-policy" content="${policy.replaceAll('"', '&quot;')}">` : ''}</head><body><main>${PAYLOAD_HTML}</main></body></html>`,
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** Load the page, click the javascript: link, and say what ran. */
async function run(path: string): Promise<{ pwned: string[]; violations: string[]; coverStyled: boolean }> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.violatedDirective));
  });
  await page.goto(`${base}${path}`);
  await page.evaluate(() => document.getElementById('link')?.click());
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => {
    const cover = document.getElementById('cover');
    return {
      pwned: (document.body.dataset.pwned ?? '').split(' ').filter((x) => x && x !== 'undefined'),
      violations: (window as unknown as { violations: string[] }).violations,
      coverStyled: cover ? getComputedStyle(cover).position === 'fixed' : false,
    };
  });
  await page.close();
  return result;
}

describe('a page with a payload', () => {
  it('does not pass the content check', () => {
    const catalog = loadCatalog(join(ROOT, 'data'), DATASET_SCHEMAS);
    const problems = scanMdx(`---\ntitle: Payload\n---\n\n${PAYLOAD_MDX}\n`, 'payload.mdx', catalog).problems;
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^5: expected no raw HTML \(allowed HTML elements: none\), found <script>/),
      expect.stringMatching(/^5: expected no \{…\} expressions/),
      expect.stringMatching(/^7: expected no raw HTML .*found <img>/),
      expect.stringMatching(
        /^9: expected a link to https:, http:, mailto: or a #fragment, found the javascript: address/,
      ),
      expect.stringMatching(/^11: expected no raw HTML .*found <div>/),
      expect.stringMatching(/^13: expected no raw HTML .*found <iframe>/),
    ]);
  });

  it("runs nothing in Chromium under the site's CSP, though it runs without it", { timeout: 60_000 }, async () => {
    const open = await run('/without-csp');
    expect(open.pwned.length, 'the control: without a policy the payload runs').toBeGreaterThanOrEqual(2);
    expect(open.coverStyled).toBe(true);

    const guarded = await run('/with-csp');
    expect(guarded.pwned).toEqual([]);
    expect(guarded.coverStyled).toBe(false);
    expect(new Set(guarded.violations)).toEqual(new Set(['script-src-elem', 'script-src-attr', 'style-src-attr']));
  });
});
