/**
 * What search engines, dataset search and link previews read, on every page of the built site:
 * JSON-LD that parses and validates against the schema.org types it claims (and keeps a script
 * payload from the data inside the JSON), Open Graph and X/Twitter meta with each page's own
 * 1200 x 630 card, canonical URLs, the sitemap and robots.txt, all under SITE + base path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { sitePages } from '../../src/discovery/pages.ts';
import { cardSlug } from '../../src/lib/seo.ts';
import { articleSchema, datasetSchema, jsonLdSchema } from '../support/schema-org.ts';
import { readThemes } from '../support/themes.ts';
import { useBrowserSession } from '../support/session.ts';
import { openPage } from '../support/tabs.ts';
import { INJECTED_DATASET, PAYLOAD } from '../support/build-site.ts';

const dist = inject('siteDir');
const baseUrl = inject('siteBaseUrl');
const site = inject('site');
const basePath = inject('basePath');
/** Absolute URL of the site root: SITE + base path. */
const root = new URL(basePath, site).href;

const htmlFiles = (readdirSync(dist, { recursive: true }) as string[])
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('.html'))
  .sort();
const doc = (file: string) => parseHTML(readFileSync(join(dist, file), 'utf8')).document;
/** The site path of a built file: `themes/x/index.html` -> `themes/x`, `404.html` -> `404`. */
const pathOf = (file: string) => file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
/** The file in the build that an absolute URL under SITE + base names. */
function fileOf(url: string): string {
  expect(url.startsWith(root), `${url} is under ${root}`).toBe(true);
  const rest = decodeURIComponent(url.slice(root.length).replace(/#.*$/, ''));
  return join(dist, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
}
function jsonLdBlocks(file: string): unknown[] {
  return [...doc(file).querySelectorAll('script[type="application/ld+json"]')].map((s) =>
    JSON.parse(s.textContent ?? ''),
  );
}
const meta = (d: Document, key: string) =>
  d.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;

describe('JSON-LD', () => {
  const datasetPages = htmlFiles.filter((f) => /^data\/(?!changelog\/)[^/]+\/index\.html$/.test(f));
  const themePages = htmlFiles.filter((f) => /^themes\/[^/]+\/index\.html$/.test(f));

  it('is on every dataset and theme page', () => {
    expect(datasetPages.length).toBeGreaterThanOrEqual(10);
    expect(themePages.length).toBeGreaterThanOrEqual(9);
  });

  it.each(htmlFiles)('%s: every block parses and validates against the type it claims', (file) => {
    for (const block of jsonLdBlocks(file)) {
      const result = jsonLdSchema.safeParse(block);
      expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), file).toEqual(
        [],
      );
    }
  });

  it.each(datasetPages)('%s: a Dataset for this page, whose downloads exist', (file) => {
    const blocks = jsonLdBlocks(file).filter((b) => (b as { '@type': string })['@type'] === 'Dataset');
    expect(blocks).toHaveLength(1);
    const ld = datasetSchema.parse(blocks[0]);
    expect(ld.url).toBe(new URL(file.replace(/index\.html$/, ''), root).href);
    for (const d of ld.distribution) expect(existsSync(fileOf(d.contentUrl)), d.contentUrl).toBe(true);
  });

  it.each(themePages)('%s: an Article for this page, whose image exists', (file) => {
    const blocks = jsonLdBlocks(file).filter((b) => (b as { '@type': string })['@type'] === 'Article');
    expect(blocks).toHaveLength(1);
    const ld = articleSchema.parse(blocks[0]);
    expect(ld.url).toBe(new URL(file.replace(/index\.html$/, ''), root).href);
    for (const img of ld.image) expect(existsSync(fileOf(img)), img).toBe(true);
  });

  it('keeps a script payload in the data inside the JSON', () => {
    const file = `data/${INJECTED_DATASET}/index.html`;
    const d = doc(file);
    const block = d.querySelector('script[type="application/ld+json"]');
    expect(block?.textContent).not.toMatch(/[<>]/);
    const ld = datasetSchema.parse(JSON.parse(block?.textContent ?? ''));
    expect(ld.description).toContain(PAYLOAD);
    // No script element other than the page's own: the payload created none.
    const scripts = [...d.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? 'classic');
    const clean = [...doc('data/hate-crime/index.html').querySelectorAll('script')].map(
      (s) => s.getAttribute('type') ?? 'classic',
    );
    expect(scripts).toEqual(clean);
    expect(meta(d, 'og:description')).toContain(PAYLOAD.split('\u2028')[0]);
  });
});

describe('in Chromium', () => {
  const session = useBrowserSession(inject('wsEndpoint'));

  it.each([`data/${INJECTED_DATASET}/`, 'themes/hate-crime/'])(
    '%s: JSON-LD runs nothing and breaks no CSP rule',
    async (path) => {
      const w = await openPage(session.tabs, `${baseUrl}${path}`, { width: 1280 });
      await w.page.waitForLoadState('networkidle');
      const parsed = await w.page.$$eval('script[type="application/ld+json"]', (els) =>
        els.map((e) => JSON.parse(e.textContent ?? '') as { '@type': string }),
      );
      expect(parsed.map((p) => p['@type'])).toEqual([path.startsWith('data/') ? 'Dataset' : 'Article']);
      expect(w.problems()).toEqual([]);
      await w.close();
    },
  );
});

describe('social meta and cards', () => {
  const pages = sitePages(readThemes());
  const known = new Set(pages.map((p) => p.path));

  it('every built page is a known site page (so it has a card)', () => {
    expect(htmlFiles.map(pathOf).filter((p) => !known.has(p))).toEqual([]);
  });

  it.each(htmlFiles)('%s: Open Graph and Twitter meta, with its own 1200 x 630 card', (file) => {
    const d = doc(file);
    const path = pathOf(file);
    for (const key of [
      'og:type',
      'og:title',
      'og:description',
      'og:url',
      'og:image',
      'og:image:alt',
      'twitter:card',
      'twitter:title',
      'twitter:description',
      'twitter:image',
    ]) {
      expect(meta(d, key), `${file}: ${key}`).toBeTruthy();
    }
    expect(meta(d, 'twitter:card')).toBe('summary_large_image');
    const image = meta(d, 'og:image')!;
    expect(image).toBe(new URL(`cards/${cardSlug(path)}.png`, root).href);
    expect(meta(d, 'twitter:image')).toBe(image);
    const png = readFileSync(fileOf(image));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(meta(d, 'og:image:width')).toBe('1200');
    expect(meta(d, 'og:image:height')).toBe('630');
    expect(meta(d, 'og:title')).toBe(d.querySelector('title')?.textContent);
  });

  it('no two pages share a card', () => {
    const images = htmlFiles.map((f) => meta(doc(f), 'og:image'));
    expect(new Set(images).size).toBe(htmlFiles.length);
  });

  it('each theme card shows the finding the page shows first: in its lead chart, or its first key figure', () => {
    for (const p of pages.filter((x) => x.kind === 'theme')) {
      const page = doc(`${p.path}/index.html`);
      const lead = page.querySelector('main figure.figure svg')?.textContent ?? '';
      const first = page.querySelector('.key-figure');
      const value = p.card.figure?.value ?? '?';
      if (lead.includes(value)) continue;
      expect(first?.querySelector('.key-figure__value')?.textContent?.trim(), p.path).toBe(value);
      expect(
        first
          ?.querySelector('.key-figure__label')
          ?.textContent?.trim()
          .startsWith(p.card.figure?.label ?? '?'),
        p.path,
      ).toBe(true);
    }
  });

  it('theme pages are articles, other pages websites', () => {
    expect(meta(doc('themes/hate-crime/index.html'), 'og:type')).toBe('article');
    expect(meta(doc('index.html'), 'og:type')).toBe('website');
  });
});

describe('canonical URLs, sitemap and robots.txt', () => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

  it.each(htmlFiles.filter((f) => !/^(404\.html|embed\/)/.test(f)))(
    '%s: canonical is SITE + base + its path',
    (file) => {
      const canonical = doc(file).querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical).toBe(new URL(file.replace(/index\.html$/, ''), root).href);
      expect(meta(doc(file), 'og:url')).toBe(canonical);
    },
  );

  it('the 404 page has none; an embed, full or compact, points at its theme page (og:url too)', () => {
    expect(doc('404.html').querySelector('link[rel="canonical"]')).toBeNull();
    const theme = new URL('themes/hate-crime/', root).href;
    for (const file of ['embed/hate-crime-trend/index.html', 'embed/compact/hate-crime-trend/index.html']) {
      expect(doc(file).querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toBe(theme);
      expect(meta(doc(file), 'og:url'), file).toBe(theme);
    }
  });

  it('the sitemap lists every content page by its canonical URL, and nothing else', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    const maps = locs(index);
    expect(maps.length).toBeGreaterThan(0);
    const urls = maps.flatMap((m) => locs(readFileSync(fileOf(m), 'utf8')));
    for (const url of urls) {
      const file = fileOf(url);
      expect(existsSync(file), url).toBe(true);
      expect(
        doc(file.slice(dist.length + 1))
          .querySelector('link[rel="canonical"]')
          ?.getAttribute('href'),
      ).toBe(url);
    }
    const expected = htmlFiles
      .filter((f) => !/^(404\.html|embed\/|search\/)/.test(f))
      .map((f) => new URL(f.replace(/index\.html$/, ''), root).href);
    expect([...urls].sort()).toEqual(expected.sort());
  });

  it('robots.txt allows crawling and names the sitemap by its absolute URL', () => {
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    expect(robots).toContain(`Sitemap: ${root}sitemap-index.xml`);
  });
});
