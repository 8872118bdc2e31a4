/**
 * Reading on a phone (issue #17): on every theme page at 360 x 800, the header is at most 120 px,
 * the first chart starts within 1,200 px, every interactive mark is at least 24 x 24 px, the focus
 * ring has 3:1 against every mark colour and the page (light and dark), and no table hides columns
 * without a cue, and the lead's words say each number once (the chart carries it) and no key-figure
 * card repeats a number the lead figure shows; the home
 * page has a chart within 900 px (the first VISIBLE chart: one in a closed `<details>` does not count; issue
 * #25), and theme pages are at most 15,000 px tall (governance 10,000). Each measurement first fails on its broken fixture
 * (tests/fixtures/broken-pages/story-*). Then the quick exit (Shift three times, the button).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useFixturePages } from '../support/fixture-pages.ts';
import {
  checkCardsRepeatLead,
  checkFocusRings,
  checkHasChart,
  checkLayout,
  checkNumbersOnce,
  checkPanelScales,
  checkTableCues,
  checkTargets,
  checkTextFragments,
  checkTipsClear,
  checkZeroLineClear,
  LIMITS,
} from '../support/story.ts';
import { checkAtWidth, checkBodyNames, checkEveryView, checkFolded } from '../support/story-folds.ts';

const baseUrl = inject('siteBaseUrl');
const themePages = inject('sitePages').filter((u) => /\/themes\/[^/]+\/$/.test(u));
const { onPage, fixture } = useFixturePages();
const all = async (page: Page) => [
  ...(await checkLayout(page)),
  ...(await checkTargets(page)),
  ...(await checkFocusRings(page)),
  ...(await checkTableCues(page)),
  ...(await checkHasChart(page)),
  ...(await checkNumbersOnce(page)),
  ...(await checkTextFragments(page)),
  ...(await checkPanelScales(page)),
  ...(await checkZeroLineClear(page)),
  ...(await checkCardsRepeatLead(page)),
];

describe.concurrent('each story measurement fails on its broken fixture', () => {
  it('the good fixture passes every measurement', async () => {
    expect(await onPage(fixture('story-good'), all)).toEqual([]);
  });
  it('header taller than 120 px', async () => {
    expect((await onPage(fixture('story-header-tall'), checkLayout)).join('\n')).toMatch(/header is \d+ px tall/);
  });
  it('first chart below 1,200 px', async () => {
    expect((await onPage(fixture('story-chart-low'), checkLayout)).join('\n')).toMatch(
      /first chart starts \d+ px down/,
    );
  });
  it('the first chart hidden in a closed section, the first visible one below 1,200 px', async () => {
    expect((await onPage(fixture('story-chart-closed'), checkLayout)).join('\n')).toMatch(
      /first chart starts \d+ px down/,
    );
  });
  it('a page taller than its limit', async () => {
    expect(
      await onPage(fixture('story-page-long'), (p) => checkLayout(p, { height: LIMITS.governanceHeight })),
    ).toEqual([expect.stringMatching(/^page is \d+ px tall \(at most 10000\)$/)]);
  });
  it('a stray 10.9 px ": the percentage…" on a line of its own, and a number cut across lines', async () => {
    expect(await onPage(fixture('story-text-fragment'), checkTextFragments)).toEqual([
      '": the percentage is our calculation" is 10.9 px (at least 11)',
      'a line starts with ": the percentage is our calculation"',
      '"£3,780,100" is cut across lines',
    ]);
  });
  it('bar panels on two scales with no word of it', async () => {
    expect((await onPage(fixture('story-scales-mixed'), checkPanelScales)).join('\n')).toContain(
      'draws its bars on 2 scales (0 to 318; 0 to 37) without saying so',
    );
  });
  it('a zero line through the label above a bar', async () => {
    expect(await onPage(fixture('story-zero-line'), checkZeroLineClear)).toEqual([
      'the zero line runs through the label "Hate incidents recorded as crimes"',
    ]);
  });
  it('a tooltip placed over the mark it describes', async () => {
    expect(await onPage(fixture('story-tip-covers'), checkTipsClear)).toContain(
      'the tooltip covers its mark "2017/18: 55"',
    );
  });
  it('a mark smaller than 24 x 24 px with no hit area', async () => {
    expect((await onPage(fixture('story-target-small'), checkTargets)).join('\n')).toContain('"A sliver: 2" is');
  });
  it('a focus ring without 3:1 against the mark colour', async () => {
    expect((await onPage(fixture('story-focus-weak'), checkFocusRings)).join('\n')).toMatch(
      /against the mark colour rgb\(213, 94, 0\)/,
    );
  });
  it('a table wider than its box with no cue', async () => {
    expect((await onPage(fixture('story-table-no-cue'), checkTableCues)).join('\n')).toMatch(
      /hides \d+ px of columns with no visible cue/,
    );
  });
  it('a number shown three times in the lead', async () => {
    expect(await onPage(fixture('story-number-repeated'), checkNumbersOnce)).toEqual([
      '"55" is said 2 times in the lead\'s words (once; the chart carries it)',
    ]);
  });
  it('a key figure that repeats a number the lead chart draws', async () => {
    expect(await onPage(fixture('story-card-repeated'), checkCardsRepeatLead)).toEqual([
      'the key figure "55" repeats what the lead figure "Referrals rose" shows',
    ]);
  });
  it('a page with no chart', async () => {
    expect(await onPage(fixture('story-no-chart'), checkHasChart)).toEqual(['no chart on the page']);
  });
});

describe.concurrent('every theme page at 360 x 800', () => {
  it('there are theme pages', () => {
    expect(themePages.length).toBeGreaterThanOrEqual(9);
  });
  // Per theme page, one visit for the focus rings (light, then dark in the same page: the dark scheme
  // changes colours only, tests/unit/dark-scheme.test.ts) and the measurements, and a second (a
  // reused tab) for the table cues: they switch every figure to its table, and after the clicks on
  // marks a cue can lag its table.
  it.each(themePages)('%s: header, first chart, targets, focus rings in light and dark, tables', async (url) => {
    expect(
      await onPage(url, async (page) => {
        const light = await checkFocusRings(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = (await checkFocusRings(page)).map((problem) => `[dark] ${problem}`);
        await page.emulateMedia({ colorScheme: 'light' });
        return [
          ...light,
          ...dark,
          ...(await checkLayout(page, {
            height: url.endsWith('/governance/') ? LIMITS.governanceHeight : LIMITS.pageHeight,
          })),
          ...(await checkTargets(page)),
          ...(await checkTipsClear(page)),
          ...(await checkPanelScales(page)),
          ...(await checkZeroLineClear(page)),
          ...(await checkNumbersOnce(page)),
          ...(await checkCardsRepeatLead(page)),
          ...(await checkTextFragments(page)),
          ...(await checkEveryView(page)),
          ...(await checkBodyNames(page)),
          ...(await checkFolded(page)),
          ...(await checkAtWidth(page, 320, checkTextFragments)),
          // A wide chart can print numbers its narrow layout leaves out.
          ...(await checkAtWidth(page, 1280, checkCardsRepeatLead)),
        ];
      }),
    ).toEqual([]);
    expect(await onPage(url, checkTableCues)).toEqual([]);
  });

  it('the home page has a chart, and its first screen shows the lead finding’s chart', async () => {
    expect(
      await onPage(baseUrl, async (page) => [
        ...(await checkHasChart(page)),
        ...(await checkLayout(page, { chartTop: LIMITS.homeChartTop })),
        ...(await checkTextFragments(page)),
        // The cards' numbers never wrap, down to a 320 px phone.
        ...(await checkAtWidth(page, 320, checkTextFragments)),
      ]),
    ).toEqual([]);
  });
});

describe('quick exit', () => {
  const sensitive = () => new URL('themes/domestic-abuse/', baseUrl).href;
  it('Shift pressed three times covers the page and replaces it with the neutral site', async () => {
    await onPage(
      sensitive(),
      async (page) => {
        const before = await page.evaluate(() => history.length);
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
        await page.waitForURL('https://www.bbc.co.uk/weather');
        // location.replace: no new history entry, so Back cannot return to the page.
        expect(await page.evaluate(() => history.length)).toBe(before);
      },
      { neutralOutside: true },
    );
  });
  it('the button leaves too; Escape and Shift+Tab never do', async () => {
    await onPage(
      sensitive(),
      async (page) => {
        for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
        await page.waitForTimeout(200);
        expect(page.url()).toBe(sensitive());
        await page.click('a[data-quick-exit]');
        await page.waitForURL('https://www.bbc.co.uk/weather');
      },
      { neutralOutside: true },
    );
  });
});
