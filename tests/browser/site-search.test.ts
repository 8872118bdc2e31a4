/**
 * Site search in Chromium, on the site built and served under the GitHub Pages base path:
 * a word from a theme page's prose finds that page, a column name finds its dataset, a glossary term
 * finds its entry; the index loads only once the reader starts to search; no CSP violation, console
 * error or failed request; keyboard and screen-reader basics; and without JavaScript the page lists
 * every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXCLUDED, INDEXED } from '../../scripts/search-index.ts';
import { ROOT } from '../support/build-site.ts';
import { connectBrowser } from '../support/browser.ts';
import { watchedPage, type Watched } from '../support/watched-page.ts';

const dist = inject('siteDir');
const baseUrl = inject('siteBaseUrl');
const basePath = inject('basePath');

/** The text Pagefind indexes of each indexed page (its <main>, less the excluded parts), lower case. */
function indexedText(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of (readdirSync(dist, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => INDEXED.test(f))) {
    const { document } = parseHTML(readFileSync(join(dist, file), 'utf8'));
    const main = document.querySelector('main');
    if (!main) continue;
    for (const el of main.querySelectorAll(EXCLUDED.join(', '))) el.remove();
    out.set(`${basePath}${file.replace(/index\.html$/, '')}`, (main.textContent ?? '').toLowerCase());
  }
  return out;
}

/** A rough English stem (search matches "asking" to "asked"): the word less a common ending. */
const stem = (word: string) => word.replace(/(ations?|ing|ings|ed|es|ers?|ly|s)$/, '');

/**
 * For a theme page, a word of its own prose (paragraphs of the page body, not the title or summary)
 * whose stem (at least five letters, since search matches word stems) as few other indexed pages as
 * possible contain, and how many do.
 */
function proseWord(url: string, texts: Map<string, string>): { word: string; elsewhere: number } {
  const { document } = parseHTML(readFileSync(join(dist, url.slice(basePath.length), 'index.html'), 'utf8'));
  const heading =
    `${document.querySelector('h1')?.textContent ?? ''} ${document.querySelector('.standfirst')?.textContent ?? ''}`.toLowerCase();
  const prose = [...document.querySelectorAll('.theme-page__body > p')]
    .map((p) => p.textContent ?? '')
    .join(' ')
    .toLowerCase();
  const words = [...new Set(prose.match(/\b[a-z]{6,}\b/g) ?? [])].filter(
    (w) => stem(w).length >= 5 && !heading.includes(stem(w)),
  );
  const scored = words.map((word) => ({
    word,
    elsewhere: [...texts].filter(([u, t]) => u !== url && t.includes(stem(word))).length,
  }));
  scored.sort((a, b) => a.elsewhere - b.elsewhere || a.word.localeCompare(b.word));
  const best = scored[0];
  if (!best) throw new Error(`${url}: no prose words to search for`);
  return best;
}

/** Column names that only one dataset has, with that dataset's id. */
function uniqueColumns(): Array<{ column: string; dataset: string }> {
  const owners = new Map<string, string[]>();
  for (const file of readdirSync(join(ROOT, 'data')).filter((f) => f.endsWith('.meta.json'))) {
    const meta = JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8')) as {
      id: string;
      columns: Array<{ name: string }>;
    };
    for (const c of meta.columns) owners.set(c.name, [...(owners.get(c.name) ?? []), meta.id]);
  }
  return [...owners].filter(([, ids]) => ids.length === 1).map(([column, ids]) => ({ column, dataset: ids[0]! }));
}

/**
 * Type a query into the search field and return the result links (paths), once the status says so;
 * with `all`, after pressing "Show more results" until every result is listed.
 */
async function search(page: Page, query: string, all = false): Promise<{ status: string; hrefs: string[] }> {
  await page.fill('#search-input', query);
  await page.waitForFunction(
    (q) => (document.querySelector('[data-search-status]')?.textContent ?? '').includes(`“${q}”`),
    query,
    { timeout: 30_000 },
  );
  const status = (await page.textContent('[data-search-status]')) ?? '';
  while (all && (await page.isVisible('[data-search-more]'))) {
    const before = await page.$$eval('.search-result', (els) => els.length);
    await page.click('[data-search-more]');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
  const hrefs = await page.$$eval('.search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return { status, hrefs };
}

let browser: Browser;
let w: Watched;
const texts = indexedText();

/**
 * The search pages the many word and column searches share, four at a time: each search waits out the
 * field's 250 ms debounce, so one page searching 50 words in turn left the processor idle (issue #26).
 * Every page is watched like `w`; a search takes a free one and gives it back.
 */
const SEARCH_PAGES = 4;
const searchers: Watched[] = [];
const free: Watched[] = [];
const waiting: Array<(page: Watched) => void> = [];
async function withSearchPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const searcher = free.pop() ?? (await new Promise<Watched>((resolve) => waiting.push(resolve)));
  try {
    return await use(searcher.page);
  } finally {
    const next = waiting.shift();
    if (next) next(searcher);
    else free.push(searcher);
  }
}

beforeAll(async () => {
  browser = await connectBrowser(inject('wsEndpoint'));
  w = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
  await w.page.goto(`${baseUrl}search/`);
});

afterAll(async () => {
  await browser?.close();
});

describe('search under the base path', () => {
  it('indexes the theme pages, the dataset pages and the glossary', () => {
    const urls = [...texts.keys()];
    expect(urls.filter((u) => u.includes('/themes/')).length).toBeGreaterThanOrEqual(9);
    expect(urls.filter((u) => u.includes('/data/')).length).toBeGreaterThanOrEqual(10);
    expect(urls).toContain(`${basePath}glossary/`);
  });

  it('loads nothing of the index until the reader starts to search', async () => {
    await w.page.waitForLoadState('networkidle');
    expect(w.requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    const loading = w.page.waitForRequest((r) => r.url() === `${baseUrl}pagefind/pagefind.js`, { timeout: 15_000 });
    await w.page.focus('#search-input');
    await loading;
  });

  describe.concurrent('four searches at a time, each in its own search page', () => {
    beforeAll(async () => {
      for (let i = 0; i < SEARCH_PAGES; i++) {
        const searcher = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
        await searcher.page.goto(`${baseUrl}search/`);
        searchers.push(searcher);
        free.push(searcher);
      }
    });

    const themeUrls = [...texts.keys()].filter((u) => /\/themes\/[^/]+\/$/.test(u));
    it.each(themeUrls)('a word from the prose of %s finds it', async (url) => {
      const { word, elsewhere } = proseWord(url, texts);
      const { hrefs } = await withSearchPage((page) => search(page, word));
      expect(hrefs, `searched for "${word}" (${elsewhere} other pages contain it)`).toContain(url);
      if (elsewhere === 0) expect(hrefs[0], `"${word}" is only on ${url}`).toBe(url);
    });

    it.each(uniqueColumns())('the column name $column finds the dataset $dataset', async ({ column, dataset }) => {
      const { hrefs } = await withSearchPage((page) => search(page, column, true));
      const url = `${basePath}data/${dataset}/`;
      expect(hrefs, `searched for "${column}"`).toContain(url);
      // A snake_case name is only in that dataset's column dictionary: it comes first.
      if (column.includes('_')) expect(hrefs[0]).toBe(url);
    });
  });

  it('a column every figure dataset shares finds them all', async () => {
    const { hrefs, status } = await search(w.page, 'source_section', true);
    for (const id of [
      'hate-crime',
      'domestic-abuse',
      'prevent-channel',
      'reoffending-cohort',
      'alcohol-violence',
      'spending',
    ]) {
      expect(hrefs, status).toContain(`${basePath}data/${id}/`);
    }
  });

  it('a glossary abbreviation finds its entry on the glossary page', async () => {
    const { hrefs } = await search(w.page, 'MARAC');
    expect(hrefs).toContain(`${basePath}glossary/#marac`);
    expect(hrefs).toContain(`${basePath}themes/domestic-abuse/`);
  });

  it('says when nothing is found, and the result links lead to real pages', async () => {
    const none = await search(w.page, 'xylophonequartz');
    expect(none.status).toMatch(/No pages found/);
    expect(none.hrefs).toEqual([]);
    const some = await search(w.page, 'Prevent');
    expect(some.hrefs.length).toBeGreaterThan(0);
    for (const href of some.hrefs) {
      expect(href.startsWith(basePath)).toBe(true);
      const response = await w.page.request.get(new URL(href, baseUrl).href);
      expect(response.status(), href).toBe(200);
    }
  });

  it('keeps the query in the address, and runs it when the page opens with ?q=', async () => {
    await search(w.page, 'funder');
    expect(new URL(w.page.url()).searchParams.get('q')).toBe('funder');
    const other = await watchedPage(browser);
    await other.page.goto(`${baseUrl}search/?q=funder`);
    await other.page.waitForSelector('.search-result__title a');
    expect(await other.page.inputValue('#search-input')).toBe('funder');
    expect(await other.page.getAttribute('.search-result__title a', 'href')).toBe(`${basePath}data/spending/`);
    expect(other.problems).toEqual([]);
    await other.page.context().close();
  });

  it('caused no CSP violation, console error or failed request, and fetched only from the site', () => {
    expect(searchers).toHaveLength(SEARCH_PAGES);
    for (const page of [w, ...searchers]) {
      expect(page.problems).toEqual([]);
      expect(page.requests.filter((u) => !u.startsWith(new URL(baseUrl).origin))).toEqual([]);
    }
  });
});

describe('keyboard and screen readers', () => {
  it('reaches the field and the results with Tab, and announces the count in a status region', async () => {
    const k = await watchedPage(browser, { viewport: { width: 360, height: 800 } });
    await k.page.goto(`${baseUrl}search/`);
    // Tab from the top of the page until the search field has focus.
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await k.page.keyboard.press('Tab');
      found = await k.page.evaluate(() => document.activeElement?.id === 'search-input');
    }
    expect(found).toBe(true);
    expect(await k.page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toMatch(
      /Search/,
    );
    await k.page.keyboard.type('hate crime');
    await k.page.keyboard.press('Enter');
    await k.page.waitForFunction(() => /found for/.test(document.querySelector('[role="status"]')?.textContent ?? ''));
    await k.page.keyboard.press('Tab'); // the Search button
    await k.page.keyboard.press('Tab'); // the first result
    const active = await k.page.evaluate(() => ({
      cls: document.activeElement?.closest('li')?.className,
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(active.cls).toBe('search-result');
    expect(active.href?.startsWith(basePath)).toBe(true);
    expect(k.problems).toEqual([]);
    await k.page.context().close();
  });
});

describe('without JavaScript', () => {
  it('hides the form and lists every theme and dataset page instead', async () => {
    const n = await watchedPage(browser, { javaScriptEnabled: false });
    await n.page.goto(`${baseUrl}search/`);
    expect(await n.page.isVisible('#search-input')).toBe(false);
    expect(await n.page.isVisible('.site-search__nojs')).toBe(true);
    const links = await n.page.$$eval('.page-list a', (as) => as.map((a) => a.getAttribute('href')));
    for (const url of texts.keys()) expect(links).toContain(url);
    expect(links).toContain(basePath);
    expect(n.problems).toEqual([]);
    await n.page.context().close();
  });
});
