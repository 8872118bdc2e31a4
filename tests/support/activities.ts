/**
 * The activities explorer's gates (issue 17 item 6), each returning failures as strings (empty =
 * pass), run on the real page by tests/browser/activities.test.ts and proven able to fail by the
 * fixture pages tests/fixtures/broken-pages/activities-*:
 *
 * - checkExplorerDefault: every piece of work is listed and its text is visible (run with JavaScript off);
 * - checkExplorerState: the visible items are exactly those matching the filters, the count says so
 *   in a polite live region, and the URL carries the filters (run after each filter change);
 * - checkExplorerTargets: every filter control is at least 24 x 24 CSS px.
 *
 * Markup they read: items are `li[data-status]` with `data-theme/period/status/body` and an `.act-what`
 * text; filters are `select[data-act-filter="<key>"]`; the count is `[data-act-count]`.
 */
import type { Page } from 'playwright-core';

export const FILTER_KEYS = ['theme', 'period', 'status', 'body'] as const;

/** Every item is rendered, visible and has its text visible: `total` of them. */
export async function checkExplorerDefault(page: Page, fig: string, total: number): Promise<string[]> {
  return page.evaluate(
    ([sel, n]) => {
      const root = document.querySelector(sel);
      if (!root) return [`no explorer ${sel}`];
      const shown = (el: Element | null) => !!el && el.getClientRects().length > 0;
      const items = [...root.querySelectorAll<HTMLElement>('li[data-status]')];
      const out: string[] = [];
      if (items.length !== n) out.push(`${items.length} items listed (expected ${n})`);
      const hidden = items.filter((li) => !shown(li));
      if (hidden.length > 0) out.push(`${hidden.length} of ${items.length} items are hidden`);
      const textless = items.filter((li) => {
        const what = li.querySelector('.act-what');
        return !shown(what) || (what?.textContent ?? '').trim().length < 10;
      });
      if (hidden.length === 0 && textless.length > 0)
        out.push(`${textless.length} items show no text of their own (first: ${textless[0]?.dataset['key'] ?? ''})`);
      return out;
    },
    [fig, total] as const,
  );
}

/** The shown items match the chosen filters, the count agrees, and the URL holds the filters. */
export async function checkExplorerState(page: Page, fig: string): Promise<string[]> {
  return page.evaluate(
    ([sel, keys]) => {
      const root = document.querySelector(sel);
      if (!root) return [`no explorer ${sel}`];
      const out: string[] = [];
      const chosen: Record<string, string> = {};
      for (const s of root.querySelectorAll<HTMLSelectElement>('select[data-act-filter]'))
        if (s.value) chosen[s.dataset['actFilter'] ?? ''] = s.value;
      const items = [...root.querySelectorAll<HTMLElement>('li[data-status]')];
      let visible = 0;
      for (const li of items) {
        const matches = Object.entries(chosen).every(([k, v]) => li.dataset[k] === v);
        const shown = li.getClientRects().length > 0;
        if (shown) visible += 1;
        const name = (li.querySelector('.act-what')?.textContent ?? '').slice(0, 40);
        if (matches && !shown) out.push(`"${name}" matches the filters but is hidden`);
        if (!matches && shown) out.push(`"${name}" is shown but does not match ${JSON.stringify(chosen)}`);
      }
      const count = root.querySelector<HTMLElement>('[data-act-count]');
      if (!count) out.push('no count');
      else {
        const text = count.textContent ?? '';
        if (count.getAttribute('aria-live') !== 'polite') out.push('the count is not a polite live region');
        if (count.getClientRects().length === 0) out.push('the count is not visible');
        const all = /\ball (\d+)/.exec(text);
        const some = /(\d+) of (\d+)/.exec(text);
        const none = /^No\b.*\(of (\d+)\)/.exec(text);
        const said = all
          ? { shown: Number(all[1]), total: Number(all[1]) }
          : some
            ? { shown: Number(some[1]), total: Number(some[2]) }
            : none
              ? { shown: 0, total: Number(none[1]) }
              : null;
        if (!said || said.shown !== visible || said.total !== items.length)
          out.push(`the count says "${text}" but ${visible} of ${items.length} items are shown`);
      }
      const url = new URL(location.href);
      for (const k of keys) {
        const inUrl = url.searchParams.get(k) ?? '';
        if (inUrl !== (chosen[k] ?? ''))
          out.push(`the URL has ${k}=${JSON.stringify(inUrl)} but the filter shows ${JSON.stringify(chosen[k] ?? '')}`);
      }
      if (Object.keys(chosen).length > 0 && url.hash !== `#${root.id}`)
        out.push(`the URL's hash is "${url.hash}", not #${root.id}`);
      return out;
    },
    [fig, FILTER_KEYS] as const,
  );
}

/** Every visible control of the explorer (selects, buttons, inputs) is at least 24 x 24 CSS px. */
export async function checkExplorerTargets(page: Page, fig: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [`no explorer ${sel}`];
    const out: string[] = [];
    const controls = [...root.querySelectorAll<HTMLElement>('select, button, input')].filter(
      (c) => c.getClientRects().length > 0,
    );
    if (controls.length === 0) out.push('no visible controls');
    for (const c of controls) {
      const r = c.getBoundingClientRect();
      if (r.width < 23.5 || r.height < 23.5)
        out.push(
          `control "${c.getAttribute('name') ?? c.textContent?.trim() ?? c.tagName}" is ${r.width.toFixed(1)} x ${r.height.toFixed(1)} px (at least 24 x 24)`,
        );
    }
    return out;
  }, fig);
}
