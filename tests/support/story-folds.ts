/**
 * More reading-on-a-phone measurements (issue #25), each returning failures as strings (empty = pass),
 * for what tests/support/story.ts measures only in the state a page opens in:
 * - `checkEveryView`: bar panels on one scale, zero lines clear of labels and tooltips clear of their
 *   marks in EVERY view and area of every figure, not only the default one;
 * - `checkBodyNames`: no word of a body's name cut across lines in the governance list, with its
 *   folded tiers opened (closed, they hide the fault from a check that ignores hidden text);
 * - `checkFolded`: long lists said elsewhere stay folded: a figure shows at most eight passage links
 *   (the rest behind "Sources"), and the glossary's list is inside a closed disclosure.
 * Proven able to fail by tests/fixtures/broken-pages/story-{view-hidden,name-cut,unfolded}.
 */
import type { Page } from 'playwright-core';
import { checkPanelScales, checkTipsClear, checkZeroLineClear } from './story.ts';

/** At most this many passage links show in a figure's source line; more go behind "Sources". */
export const MAX_SOURCE_LINKS = 8;

/** Show every view and area part of every figure at once, run the checks, then put the page back. */
export async function checkEveryView(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const hidden = [...document.querySelectorAll<HTMLElement>('main figure .figure-view, main figure .figure-part')]
      .filter((e) => e.hidden)
      .map((e, i) => {
        e.hidden = false;
        e.dataset['storyShown'] = String(i);
        return i;
      });
    return hidden.length;
  });
  const out = [...(await checkPanelScales(page)), ...(await checkZeroLineClear(page)), ...(await checkTipsClear(page))];
  if (shown > 0)
    await page.evaluate(() => {
      for (const e of document.querySelectorAll<HTMLElement>('[data-story-shown]')) {
        e.hidden = true;
        delete e.dataset['storyShown'];
      }
    });
  return [...new Set(out)];
}

/**
 * Open the governance list's folded tiers, then: no word of a body's name (`.gov-name`, `.gov-pick`)
 * is cut across two lines (issue #25: 30 of 60 names on phones). The tiers are closed again after.
 */
export async function checkBodyNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const opened = [...document.querySelectorAll<HTMLDetailsElement>('main details')].filter(
      (d) => !d.open && d.querySelector('.gov-name, .gov-pick'),
    );
    for (const d of opened) d.open = true;
    const out: string[] = [];
    for (const el of document.querySelectorAll('main .gov-name, main .gov-pick')) {
      if (!el.checkVisibility()) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S{2,}/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
          if (tops.size > 1) out.push(`"${m[0]}" in the name "${(el.textContent ?? '').trim()}" is cut across lines`);
        }
      }
    }
    for (const d of opened) d.open = false;
    return out;
  });
}

/**
 * Long lists fold (issue #25: the map's source line had 82 links and was 915 px tall; the glossary
 * took 2,265 px on the domestic-abuse page): each figure shows at most `MAX_SOURCE_LINKS` passage
 * links outside a closed disclosure, and the glossary's list of terms is not shown open.
 */
export async function checkFolded(page: Page): Promise<string[]> {
  return page.evaluate((max) => {
    const out: string[] = [];
    for (const fig of document.querySelectorAll<HTMLElement>('main figure.figure')) {
      const links = [...fig.querySelectorAll('.figure-meta a.figure-source-lines')].filter((a) => a.checkVisibility());
      if (links.length > max)
        out.push(
          `figure "${fig.id}" shows ${links.length} passage links in its sources (at most ${max}; the rest behind "Sources")`,
        );
    }
    for (const list of document.querySelectorAll('main .glossary-list'))
      if (list.checkVisibility()) out.push('the glossary list is open (it belongs in a closed disclosure)');
    return out;
  }, MAX_SOURCE_LINKS);
}

/** Run `check` with the page `width` px wide (320: the narrowest phone the site supports), then put the width back. */
export async function checkAtWidth(
  page: Page,
  width: number,
  check: (page: Page) => Promise<string[]>,
): Promise<string[]> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: before?.height ?? 800 });
  const out = (await check(page)).map((s) => `at ${width} px: ${s}`);
  if (before) await page.setViewportSize(before);
  return out;
}
