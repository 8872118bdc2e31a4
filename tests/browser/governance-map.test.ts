/**
 * The governance map in a real browser (docs/governance-map.md): without JavaScript the Safer
 * Communities Board's links are drawn and labelled and every body is listed with its links; with
 * JavaScript a body selected by keyboard, by touch at 360 px or from the search has its links
 * highlighted, its card in view and `?body=` in the URL; the legend names every kind of link drawn;
 * axe finds nothing at 360 and 1280 px in light and dark (also with a card open); nothing overflows
 * at 320 px; the theme pages show a narrowed map.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBrowser } from '../support/browser.ts';
import { checkOverflow, runAxe } from '../support/page-checks.ts';

const base = inject('siteBaseUrl');
const PAGE = `${base}themes/governance/`;
const FIG = '#governance-diagram';
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser(inject('wsEndpoint'));
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  url: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return {
    page,
    close: async () => {
      await context.close();
      expect(errors, 'console errors or CSP violations').toEqual([]);
    },
  };
}

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

describe('without JavaScript', () => {
  it('draws and labels the Safer Communities Board links and lists every body with its links', async () => {
    const { page, close } = await open(PAGE, { javaScriptEnabled: false });
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

describe('with JavaScript', () => {
  it('selects a body by keyboard: links highlighted, card beside it in view and focused, ?body= in the URL; Escape returns', async () => {
    const { page, close } = await open(PAGE);
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
    // Beside the box: the card overlaps the box's rows, to its right or left.
    const [a, b] = [await node.boundingBox(), await page.locator(card).boundingBox()];
    expect(a && b && b.y < a.y + a.height && b.y + b.height > a.y).toBe(true);
    expect(await page.locator(card).textContent()).toContain('Work the report credits to it');
    await page.keyboard.press('Escape');
    expect(await page.locator(card).isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.get('body')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('safer-communities-board');
    await close();
  });

  it('selects a body by touch at 360 px: the tiered list comes first, the row opens in place, the map is one tap away', async () => {
    const { page, close } = await open(PAGE, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const box = `${FIG} [data-gov-box]`;
    expect(await page.locator(box).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
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
    // The map, one tap away; a tapped box opens the card as a sheet in view.
    await page.locator(`${box} > summary`).tap();
    const node = page.locator(`${FIG} .gov-node[data-key="west-mercia-pcc"]`);
    await node.tap();
    expect(new URL(page.url()).searchParams.get('body')).toBe('west-mercia-pcc');
    expect(await inView(page, `${FIG} [data-gov-card]`)).toBe(true);
    expect((await activeEdges(page, 'west-mercia-pcc')).active).toBeGreaterThan(0);
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

  it('opens the body named in the URL', async () => {
    const { page, close } = await open(`${PAGE}?body=prevent-strategy-group#governance-diagram`);
    expect(await page.locator(`${FIG} .gov-node[data-key="prevent-strategy-group"]`).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.locator(`${FIG} [data-gov-card-title]`).textContent()).toContain('Prevent Strategy Group');
    await close();
  });
});

describe('legend and narrowed maps', () => {
  it('names every kind of link the map draws, and our reading', async () => {
    const { page, close } = await open(PAGE, { javaScriptEnabled: false });
    const { kinds, legend } = await page.evaluate((fig) => {
      const root = document.querySelector(fig)!;
      return {
        kinds: [...new Set(Array.from(root.querySelectorAll<SVGElement>('.gov-edge')).map((e) => e.dataset['type']!))],
        legend: Array.from(root.querySelectorAll('.govmap-legend li')).map((li) => li.textContent!.trim()),
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
      const { page, close } = await open(`${base}themes/${theme}/`, { javaScriptEnabled: false });
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

describe('accessibility', () => {
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`axe finds no violations at ${width} px, ${scheme}, with a body selected`, async () => {
        const { page, close } = await open(`${PAGE}?body=safer-communities-board#governance-diagram`, {
          viewport: { width, height: 800 },
          colorScheme: scheme,
        });
        if (width === 360) await page.locator(`${FIG} [data-gov-box] > summary`).click();
        expect(await runAxe(page, `${width} ${scheme}`)).toEqual([]);
        await close();
      });
    }
  }

  it('fits 320 px with the map open', async () => {
    const { page, close } = await open(PAGE, { viewport: { width: 320, height: 700 } });
    await page.locator(`${FIG} [data-gov-box] > summary`).click();
    expect(await checkOverflow(page)).toEqual([]);
    await close();
  });
});
