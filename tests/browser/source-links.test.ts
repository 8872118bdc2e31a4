/**
 * "Show in the report": a sample of the links from prose values, figure sources and dataset rows is
 * followed to /sources/<id>/, where the value must be inside the lines the `:target` styling highlights
 * (no JavaScript: the page is loaded with scripts disabled).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/session.ts';
import { onPage } from '../support/tabs.ts';

const baseUrl = inject('siteBaseUrl');
const session = useBrowserSession(inject('wsEndpoint'));
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

interface Link {
  from: string;
  href: string;
  /** The value as the site shows it, when the link is for one value. */
  value?: string | undefined;
}

/** The number a linked value shows, as the report's text would hold it without commas: "rose by 11%" -> "11". */
function digits(value: string): string {
  return /\d+(?:\.\d+)?/.exec(value.replace(/,/g, ''))?.[0] ?? value;
}

async function highlighted(page: Page): Promise<{ text: string; lines: string[]; inView: boolean }> {
  return page.evaluate(() => {
    const lit = [...document.querySelectorAll<HTMLElement>('.src-report .ln')].filter(
      (el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)',
    );
    const first = lit[0]?.getBoundingClientRect();
    return {
      // The text of the lines without their (aria-hidden) line numbers.
      text: lit
        .map((el) =>
          [...el.childNodes]
            .filter((n) => !(n instanceof HTMLElement && n.classList.contains('lnum')))
            .map((n) => n.textContent ?? '')
            .join(''),
        )
        .join(' '),
      lines: lit.map((el) => el.id),
      inView: first !== undefined && first.bottom > 0 && first.top < window.innerHeight,
    };
  });
}

async function collect(page: Page, path: string): Promise<Link[]> {
  await page.goto(new URL(path, baseUrl).href);
  return page.evaluate((from) => {
    const out: { from: string; href: string; value?: string | undefined }[] = [];
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a.value-source:not(.value--change)'))
      out.push({ from, href: a.href, value: a.firstChild?.textContent ?? '' });
    // A change is our calculation from two rows: its link must land on their lines, which hold no single value to match.
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a.value--change')) out.push({ from, href: a.href });
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a.figure-source-lines, .figure-table-source a'))
      out.push({ from, href: a.href });
    // Dataset tables (rows with ids); their value cell is the row's own value.
    for (const tr of document.querySelectorAll<HTMLTableRowElement>('table tr[id^="row-"]')) {
      const link = tr.querySelector<HTMLAnchorElement>('a[href*="/sources/"][href*="#L"]');
      const value = [...tr.querySelectorAll('td.num')].map((td) => td.textContent ?? '').find((t) => t !== '');
      if (link) out.push({ from: `${from}#${tr.id}`, href: link.href, value });
    }
    return out;
  }, path);
}

describe('Show in the report', () => {
  it('every sampled link lands on highlighted lines of the report that hold its value', async () => {
    await session.tabs.use({ javaScript: false, width: 360, height: 740 }, async ({ page }) => {
      const links = [
        ...(await collect(page, 'themes/domestic-abuse/')),
        ...(await collect(page, 'themes/hate-crime/')),
        ...(await collect(page, 'themes/funding/')),
        ...(await collect(page, 'data/spending/')),
        ...(await collect(page, 'data/prevent-channel/')),
      ];
      expect(
        links.filter((l) => l.value !== undefined && l.from.startsWith('themes/')).length,
        'values in prose link to the report',
      ).toBeGreaterThan(3);
      expect(
        links.some((l) => l.value === undefined),
        'figure sources link to the report',
      ).toBe(true);
      expect(
        links.some((l) => l.href.includes('#L') && l.value === undefined && l.from.startsWith('themes/')),
        'figure table rows link to the report',
      ).toBe(true);
      expect(
        links.some((l) => l.from.startsWith('data/')),
        'table rows link to the report',
      ).toBe(true);
      // A sample: every distinct target, at most 25.
      const seen = new Set<string>();
      const sample = links
        .filter((l) => !seen.has(`${l.href}|${l.value}`) && seen.add(`${l.href}|${l.value}`))
        .slice(0, 25);
      for (const link of sample) {
        expect(new URL(link.href).pathname, link.from).toMatch(/\/sources\/community-safety-overview-2018\/$/);
        await page.goto(link.href);
        const lit = await highlighted(page);
        expect(lit.lines.length, `${link.from} -> ${new URL(link.href).hash} highlights nothing`).toBeGreaterThan(0);
        expect(lit.inView, `${link.from} -> ${new URL(link.href).hash} is not scrolled into view`).toBe(true);
        if (link.value) {
          const want = digits(link.value);
          const text = lit.text.replace(/,/g, '');
          const word =
            Number.isInteger(Number(want)) && Number(want) >= 1 && Number(want) <= WORDS.length
              ? WORDS[Number(want) - 1]
              : undefined;
          const found =
            new RegExp(`(^|[^\\d.])${want.replace('.', '\\.')}(?![\\d])`).test(text) ||
            (word !== undefined && new RegExp(`\\b${word}\\b`, 'i').test(text));
          expect(
            found,
            `${link.from}: ${link.value} not in the highlighted lines ${lit.lines.join(',')}: ${lit.text}`,
          ).toBe(true);
        }
      }
    });
  });

  it('a single line anchor highlights that line alone', async () => {
    const url = new URL('sources/community-safety-overview-2018/#L9', baseUrl).href;
    await onPage(session.tabs, url, async (page) => expect((await highlighted(page)).lines).toEqual(['L9']), {
      javaScript: false,
      width: 1280,
    });
  });

  it('the old address /source/ still lands on the highlighted passage', async () => {
    await onPage(
      session.tabs,
      new URL('source/#L338-L341', baseUrl).href,
      async (page) => {
        expect((await highlighted(page)).lines).toEqual(['L338', 'L339', 'L340', 'L341']);
        await page.goto(new URL('source/#L9', baseUrl).href);
        expect((await highlighted(page)).lines).toEqual(['L9']);
      },
      { javaScript: false, width: 1280 },
    );
  });
});
