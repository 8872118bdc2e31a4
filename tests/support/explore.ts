/**
 * Exploring a figure in the browser (docs/exploration.md), each check returning failures as strings
 * (empty = pass): after a switch is pressed, what the figure shows must match the pressed buttons
 * (`checkShown`), and with JavaScript off every view, part, summary paragraph and table row must be
 * there (`checkNoJsComplete`). Proven able to fail by tests/fixtures/broken-pages/explore-* (run by
 * tests/browser/explore.test.ts).
 */
import type { Page } from 'playwright-core';

/** Press a control of a figure by mouse or by keyboard (focus, then Enter or Space). */
export async function press(page: Page, selector: string, how: 'click' | 'Enter' | 'Space'): Promise<void> {
  const button = page.locator(selector);
  if (how === 'click') await button.click();
  else {
    await button.focus();
    await page.keyboard.press(how);
  }
}

/**
 * What a figure shows agrees with its pressed buttons: the chosen view only; the chosen area's parts
 * only (all of them for the first, default option), with marks in them; summary paragraphs and table
 * rows of other areas or views hidden; the live region naming the choice; the state in the URL.
 */
export async function checkShown(page: Page, figId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const out: string[] = [];
    const fig = document.getElementById(id);
    if (!fig) return [`no figure #${id}`];
    const shown = (e: Element) => e.getClientRects().length > 0;
    const pressed = (attr: string) =>
      [...fig.querySelectorAll<HTMLElement>(`[${attr}]`)].filter((b) => b.getAttribute('aria-pressed') === 'true');
    const views = pressed('data-set-view');
    const areas = pressed('data-set-area');
    if (fig.querySelector('[data-set-view]') && views.length !== 1) out.push(`${views.length} view buttons pressed`);
    if (fig.querySelector('[data-set-area]') && areas.length !== 1) out.push(`${areas.length} area buttons pressed`);
    const view = views[0]?.dataset['setView'];
    const area = areas[0]?.dataset['setArea'];
    const defaultArea = fig.querySelector<HTMLElement>('[data-set-area]')?.dataset['setArea'];
    const defaultView = fig.querySelector<HTMLElement>('[data-set-view]')?.dataset['setView'];
    const visibleViews = [...fig.querySelectorAll<HTMLElement>('.figure-view')].filter(shown);
    if (view && (visibleViews.length !== 1 || visibleViews[0]?.dataset['view'] !== view))
      out.push(`view "${view}" pressed but shown: ${visibleViews.map((v) => v.dataset['view']).join(', ') || 'none'}`);
    const wrongArea = (e: HTMLElement) => area !== defaultArea && e.dataset['area'] !== area;
    for (const v of visibleViews) {
      const parts = [...v.querySelectorAll<HTMLElement>('.figure-part')];
      const visibleParts = parts.filter(shown);
      if (parts.length && area !== undefined) {
        const bad = visibleParts.filter(wrongArea);
        if (bad.length) out.push(`area "${area}" pressed but "${bad[0]?.dataset['area']}" is shown`);
        const expected = area === defaultArea ? parts.length : parts.filter((p) => p.dataset['area'] === area).length;
        if (visibleParts.length !== expected)
          out.push(`area "${area}": ${visibleParts.length} parts shown, expected ${expected}`);
      }
      if (![...v.querySelectorAll('.mark')].some(shown)) out.push(`view "${v.dataset['view']}" shows no marks`);
    }
    for (const e of fig.querySelectorAll<HTMLElement>('.figure-summary [data-area], tbody tr[data-area]'))
      if (wrongArea(e) !== e.hidden)
        out.push(`"${e.textContent?.trim().slice(0, 40)}" hidden=${e.hidden} for area "${area}"`);
    for (const e of fig.querySelectorAll<HTMLElement>('.figure-summary [data-for-view]'))
      if ((e.dataset['forView'] !== view) !== e.hidden)
        out.push(`"${e.textContent?.trim().slice(0, 40)}" hidden=${e.hidden} for view "${view}"`);
    const status = fig.querySelector('.figure-status');
    const says = [...views, ...areas].map((b) => b.dataset['says'] ?? '');
    if (!status || !shown(status)) out.push('no visible live region saying what is shown');
    else {
      if (status.getAttribute('aria-live') !== 'polite') out.push('the status is not a polite live region');
      for (const s of says)
        if (!status.textContent?.includes(s)) out.push(`the status "${status.textContent}" does not say "${s}"`);
    }
    const url = new URL(location.href);
    const inUrl = (key: string, value: string | undefined, fallback: string | undefined) => {
      const want = value === fallback ? null : (value ?? null);
      if (url.searchParams.get(key) !== want) out.push(`URL has ${key}=${url.searchParams.get(key)}, expected ${want}`);
    };
    if (view) inUrl('view', view, defaultView);
    if (area) inUrl('area', area, defaultArea);
    if ((view !== defaultView || area !== defaultArea) && url.hash !== `#${id}`) out.push(`URL hash is "${url.hash}"`);
    return out;
  }, figId);
}

/** With JavaScript off: every view, part, summary paragraph and table row of every figure is shown. */
export async function checkNoJsComplete(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const fig of document.querySelectorAll<HTMLElement>('main figure.figure')) {
      const missing = [
        ...fig.querySelectorAll<HTMLElement>('.figure-view, .figure-part, .figure-summary p, .figure-table tbody tr'),
      ].filter((e) => e.getClientRects().length === 0 && !e.closest('details:not([open])'));
      for (const e of missing)
        out.push(
          `#${fig.id}: ${e.className || e.tagName.toLowerCase()} ${e.dataset['view'] ?? e.dataset['area'] ?? ''} hidden without JavaScript`,
        );
      if ([...fig.querySelectorAll('[data-set-view], [data-set-area]')].some((b) => b.getClientRects().length > 0))
        out.push(`#${fig.id}: switches shown without JavaScript (they cannot work)`);
    }
    return out;
  });
}
