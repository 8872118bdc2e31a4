/**
 * Exploring the hate crime and spending figures in a real browser (docs/exploration.md): every switch
 * pressed by mouse and by keyboard (Enter, Space) changes what is shown, and only that (marks, parts,
 * summary, table rows, the live region, the URL); a URL carrying a state opens in that state; with
 * JavaScript off the default state is complete; in a non-default state axe finds nothing at 360 and
 * 1280 px, light and dark, and every mark is still a 24 px target. Each check first fails on its
 * broken fixture (tests/fixtures/broken-pages/explore-*, story-target-overlap: the overlap check,
 * which every-page runs on every page at both widths, page-checks.ts `checkPage`).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { checkNoJsComplete, checkShown, press } from '../support/explore.ts';
import { useFixturePages, type PageOptions } from '../support/fixture-pages.ts';
import { checkTargetOverlap } from '../support/hit-areas.ts';
import { runAxeBothSchemes } from '../support/page-checks.ts';
import { checkPanelScales, checkTargets, checkZeroLineClear } from '../support/story.ts';
import { FIGURE_IDS, getFigure } from '../../src/figures/index.ts';

const base = inject('siteBaseUrl');
const HATE = `${base}themes/hate-crime/`;
const FUNDING = `${base}themes/funding/`;
const pages = useFixturePages();
const { fixture } = pages;
/** Every page here must load without console errors or CSP violations. */
const onPage = <T>(url: string, run: (page: Page) => Promise<T>, options: PageOptions = {}) =>
  pages.onPage(url, run, { errors: true, ...options });
/** The data keys of the marks shown in a figure. */
const shownKeys = (page: Page, fig: string) =>
  page.evaluate(
    (id) =>
      [...document.querySelectorAll(`#${id} .mark`)]
        .filter((m) => m.getClientRects().length > 0)
        .map((m) => m.getAttribute('data-key') ?? ''),
    fig,
  );

describe.concurrent('each explore check fails on its broken fixture', () => {
  it('an area switch that hides nothing', async () => {
    const failures = await onPage(fixture('explore-stuck'), async (page) => {
      await press(page, '[data-set-area="north"]', 'click');
      return checkShown(page, 'f');
    });
    expect(failures.join('\n')).toContain('area "north" pressed but "south" is shown');
  });
  it('a hit area reaching over another mark', async () => {
    expect(await onPage(fixture('story-target-overlap'), checkTargetOverlap)).toEqual([
      'the targets of "2016/17: 40" and "A sliver: 2" overlap',
    ]);
  });
  it('a part hidden without JavaScript', async () => {
    const failures = await onPage(fixture('explore-nojs-hidden'), checkNoJsComplete, { js: false });
    expect(failures.join('\n')).toContain('#f: figure-part south hidden without JavaScript');
  });
});

describe.concurrent('hate crime: North / South / both, combined with counts / % change', () => {
  const FIG = 'hate-crime-trend';
  it('shows both areas as counts by default, and says so', async () => {
    await onPage(HATE, async (page) => {
      expect(await checkShown(page, FIG)).toEqual([]);
      const keys = await shownKeys(page, FIG);
      expect(keys.some((k) => k.startsWith('north-worcestershire|'))).toBe(true);
      expect(keys.some((k) => k.startsWith('south-worcestershire|'))).toBe(true);
      expect(keys.every((k) => !k.endsWith('|change'))).toBe(true);
      expect(await page.locator(`#${FIG} .figure-status`).textContent()).toBe(
        'Showing counts: North and South Worcestershire.',
      );
    });
  });
  it.each(['click', 'Enter', 'Space'] as const)('every combination, pressed by %s', async (how) => {
    await onPage(HATE, async (page) => {
      for (const view of ['percent', 'count'])
        for (const area of ['south', 'north', 'both']) {
          await press(page, `#${FIG} [data-set-view="${view}"]`, how);
          await press(page, `#${FIG} [data-set-area="${area}"]`, how);
          expect(await checkShown(page, FIG), `${view} ${area}`).toEqual([]);
          const keys = await shownKeys(page, FIG);
          expect(keys.length, `${view} ${area}`).toBeGreaterThan(0);
          if (area !== 'both') expect(keys.every((k) => k.startsWith(`${area}-worcestershire|`))).toBe(true);
          expect(keys.every((k) => k.endsWith('|change') === (view === 'percent'))).toBe(true);
        }
    });
  });
  it('opens in the state its URL carries, and the change keeps its absolute change and caution', async () => {
    await onPage(`${HATE}?view=percent&area=south#${FIG}`, async (page) => {
      expect(await checkShown(page, FIG)).toEqual([]);
      // Narrow % change (issue #25): the zero line stays clear of the label above each bar.
      expect(await checkZeroLineClear(page)).toEqual([]);
      expect(await page.locator(`#${FIG} [data-set-area="south"]`).getAttribute('aria-pressed')).toBe('true');
      expect(await shownKeys(page, FIG)).toEqual([
        'south-worcestershire|hate-offences|change',
        'south-worcestershire|hate-incidents-crimed|change',
      ]);
      const view = page.locator(`#${FIG} .figure-view[data-view="percent"]`);
      expect(await view.textContent()).toMatch(/[+\u2212]\d+\.\d% \([+\u2212]\d+\)/);
      expect(await view.locator('.figure-note').textContent()).toContain('Small numbers');
      await press(page, `#${FIG} [data-set-show="table"]`, 'click');
      expect(await page.locator(`#${FIG} tbody tr:visible th`).allTextContents()).toEqual([
        'South Worcestershire',
        'South Worcestershire',
      ]);
    });
  });
});

describe.concurrent('spending: by line, actual vs budget, who pays', () => {
  const FIG = 'spending-lines';
  it.each(['click', 'Enter', 'Space'] as const)('every view, pressed by %s', async (how) => {
    await onPage(FUNDING, async (page) => {
      expect(await checkShown(page, FIG)).toEqual([]);
      const seen: Record<string, string[]> = {};
      for (const view of ['change', 'funder', 'line']) {
        await press(page, `#${FIG} [data-set-view="${view}"]`, how);
        expect(await checkShown(page, FIG), view).toEqual([]);
        seen[view] = await shownKeys(page, FIG);
      }
      expect(seen['line']!.some((k) => k.endsWith('|west-mercia-pcc'))).toBe(true);
      expect(seen['change']!.every((k) => k.endsWith('|change'))).toBe(true);
      expect(seen['funder']!.some((k) => k.includes('|all|'))).toBe(true);
    });
  });
  it('opens in the state its URL carries; the change view says our calculation and not an outturn', async () => {
    await onPage(`${FUNDING}?view=change#${FIG}`, async (page) => {
      expect(await checkShown(page, FIG)).toEqual([]);
      const text = await page.locator(`#${FIG} .figure-view[data-view="change"]`).textContent();
      expect(text).toContain('our calculation');
      expect(text).toContain('not an outturn');
      expect(await page.locator(`#${FIG} .figure-summary p:visible`).allTextContents()).toEqual([
        expect.stringContaining('(our calculation)'),
      ]);
    });
  });
});

describe.concurrent('without JavaScript, the default state is complete', () => {
  it.each([HATE, FUNDING])('%s', async (url) => {
    expect(await onPage(url, checkNoJsComplete, { js: false })).toEqual([]);
  });
});

describe.concurrent('a non-default state: axe and targets', () => {
  const states = [`${HATE}?view=percent&area=north#hate-crime-trend`, `${FUNDING}?view=funder#spending-lines`];
  for (const url of states)
    for (const width of [360, 1280])
      it(`${url.replace(base, '')} at ${width} px, light and dark`, async () => {
        await onPage(
          url,
          async (page) => {
            expect(await runAxeBothSchemes(page, `${width}`)).toEqual([]);
            if (width === 360)
              expect([
                ...(await checkTargets(page)),
                ...(await checkTargetOverlap(page)),
                ...(await checkZeroLineClear(page)),
                ...(await checkPanelScales(page)),
              ]).toEqual([]);
          },
          { width },
        );
      });
});

/**
 * A downloaded image carries its title, subtitle, source line, licence and the figure's address
 * (issue #25): what it says once saved, as text in the SVG, and a PNG taller than the bare chart.
 */
function downloadProblems(svg: string, id: string): string[] {
  const f = getFigure(id);
  // Drawn text only: a <title> or <desc> is not seen on a saved image.
  const text = svg
    .replace(/<(title|desc)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    // A long title or subtitle wraps onto several lines of text.
    .replace(/\s+/g, ' ');
  const want: [string, string | RegExp][] = [
    ['title', f.title],
    ['subtitle', (f.subtitle ?? f.takeaway).slice(0, 30)],
    ['source line', 'Source: Worcestershire County Council, Community Safety overview'],
    ['page in the source', /Source: [^.]*\bpages? \d/],
    ['lines in the source', /Source: [^.]*\b(lines? \d|\d+ passages)/],
    ['licence', 'Open Government Licence v3.0'],
    ['address', `/themes/${f.theme}/#${id}`],
  ];
  return want
    .filter(([, s]) => (typeof s === 'string' ? !text.includes(s) : !s.test(text)))
    .map(([what]) => `no ${what}`);
}

describe('downloaded images', () => {
  it('the bare chart (what the download was) fails the check', () => {
    const id = 'hate-crime-trend';
    expect(downloadProblems(getFigure(id).views[0]!.svg.wide, id)).toEqual([
      'no title',
      'no subtitle',
      'no source line',
      'no page in the source',
      'no lines in the source',
      'no licence',
      'no address',
    ]);
  });
  it.each(FIGURE_IDS)(
    '%s: the SVG and PNG downloads carry title, subtitle, source, licence and address',
    async (id) => {
      const svg = await (await fetch(`${base}figures/${id}.svg`)).text();
      expect(downloadProblems(svg, id)).toEqual([]);
      const png = Buffer.from(await (await fetch(`${base}figures/${id}.png`)).arrayBuffer());
      const chartHeight = Number(/height="([\d.]+)"/.exec(getFigure(id).views[0]!.svg.wide)?.[1]);
      // PNG height (IHDR), drawn at twice the size: the frame adds at least 100 units of text.
      expect(png.readUInt32BE(20)).toBeGreaterThan(2 * (chartHeight + 100));
    },
  );
});
