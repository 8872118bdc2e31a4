/**
 * The governance map in a real browser (docs/governance-map.md): without JavaScript the Safer
 * Communities Board's links are drawn and labelled and every body is listed with its links; with
 * JavaScript a body selected by keyboard, by touch at 360 px or from the search has its links
 * highlighted, its card in view and `?body=` in the URL; the legend names every kind of link drawn;
 * axe finds nothing at 360 and 1280 px in light and dark (also with a card open); nothing overflows
 * at 320 px; the theme pages show a narrowed map.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/session.ts';
import { openPage, type Opened, type TabOptions } from '../support/tabs.ts';
import { checkOverflow, runAxeBothSchemes } from '../support/page-checks.ts';

const base = inject('siteBaseUrl');
const PAGE = `${base}themes/governance/`;
const FIG = '#governance-diagram';
const session = useBrowserSession(inject('wsEndpoint'));

/** The suite's one way to open a page: a pooled tab (tabs.ts), 1280 x 800 unless told; `close()` fails on console errors. */
const open = (url: string, options: Partial<TabOptions> = {}): Promise<Opened> =>
  openPage(session.tabs, url, { width: 1280, ...options });

/** Is the element's box at least partly inside the viewport? */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
    });
}

async function activeEdges(page: Page, id: string): Promise<{ active: number; expected: number }> {
  return page.evaluate(
    ([fig, body]) => {
      const edges = Array.from(document.querySelectorAll<SVGElement>(`${fig} .gov-edge`));
      return {
        active: edges.filter((e) => e.classList.contains('is-active')).length,
        expected: edges.filter((e) => e.dataset['from'] === body || e.dataset['to'] === body).length,
      };
    },
    [FIG, id] as const,
  );
}

/**
 * Tab presses from the page's title to the first stop after the figure (issue #25: about 157 before).
 * Returns the stops inside the figure.
 */
async function tabStops(page: Page, fig: string): Promise<number> {
  await page.evaluate(() => {
    const h = document.querySelector<HTMLElement>('h1')!;
    h.tabIndex = -1;
    h.focus();
  });
  let inside = 0;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate((sel) => !!document.activeElement?.closest(sel), fig);
    if (here) inside += 1;
    else if (inside > 0) break;
  }
  return inside;
}

describe.concurrent('without JavaScript', () => {
  it('draws and labels the Safer Communities Board links and lists every body with its links', async () => {
    const { page, close } = await open(PAGE, { javaScript: false });
    const result = await page.evaluate((fig) => {
      const root = document.querySelector(fig)!;
      const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0;
      const focus = Array.from(root.querySelectorAll<SVGElement>('.gov-edge.is-focus'));
      const nodes = Array.from(root.querySelectorAll<SVGElement>('.gov-node')).map((n) => n.dataset['key']!);
      const edges = Array.from(root.querySelectorAll<SVGElement>('.gov-edge'));
      const entries = Array.from(root.querySelectorAll<HTMLElement>('[data-body-entry]'));
      const linkMismatch = entries
        .filter((e) => {
          const id = e.dataset['bodyEntry']!;
          const drawn = edges.filter((x) => x.dataset['from'] === id || x.dataset['to'] === id).length;
          return e.querySelectorAll('a[href^="#governance-diagram-body-"]').length !== drawn;
        })
        .map((e) => e.dataset['bodyEntry']);
      return {
        focus: focus.length,
        focusTouchScb: focus.every(
          (e) => e.dataset['from'] === 'safer-communities-board' || e.dataset['to'] === 'safer-communities-board',
        ),
        focusVisible: focus.every(visible),
        labels: focus.map((e) => e.querySelector('.gov-edge-label')?.textContent ?? ''),
        nodes: nodes.sort(),
        entries: entries.map((e) => e.dataset['bodyEntry']!).sort(),
        entriesVisible: entries.every((e) => visible(e.querySelector('.gov-entry-body')!)),
        linkMismatch,
        mapOpen: (root.querySelector('[data-gov-box]') as HTMLDetailsElement).open,
      };
    }, FIG);
    expect(result.focus).toBeGreaterThanOrEqual(10);
    expect(result.focusTouchScb).toBe(true);
    expect(result.focusVisible).toBe(true);
    expect(result.labels.every((l) => l.length > 0)).toBe(true);
    expect(result.nodes.length).toBe(60);
    expect(result.entries).toEqual(result.nodes);
    expect(result.entriesVisible).toBe(true);
    expect(result.linkMismatch).toEqual([]);
    expect(result.mapOpen).toBe(true);
    await close();
  });
});

describe.concurrent('with JavaScript', () => {
  it('selects a body by keyboard: links highlighted, card beside it in view and focused, ?body= in the URL; Escape returns', async () => {
    const { page, close } = await open(PAGE);
    // One composite widget: at most 20 Tab stops pass the whole figure (map one stop, arrows inside;
    // the list's tiers closed, each one stop). Broken: every box a stop and the tiers open, as before.
    expect(await tabStops(page, FIG)).toBeLessThanOrEqual(20);
    await page.evaluate((fig) => {
      for (const n of document.querySelectorAll(`${fig} .gov-node`)) n.setAttribute('tabindex', '0');
      for (const d of document.querySelectorAll<HTMLDetailsElement>(`${fig} .gov-tier-list`)) d.open = true;
    }, FIG);
    expect(await tabStops(page, FIG)).toBeGreaterThan(60);
    await page.reload();
    const node = page.locator(`${FIG} .gov-node[data-key="safer-communities-board"]`);
    await node.focus();
    await page.keyboard.press('Enter');
    const edges = await activeEdges(page, 'safer-communities-board');
    expect(edges.active).toBe(edges.expected);
    expect(edges.active).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('body')).toBe('safer-communities-board');
    const card = `${FIG} [data-gov-card]`;
    expect(await page.locator(card).isVisible()).toBe(true);
    expect(await inView(page, card)).toBe(true);
    expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), card)).toBe(true);
    // Beside the box, not over it: within 24 px of its edge (or below the map when no place is free).
    const [a, b] = [(await node.boundingBox())!, (await page.locator(card).boundingBox())!];
    const gap = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));
    const below = await page.locator(card).evaluate((el) => el.classList.contains('govmap-card--below'));
    expect(below || (gap >= 0 && gap <= 24)).toBe(true);
    // The board's work is mostly our reading: the heading does not claim the report credits it, and each such item is marked.
    expect(await page.locator(card).textContent()).toContain('Work listed under it');
    expect(await page.locator(card).textContent()).not.toContain('Work the report credits to it');
    expect(await page.locator(`${card} .gov-work [data-basis="inferred"]`).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.locator(card).isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.get('body')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('safer-communities-board');
    await close();
  });

  it('selects a body by touch at 360 px: the one-body panel is open, the row opens in place and redraws the panel', async () => {
    const { page, close } = await open(PAGE, { width: 360, height: 740, touch: true });
    const box = `${FIG} [data-gov-box]`;
    // The map stays open on a phone: its one-body panel is the page's first chart (issue #25).
    expect(await page.locator(box).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator(`${FIG} [data-gov-hood]`).isVisible()).toBe(true);
    // The panel is one Tab stop, arrow keys inside; the whole figure passes in at most 20 stops.
    expect(await tabStops(page, FIG)).toBeLessThanOrEqual(20);
    await page.locator(`${FIG} [data-gov-hood] .gov-hood-self`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('gov-hood-link'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-gov-hood]'))).toBe(false);
    // Tiers start closed: tier, then body.
    const county = page.locator(`${FIG} .gov-tier-list > summary`, { hasText: /^County/ });
    expect(await page.locator(`${FIG} .gov-tier-list[open]`).count()).toBe(0);
    await county.tap();
    const pick = page.locator(`${FIG} .gov-pick[data-pick="safer-communities-board"]`);
    await pick.tap();
    expect(await pick.getAttribute('aria-expanded')).toBe('true');
    const entry = `${FIG} #governance-diagram-entry-safer-communities-board`;
    expect(await inView(page, entry)).toBe(true);
    const edges = await activeEdges(page, 'safer-communities-board');
    expect(edges.active).toBe(edges.expected);
    expect(new URL(page.url()).searchParams.get('body')).toBe('safer-communities-board');
    // The map above: on a phone it is the selected body's own panel, whose rows redraw it.
    expect(await page.locator(`${FIG} [data-gov-hood] .gov-hood-self`).getAttribute('data-key')).toBe(
      'safer-communities-board',
    );
    await page.locator(`${FIG} [data-gov-hood] a.gov-hood-link[data-key="wcc-public-health"]`).tap();
    expect(new URL(page.url()).searchParams.get('body')).toBe('wcc-public-health');
    expect(await page.locator(`${FIG} [data-gov-hood] .gov-hood-self`).getAttribute('data-key')).toBe(
      'wcc-public-health',
    );
    expect(await inView(page, `${FIG} [data-gov-hood]`)).toBe(true);
    expect((await activeEdges(page, 'wcc-public-health')).active).toBeGreaterThan(0);
    expect(await checkOverflow(page)).toEqual([]);
    await close();
  });

  it.each([
    ['MARAC', 'marac'],
    ['hate', 'north-worcestershire-hate-incident-partnership'],
    ['Commissioner', 'west-mercia-pcc'],
  ])('finds %s by search and selects it', async (query, expected) => {
    const { page, close } = await open(PAGE);
    const input = page.locator(`${FIG} [data-gov-search]`);
    await input.fill(query);
    const results = await page
      .locator(`${FIG} [data-gov-results] button`)
      .evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset['govResult']));
    expect(results).toContain(expected);
    await page.locator(`${FIG} [data-gov-result="${expected}"]`).click();
    expect(new URL(page.url()).searchParams.get('body')).toBe(expected);
    const edges = await activeEdges(page, expected);
    expect(edges.active).toBe(edges.expected);
    expect(await inView(page, `${FIG} [data-gov-card]`)).toBe(true);
    await close();
  });

  it('opens the body named in the URL, with or without the hash, body and card in view', async () => {
    const bare = await open(`${PAGE}?body=west-mercia-pcc`);
    await expect.poll(() => inView(bare.page, `${FIG} [data-gov-card]`)).toBe(true);
    expect(await inView(bare.page, `${FIG} .gov-node[data-key="west-mercia-pcc"]`)).toBe(true);
    expect(await bare.page.locator(`${FIG} [data-gov-card-title]`).textContent()).toContain('Commissioner');
    await bare.close();
    const { page, close } = await open(`${PAGE}?body=prevent-strategy-group#governance-diagram`);
    await expect.poll(() => inView(page, `${FIG} [data-gov-card]`)).toBe(true);
    expect(await inView(page, `${FIG} .gov-node[data-key="prevent-strategy-group"]`)).toBe(true);
    expect(await page.locator(`${FIG} .gov-node[data-key="prevent-strategy-group"]`).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.locator(`${FIG} [data-gov-card-title]`).textContent()).toContain('Prevent Strategy Group');
    await close();
    // Broken: the same address with nothing reading `?body=` (no script) leaves both out of view.
    const off = await open(`${PAGE}?body=west-mercia-pcc`, { javaScript: false });
    expect(await inView(off.page, `${FIG} .gov-node[data-key="west-mercia-pcc"]`)).toBe(false);
    await off.close();
  });
});

/** Smallest rendered font size (px) of the text in the SVGs matched, and how many texts were measured. */
async function smallestText(page: Page, selector: string): Promise<{ px: number; count: number }> {
  return page.evaluate((sel) => {
    const sizes = Array.from(document.querySelectorAll<SVGSVGElement>(sel)).flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Array.from(svg.querySelectorAll('text'))
        .filter((t) => t.getClientRects().length > 0)
        .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    });
    return { px: Math.min(...sizes), count: sizes.length };
  }, selector);
}

describe.concurrent('the map on a phone', () => {
  for (const width of [360, 320]) {
    it(`is readable at ${width} px: the one-body panel, text >= 12 px, no horizontal scrolling`, async () => {
      const { page, close } = await open(PAGE, { width, height: 740, touch: true });
      expect(await page.locator(`${FIG} [data-gov-hood]`).isVisible()).toBe(true);
      expect(await page.locator(`${FIG} .govmap-wrap > .figure-view`).isVisible()).toBe(false);
      const text = await smallestText(page, `${FIG} svg.gov-hood`);
      expect(text.count).toBeGreaterThan(10);
      expect(text.px).toBeGreaterThanOrEqual(12);
      // Every row is a touch target of at least 24 x 24 px.
      const small = await page
        .locator(`${FIG} svg.gov-hood a`)
        .evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24));
      expect(small).toEqual([]);
      expect(await checkOverflow(page)).toEqual([]);
      await close();
    });
  }

  it('the text-size check fails on the whole map shrunk to a phone (what the panel replaces)', async () => {
    const { page, close } = await open(PAGE, { width: 360, height: 740 });
    // Force the whole map back into the narrow column, as it was drawn before the panel (CSSOM: the CSP
    // forbids a style tag).
    await page
      .locator(`${FIG} .govmap-wrap > .figure-view`)
      .evaluate((el) => (el as HTMLElement).style.setProperty('display', 'block', 'important'));
    const text = await smallestText(page, `${FIG} svg.chart.gov-map`);
    expect(text.count).toBeGreaterThan(10);
    expect(text.px).toBeLessThan(12);
    await close();
  });

  it('without JavaScript shows the Safer Communities Board panel, each row a link to that body in the list', async () => {
    const { page, close } = await open(PAGE, { width: 360, height: 740, javaScript: false });
    const rows = await page
      .locator(`${FIG} svg.gov-hood a.gov-hood-link`)
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const scb = await page
      .locator(`${FIG} [data-body-entry="safer-communities-board"] .gov-links a[href^="#governance-diagram-body-"]`)
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows).toEqual(scb);
    expect(await page.locator(`${FIG} svg.gov-hood`).isVisible()).toBe(true);
    await close();
  });
});

describe.concurrent('a selected body on a wide screen', () => {
  const URL_PCC = `${PAGE}?body=west-mercia-pcc#governance-diagram`;

  /** Labels shown on the highlighted links, and highlighted links without a shown label. */
  async function labels(page: Page): Promise<{ shown: string[]; missing: string[] }> {
    return page.evaluate((fig) => {
      const edges = Array.from(document.querySelectorAll<SVGElement>(`${fig} .gov-edge.is-active`));
      const label = (e: Element) => e.querySelector('.gov-edge-label');
      const shown = (e: Element) => (label(e)?.getClientRects().length ?? 0) > 0;
      return {
        shown: edges.filter(shown).map((e) => label(e)!.textContent ?? ''),
        missing: edges.filter((e) => !shown(e)).map((e) => `${e.dataset['from']} ${e.dataset['type']}`),
      };
    }, FIG);
  }

  it('labels every highlighted link, as the hint says', async () => {
    const { page, close } = await open(URL_PCC);
    const { shown, missing } = await labels(page);
    expect(shown.length).toBeGreaterThan(2);
    expect(missing).toEqual([]);
    expect(await page.locator(`${FIG} .govmap-hint--wide`).textContent()).toContain(
      'Links of the highlighted body are labelled',
    );
    // Broken: with the labels hidden again (as before), the same check reports every link.
    await page
      .locator(`${FIG} .gov-edge-label`)
      .evaluateAll((ls) => ls.forEach((l) => (l as SVGElement).style.setProperty('display', 'none', 'important')));
    expect((await labels(page)).missing.length).toBeGreaterThan(2);
    await close();
  });

  /** Does the card cover the selected box, a linked box, a shown label or a highlighted line? */
  async function cardCovers(page: Page): Promise<string[]> {
    return page.evaluate((fig) => {
      const root = document.querySelector(fig)!;
      const c = root.querySelector('[data-gov-card]')!.getBoundingClientRect();
      const hit = (r: DOMRect) => r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom;
      const out: string[] = [];
      for (const n of Array.from(root.querySelectorAll<SVGElement>('.gov-node.is-selected, .gov-node.is-linked')))
        if (hit(n.getBoundingClientRect())) out.push(`box ${n.dataset['key']}`);
      for (const l of Array.from(root.querySelectorAll('.gov-edge.is-active .gov-edge-label-bg')))
        if (hit(l.getBoundingClientRect())) out.push('label');
      for (const p of Array.from(root.querySelectorAll<SVGPathElement>('.gov-edge.is-active .gov-line'))) {
        const len = p.getTotalLength();
        const m = p.getScreenCTM()!;
        for (let s = 0; s <= len; s += 4) {
          const pt = p.getPointAtLength(s).matrixTransform(m);
          if (pt.x > c.left && pt.x < c.right && pt.y > c.top && pt.y < c.bottom) {
            out.push(`line of ${p.parentElement!.dataset['from']}`);
            break;
          }
        }
      }
      return out;
    }, FIG);
  }

  it('puts the card beside the selected body, over none of its links, labels or linked bodies', async () => {
    const { page, close } = await open(URL_PCC);
    const card = page.locator(`${FIG} [data-gov-card]`);
    expect(await card.isVisible()).toBe(true);
    expect(await cardCovers(page)).toEqual([]);
    // Broken: the card moved onto the selected body is caught.
    const node = (await page.locator(`${FIG} .gov-node[data-key="west-mercia-pcc"]`).boundingBox())!;
    const wrap = (await page.locator(`${FIG} .govmap-wrap`).boundingBox())!;
    await card.evaluate(
      (el, at) => {
        (el as HTMLElement).style.left = `${at.x}px`;
        (el as HTMLElement).style.top = `${at.y}px`;
      },
      { x: node.x - wrap.x, y: node.y - wrap.y },
    );
    expect(await cardCovers(page)).toContain('box west-mercia-pcc');
    await close();
  });
});

describe.concurrent('legend and narrowed maps', () => {
  it('names every kind of link the map draws, and our reading', async () => {
    const { page, close } = await open(PAGE, { javaScript: false });
    const { kinds, legend } = await page.evaluate((fig) => {
      const root = document.querySelector(fig)!;
      return {
        kinds: [...new Set(Array.from(root.querySelectorAll<SVGElement>('.gov-edge')).map((e) => e.dataset['type']!))],
        legend: Array.from(root.querySelectorAll('.govmap-legend li')).map((li) => li.textContent.trim()),
      };
    }, FIG);
    expect(kinds.length).toBe(12);
    const words: Record<string, string> = {
      'reports-to': 'reports to',
      'presents-to': 'presents to',
      'member-of': 'member of',
    };
    for (const k of kinds) expect(legend, k).toContain(words[k] ?? k);
    expect(legend.some((l) => l.startsWith('our reading'))).toBe(true);
    await close();
  });

  it.each(['pcc-and-panel', 'child-exploitation'])(
    'the %s page shows a narrowed map with its own summary',
    async (theme) => {
      const { page, close } = await open(`${base}themes/${theme}/`, { javaScript: false });
      const fig = `#governance-diagram-${theme}`;
      const nodes = await page.locator(`${fig} .gov-node`).count();
      expect(nodes).toBeGreaterThan(2);
      expect(nodes).toBeLessThan(60);
      expect(await page.locator(`${fig} [data-body-entry]`).count()).toBe(nodes);
      expect(await page.locator(`${fig} .figure-summary`).textContent()).toMatch(/work on/);
      await close();
    },
  );
});

describe.concurrent('accessibility', () => {
  for (const width of [360, 1280]) {
    it(`axe finds no violations at ${width} px, light and dark, with a body selected`, async () => {
      const { page, close } = await open(`${PAGE}?body=safer-communities-board#governance-diagram`, {
        width,
        height: 800,
      });
      expect(await runAxeBothSchemes(page, `${width}`)).toEqual([]);
      await close();
    });
  }

  it('fits 320 px with the map open', async () => {
    const { page, close } = await open(PAGE, { width: 320, height: 700 });
    expect(await checkOverflow(page)).toEqual([]);
    await close();
  });
});
