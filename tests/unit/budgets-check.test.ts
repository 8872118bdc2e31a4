/**
 * The budget check itself, pointed at a fixture site (tests/fixtures/budgets/site/): a page within
 * budget passes, and each deliberately broken page fails with a message naming the page, the resource
 * and the figure. This is what proves that tests/build/performance-budgets.test.ts can fail.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGETS } from '../../budgets.config.ts';
import { checkBudgets, type BudgetResult } from '../../scripts/bench/budgets.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/budgets/site');

/** Deterministic noise (mulberry32), so the heavy payloads do not compress and are the same every run. */
function noise(
  seed: number,
  length: number,
  alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
): string {
  let a = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out += alphabet[((t ^ (t >>> 14)) >>> 0) % alphabet.length];
  }
  return out;
}

function pathData(seed: number, points: number): string {
  const digits = noise(seed, points * 6, '0123456789');
  const parts: string[] = [];
  for (let i = 0; i < points; i++)
    parts.push(`${i === 0 ? 'M' : 'L'}${digits.slice(i * 6, i * 6 + 3)} ${digits.slice(i * 6 + 3, i * 6 + 6)}`);
  return parts.join('');
}

let dir: string;
let result: BudgetResult;
const on = (page: string) => result.violations.filter((v) => v.page === page);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budget-fixture-'));
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, '_astro/Figure.heavy.js'), `export const payload = "${noise(1, 24_000)}";\n`);
  writeFileSync(join(dir, '_astro/heavy.css'), `.heavy::after { content: "${noise(2, 18_000)}"; }\n`);
  const html = join(dir, 'heavy/index.html');
  writeFileSync(html, readFileSync(html, 'utf8').replace('HEAVY-PATH', pathData(3, 40_000)));
  result = await checkBudgets(dir, { base: '/' });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the budget check on a fixture site', () => {
  test('finds every page, home first', () => {
    expect(result.report.pages.map((p) => p.page)).toEqual([
      'index.html',
      'blocking/index.html',
      'font/index.html',
      'heavy/index.html',
      'image/index.html',
      'missing/index.html',
      'third-party/index.html',
    ]);
  });

  test('passes a page within every budget, counting its requests and bytes', () => {
    expect(on('index.html')).toEqual([]);
    const home = result.report.pages[0]!;
    // HTML, site.css, favicon.svg (linked and as an <img>: one request), page.js, shared.js; lazy.js on demand.
    expect(home.requests).toBe(5);
    expect(home.lazyRequests).toBe(1);
    expect(home.assets.map((a) => `${a.file}${a.lazy ? ' (lazy)' : ''}`).sort()).toEqual([
      '_astro/lazy.js (lazy)',
      '_astro/page.js',
      '_astro/shared.js',
      '_astro/site.css',
      'favicon.svg',
    ]);
    // JS = three files plus the inline script; the JSON-LD block is data, not script.
    const files = ['page.js', 'shared.js', 'lazy.js'].map((f) => readFileSync(join(fixture, '_astro', f)).byteLength);
    const inline =
      "document.documentElement.dataset.ok = '1';".length + "document.documentElement.classList.add('js');".length;
    expect(home.js.raw).toBe(files.reduce((a, b) => a + b, 0) + inline);
    expect(home.html.raw).toBe(readFileSync(join(fixture, 'index.html')).byteLength);
    expect(home.svgs.map((s) => s.figure)).toEqual(['fig-ok']);
  });

  test('fails a page over the JS, CSS and HTML byte budgets, naming the resource and the figure', () => {
    const heavy = on('heavy/index.html');
    expect(heavy.map((v) => v.budget)).toEqual(['jsGzip', 'cssGzip', 'htmlGzip']);
    const [js, css, html] = heavy.map((v) => v.message);
    expect(js).toMatch(
      /^heavy\/index\.html: JS \d+\.\d KB gzip > 15\.0 KB budget \(largest: _astro\/Figure\.heavy\.js \d+\.\d KB\)$/,
    );
    expect(css).toMatch(/^heavy\/index\.html: CSS \d+\.\d KB gzip > 12\.0 KB budget \(largest: _astro\/heavy\.css /);
    expect(html).toMatch(
      /^heavy\/index\.html: HTML \d+\.\d KB gzip > 60\.0 KB budget \(largest: inline SVG heavy-chart \d+\.\d KB\)$/,
    );
    const page = result.report.pages.find((p) => p.page === 'heavy/index.html')!;
    expect(page.js.gzip).toBeGreaterThan(BUDGETS.jsGzip);
    expect(page.css.gzip).toBeGreaterThan(BUDGETS.cssGzip);
    expect(page.html.gzip).toBeGreaterThan(BUDGETS.htmlGzip);
  });

  test('fails a render-blocking script in the head, and inline head scripts over their byte budget', () => {
    expect(on('blocking/index.html').map((v) => v.message)).toEqual([
      'blocking/index.html: a render-blocking script in <head> (no type="module", defer or async): <script src="/_astro/shared.js">',
      expect.stringMatching(/^blocking\/index\.html: inline scripts in <head> \d{4} bytes > 1024 bytes budget/),
    ]);
    // The home page's short inline head script is allowed.
    expect(result.report.pages[0]!.inlineHeadScript).toBe("document.documentElement.classList.add('js');".length);
  });

  test('fails a web font, both the @font-face rule and the font file', () => {
    expect(on('font/index.html').map((v) => v.message)).toEqual([
      'font/index.html: an @font-face rule: /_astro/font.css',
      'font/index.html: a web font file: fonts/fixture.woff2',
    ]);
  });

  test('fails an image without width and height, naming its figure', () => {
    expect(on('image/index.html').map((v) => v.message)).toEqual([
      'image/index.html: an image without width and height attributes: <img src="/favicon.svg"> (figure fig-map)',
    ]);
  });

  test('fails a third-party request and a reference to a file not in the build', () => {
    expect(on('third-party/index.html').map((v) => v.message)).toEqual([
      'third-party/index.html: a third-party request: https://cdn.example.com/analytics.js',
    ]);
    expect(on('missing/index.html').map((v) => v.message)).toEqual([
      'missing/index.html: a reference to a file that is not in the build: /_astro/gone.css',
    ]);
  });

  test('resolves references under a base path, and reports the wrong base', async () => {
    const wrong = await checkBudgets(fixture, { base: '/repo/' });
    const home = wrong.violations.filter((v) => v.page === 'index.html').map((v) => v.message);
    expect(home).toContain(
      'index.html: a reference outside the base path /repo/ (built with a different BASE_PATH?): /_astro/site.css',
    );
  });
});
