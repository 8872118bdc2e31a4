/**
 * The activities explorer in a real browser (issue 17 item 6, docs/design.md "Activities explorer"):
 * without JavaScript every piece of work is listed with its text; with it, filtering by theme,
 * period, status and body (keyboard and pointer) shows exactly the matching items with a count that
 * says so, and the state round-trips through the URL; controls are at least 24 x 24 px; axe finds
 * nothing at 360 and 1280 px, light and dark. Each gate (tests/support/activities.ts) first fails on
 * its broken fixture (tests/fixtures/broken-pages/activities-*). Expected counts come from the data.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkExplorerDefault, checkExplorerState, checkExplorerTargets, FILTER_KEYS } from '../support/activities.ts';
import { checkOverflow, runAxeBothSchemes } from '../support/page-checks.ts';
import { startStaticServer, type StaticServer } from '../support/server.ts';
import { useBrowserSession } from '../support/session.ts';
import { openPage, type Opened, type TabOptions } from '../support/tabs.ts';

const base = inject('siteBaseUrl');
const PAGE = `${base}themes/governance/`;
const FIG = '#activities-board';
type Row = Record<(typeof FILTER_KEYS)[number], string>;
const data: Row[] = (
  parse(readFileSync(join(inject('dataDir'), 'activities.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
).map((r) => ({
  theme: r['theme'] ?? '',
  period: (r['period'] ?? '').replace('/', '-'),
  status: r['status'] ?? '',
  body: r['body'] ?? '',
}));
const expected = (filters: Partial<Row>) =>
  data.filter((r) => Object.entries(filters).every(([k, v]) => r[k as keyof Row] === v)).length;

const session = useBrowserSession(inject('wsEndpoint'));
let fixtures: StaticServer;
beforeAll(async () => {
  fixtures = await startStaticServer(resolve(import.meta.dirname, '../fixtures/broken-pages'), '/fixture-base/');
});
afterAll(async () => {
  await fixtures?.close();
});

/** The suite's one way to open a page: a pooled tab (tabs.ts), 1280 x 800 unless told; `close()` fails on console errors. */
const open = (url: string, options: Partial<TabOptions> = {}): Promise<Opened> =>
  openPage(session.tabs, url, { width: 1280, ...options });

const fixture = (name: string, query = '') => `${new URL(`${name}/`, fixtures.baseUrl).href}${query}`;
const visibleCount = (page: Page, fig = FIG) =>
  page
    .locator(`${fig} li[data-status]`)
    .evaluateAll((lis) => lis.filter((li) => li.getClientRects().length > 0).length);
const selectOf = (page: Page, key: string, fig = FIG) => page.locator(`${fig} select[data-act-filter="${key}"]`);

describe.concurrent('each explorer gate fails on its broken fixture', () => {
  it('the good fixture passes every gate', async () => {
    const nojs = await open(fixture('activities-good'), { javaScript: false });
    expect(await checkExplorerDefault(nojs.page, '#f', 4)).toEqual([]);
    await nojs.close();
    const { page, close } = await open(fixture('activities-good'), { width: 360, height: 800 });
    await selectOf(page, 'theme', '#f').selectOption('hate-crime');
    expect(await checkExplorerState(page, '#f')).toEqual([]);
    expect(await visibleCount(page, '#f')).toBe(2);
    expect(await checkExplorerTargets(page, '#f')).toEqual([]);
    await close();
  });
  it('items hidden without JavaScript', async () => {
    const { page, close } = await open(fixture('activities-hidden-nojs'), { javaScript: false });
    expect((await checkExplorerDefault(page, '#f', 4)).join('\n')).toContain('4 of 4 items are hidden');
    await close();
  });
  it('a count that does not follow the filters', async () => {
    const { page, close } = await open(fixture('activities-count-wrong'));
    await selectOf(page, 'status', '#f').selectOption('done');
    expect((await checkExplorerState(page, '#f')).join('\n')).toContain(
      'the count says "Showing all 4" but 2 of 4 items are shown',
    );
    await close();
  });
  it('filters that never reach the URL, and a URL that is not read', async () => {
    const { page, close } = await open(fixture('activities-url-ignored'));
    await selectOf(page, 'body', '#f').selectOption('scb');
    expect((await checkExplorerState(page, '#f')).join('\n')).toContain(
      'the URL has body="" but the filter shows "scb"',
    );
    await page.goto(fixture('activities-url-ignored', '?theme=governance#f'));
    expect((await checkExplorerState(page, '#f')).join('\n')).toContain(
      'the URL has theme="governance" but the filter shows ""',
    );
    await close();
  });
  it('a filter control smaller than 24 x 24 px', async () => {
    const { page, close } = await open(fixture('activities-small-target'));
    expect((await checkExplorerTargets(page, '#f')).join('\n')).toMatch(/control "theme" is [\d.]+ x 14\.0 px/);
    await close();
  });
});

describe.concurrent('without JavaScript', () => {
  it('lists every piece of work with its text; the filters are hidden and the count says all', async () => {
    const { page, close } = await open(PAGE, { javaScript: false, width: 360, height: 800 });
    expect(await checkExplorerDefault(page, FIG, data.length)).toEqual([]);
    expect(await selectOf(page, 'theme').isVisible()).toBe(false);
    expect(await page.locator(`${FIG} [data-act-count]`).textContent()).toBe(
      `Showing all ${data.length} pieces of work`,
    );
    // Status in words and "our reading" beside every credited body the report does not name.
    const statuses = await page.locator(`${FIG} .act-status`).allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['Done', 'Under way', 'Planned or being considered']));
    expect(await page.locator(`${FIG} .act-who--inferred + a`).count()).toBeGreaterThan(0);
    // One "In the report" per item: a link, or for a bullet cut by a page break a span of links to each part.
    expect(await page.locator(`${FIG} li[data-status] .source-link`).count()).toBe(data.length);
    await close();
  });

  it.each(['pcc-and-panel', 'child-exploitation'])(
    'the %s page draws the theme’s overview and lists its work once, in the page’s own list',
    async (theme) => {
      const { page, close } = await open(`${base}themes/${theme}/`, { javaScript: false });
      const fig = `#activities-board-${theme}`;
      expect(await page.locator(`${fig} svg.act-overview rect[data-status]`).count()).toBe(expected({ theme }));
      expect(await page.locator(`${fig} li[data-status]`).count()).toBe(0);
      expect(await page.locator('.activities__list li').count()).toBe(expected({ theme }));
      await close();
    },
  );
});

describe.concurrent('with JavaScript', () => {
  it.each(FILTER_KEYS)('filters by %s with the keyboard', async (key) => {
    const { page, close } = await open(PAGE, { width: 360, height: 800 });
    const select = selectOf(page, key);
    await select.focus();
    await page.keyboard.press('ArrowDown');
    const value = await select.inputValue();
    expect(value).not.toBe('');
    expect(await visibleCount(page)).toBe(expected({ [key]: value }));
    expect(await checkExplorerState(page, FIG)).toEqual([]);
    expect(await page.locator(`${FIG} [data-act-count]`).textContent()).toBe(
      `Showing ${expected({ [key]: value })} of ${data.length} pieces of work`,
    );
    // The next control is one Tab away; the reset by keyboard shows everything again.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-act-explorer]') !== null)).toBe(true);
    await page.locator(`${FIG} [data-act-reset]`).focus();
    await page.keyboard.press('Enter');
    expect(await visibleCount(page)).toBe(data.length);
    expect(await checkExplorerState(page, FIG)).toEqual([]);
    await close();
  });

  it('filters by theme, period, body and status with the pointer, one after another, then resets', async () => {
    const { page, close } = await open(PAGE);
    const chosen: Partial<Row> = {};
    for (const [key, value] of [
      ['theme', 'domestic-abuse'],
      ['period', '2018-19'],
      ['body', 'wcc-public-health'],
      ['status', 'underway'],
    ] as const) {
      await selectOf(page, key).click();
      await selectOf(page, key).selectOption(value);
      chosen[key] = value;
      expect(await visibleCount(page), JSON.stringify(chosen)).toBe(expected(chosen));
      expect(await checkExplorerState(page, FIG)).toEqual([]);
      // The overview keeps the matching squares and dims the rest.
      expect(await page.locator(`${FIG} svg.act-overview rect[data-theme]:not(.is-filtered)`).count()).toBe(
        expected(chosen),
      );
    }
    expect(expected(chosen)).toBeGreaterThan(0);
    await page.locator(`${FIG} [data-act-reset]`).click();
    expect(await visibleCount(page)).toBe(data.length);
    expect(new URL(page.url()).search).toBe('');
    await close();
  });

  it('applies filters from the URL, and the URL it writes opens the same state', async () => {
    const filters = { theme: 'domestic-abuse', period: '2018-19', body: 'wcc-public-health' };
    const { page, close } = await open(`${PAGE}?${new URLSearchParams(filters)}#activities-board`);
    for (const [k, v] of Object.entries(filters)) expect(await selectOf(page, k).inputValue()).toBe(v);
    expect(await visibleCount(page)).toBe(expected(filters));
    expect(await checkExplorerState(page, FIG)).toEqual([]);
    await selectOf(page, 'status').selectOption('done');
    const written = page.url();
    expect(new URL(written).searchParams.get('status')).toBe('done');
    const again = await open(written);
    for (const [k, v] of Object.entries({ ...filters, status: 'done' }))
      expect(await selectOf(again.page, k).inputValue()).toBe(v);
    expect(await visibleCount(again.page)).toBe(expected({ ...filters, status: 'done' }));
    expect(await checkExplorerState(again.page, FIG)).toEqual([]);
    await again.close();
    await close();
  });

  it('ignores a value it does not offer, and a filter meant for another figure', async () => {
    const { page, close } = await open(`${PAGE}?status=bogus&theme=hate-crime#activities-board`);
    expect(await visibleCount(page)).toBe(expected({ theme: 'hate-crime' }));
    const other = await open(`${PAGE}?theme=hate-crime#governance-diagram`);
    expect(await visibleCount(other.page)).toBe(data.length);
    await other.close();
    await close();
  });

  it('every control is at least 24 x 24 px at 360 px, and nothing overflows at 320 px', async () => {
    const { page, close } = await open(PAGE, { width: 360, height: 800 });
    expect(await checkExplorerTargets(page, FIG)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await checkOverflow(page)).toEqual([]);
    await close();
  });
});

describe.concurrent('accessibility', () => {
  for (const width of [360, 1280]) {
    it(`axe finds no violations at ${width} px, light and dark, with filters applied`, async () => {
      const { page, close } = await open(`${PAGE}?theme=domestic-abuse&status=underway#activities-board`, {
        width,
        height: 800,
      });
      expect(await runAxeBothSchemes(page, `${width}`)).toEqual([]);
      await close();
    });
  }
});
