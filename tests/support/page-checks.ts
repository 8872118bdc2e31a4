/**
 * The browser checks, as reusable functions that return a list of failures instead of throwing.
 * The site's tests assert the list is empty; tests/browser/checks-catch-broken-pages.test.ts runs the same functions on
 * deliberately broken fixture pages and asserts each one reports its failure, so the gates can fail.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { checkTargetOverlap } from './hit-areas.ts';
import type { Failure, TabPool } from './tabs.ts';

export type { Failure, FailureKind } from './tabs.ts';
export { checkKeyboard, walkKeyboard } from './keyboard.ts';
import { backToTop, walkFromTop, walkKeyboard } from './keyboard.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const WIDTHS = [360, 1280] as const;
export const SCHEMES = ['light', 'dark'] as const;
export const NARROWEST = 320;
/**
 * A chart SVG is drawn at most this many times the size of its viewBox (the site's charts: 1.17 at
 * most, the activities overview at 1280 px); more, and text drawn for a narrow column grows past the
 * page's own (a theme's governance map stretched to 1.6 and 4.2 times, issue #25).
 */
export const MAX_CHART_SCALE = 1.25;
const HEIGHT = 800;

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy

/** Problems with a CSP string: it must exist, say `default-src 'self'`, and allow no unsafe-*. */
export function checkCspPolicy(policy: string | null | undefined): string[] {
  if (policy === null || policy === undefined || policy.trim() === '')
    return ['no <meta http-equiv="content-security-policy">'];
  const problems: string[] = [];
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') directives.set(name.toLowerCase(), values);
  }
  const defaultSrc = directives.get('default-src');
  if (defaultSrc === undefined || defaultSrc.join(' ') !== "'self'")
    problems.push(`default-src is "${defaultSrc?.join(' ') ?? '(missing)'}", expected "'self'"`);
  for (const [name, values] of directives) {
    for (const value of values) {
      const lower = value.toLowerCase();
      if (
        lower === "'unsafe-inline'" ||
        lower === "'unsafe-eval'" ||
        lower === "'unsafe-hashes'" ||
        lower === "'wasm-unsafe-eval'"
      )
        problems.push(`${name} allows ${value}`);
      if (lower === '*' || lower === 'http:' || lower === 'https:' || lower === 'data:') {
        if (name === 'script-src' || name === 'style-src' || name === 'default-src')
          problems.push(`${name} allows ${value}`);
      }
    }
  }
  // Scripts and styles only by file ('self') or by hash.
  for (const name of ['script-src', 'style-src']) {
    for (const value of directives.get(name) ?? []) {
      if (value !== "'self'" && !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(value))
        problems.push(`${name} allows ${value} (only 'self' and hashes)`);
    }
  }
  return problems;
}

/** The page's meta CSP, checked, and placed before every script, style and stylesheet. */
async function checkMetaCsp(page: Page): Promise<Failure[]> {
  const found = await page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
      (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
    );
    const meta = metas[0];
    if (meta === undefined) return { count: 0, policy: null, inHead: false, late: [] as string[] };
    const late = [...document.querySelectorAll('script, style, link[rel~="stylesheet"], link[rel="modulepreload"]')]
      .filter((el) => meta.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)
      .map((el) => el.outerHTML.slice(0, 80));
    return {
      count: metas.length,
      policy: meta.getAttribute('content'),
      inHead: meta.parentElement === document.head,
      late,
    };
  });
  const failures = checkCspPolicy(found.policy).map((detail) => ({ kind: 'csp-policy' as const, detail }));
  if (found.count > 1)
    failures.push({ kind: 'csp-policy', detail: `${found.count} CSP <meta> elements (expected one)` });
  if (found.count > 0 && !found.inHead)
    failures.push({ kind: 'csp-policy', detail: 'the CSP <meta> is not in <head>' });
  for (const el of found.late)
    failures.push({ kind: 'csp-policy', detail: `${el} comes before the CSP <meta>, so the policy does not cover it` });
  return failures;
}

// ---------------------------------------------------------------------------------------------
// axe, overflow, charts

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core through @axe-core/playwright's AxeBuilder, in legacy mode: `axe.run` in the page itself.
 * The default mode opens a blank page per run to merge results from cross-origin iframes (the site has
 * none) and was 4-5 times slower here. AxeBuilder injects axe with `page.evaluate`, which the page's
 * CSP does not block. It injects the 0.6 MB source twice per run; axe is injected here once per page
 * instead (it survives resizing and colour-scheme changes), and AxeBuilder is handed a no-op source.
 * Only violations are collected, which also saves time. `rules` limits the run to those rule ids (the
 * colour rules, in the dark scheme: see COLOUR_RULES).
 */
export async function runAxe(page: Page, label: string, rules?: readonly string[]): Promise<Failure[]> {
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axeSource);
  const builder = new AxeBuilder({ page, axeSource: 'void 0' });
  if (rules === undefined) builder.withTags(AXE_TAGS);
  else builder.withRules([...rules]);
  const results = await builder
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((violation) => ({
    kind: 'axe' as const,
    detail: `[${label}] ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}; ${violation.nodes
      .slice(0, 5)
      .map((node) => node.target.join(' '))
      .join(' | ')}${violation.nodes.length > 5 ? ` and ${violation.nodes.length - 5} more` : ''}`,
  }));
}

/**
 * The axe rules whose result can change with the colour scheme alone: every rule of AXE_TAGS in axe's
 * `cat.color` category (color-contrast, link-in-text-block). The dark scheme changes colours and
 * nothing else (tests/unit/dark-scheme.test.ts holds the site's CSS to that), so in dark these are
 * the rules that can give another answer; every other rule runs in light at both widths. The reason,
 * not speed, is the point (measured on theme pages: the colour rules alone cost 0.6–0.8 CPU s, a full
 * axe run 0.5–0.9 s), so 1280 px also keeps every rule.
 */
export const COLOUR_RULES: readonly string[] = (() => {
  const axe = createRequire(import.meta.url)('axe-core') as {
    getRules(tags?: string[]): Array<{ ruleId: string; tags: string[] }>;
  };
  return axe
    .getRules(['cat.color'])
    .filter((rule) => rule.tags.some((tag) => AXE_TAGS.includes(tag)))
    .map((rule) => rule.ruleId)
    .sort();
})();

/**
 * axe in both colour schemes on the page as it stands, without a reload: every rule in light, the
 * colour rules in dark (COLOUR_RULES: the dark scheme changes colours and nothing else). For a state a
 * test has set up (a body selected, filters applied), one load per width instead of one per width and
 * scheme, as `checkPage` does for every page (issue #26).
 */
export async function runAxeBothSchemes(page: Page, label: string): Promise<Failure[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const failures = await runAxe(page, `${label} light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  failures.push(...(await runAxe(page, `${label} dark`, COLOUR_RULES)));
  await page.emulateMedia({ colorScheme: 'light' });
  return failures;
}

/** Horizontal scroll at the current viewport width, naming the widest culprits. */
export async function checkOverflow(page: Page): Promise<Failure[]> {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const scrollsItself = (el: Element | null): boolean => {
      for (let node = el; node !== null && node !== document.body; node = node.parentElement) {
        const overflowX = getComputedStyle(node).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden' || overflowX === 'clip')
          return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !scrollsItself(el.parentElement))
      .slice(0, 3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length > 0 ? `.${[...el.classList].join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { scrollWidth: root.scrollWidth, width, culprits };
  });
  if (result === null) return [];
  return [
    {
      kind: 'overflow',
      detail: `page is ${result.scrollWidth} px wide in a ${result.width} px viewport: ${result.culprits.join(', ') || 'culprit not found'}`,
    },
  ];
}

/**
 * Every `.figure`: each chart SVG (an `<svg>` not nested in another) has an accessible name and a
 * graphics role, at least one is rendered, every rendered one fits the viewport and is drawn at most
 * MAX_CHART_SCALE times its viewBox, and there is a table. A figure may hold several chart SVGs (views, wide and narrow layouts) shown by CSS.
 */
export async function checkCharts(page: Page): Promise<Failure[]> {
  const problems = await page.evaluate((maxScale) => {
    const out: string[] = [];
    const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const viewport = document.documentElement.clientWidth;
    document.querySelectorAll('.figure').forEach((figure, index) => {
      const label = figure.id !== '' ? `#${figure.id}` : `.figure[${index}]`;
      const svgs = [...figure.querySelectorAll('svg')].filter((svg) => svg.parentElement?.closest('svg') === null);
      if (svgs.length === 0) out.push(`${label} has no <svg>`);
      let rendered = 0;
      svgs.forEach((svg, i) => {
        const which = svgs.length > 1 ? `${label} <svg>[${i}]` : `${label} <svg>`;
        const labelledBy = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const name =
          labelledBy
            .map((id) => text(document.getElementById(id)))
            .join(' ')
            .trim() ||
          (svg.getAttribute('aria-label') ?? '').trim() ||
          text(svg.querySelector(':scope > title'));
        if (name === '') out.push(`${which} has no accessible name (aria-labelledby, aria-label or <title>)`);
        if (svg.getAttribute('aria-hidden') === 'true') out.push(`${which} is aria-hidden`);
        const role = svg.getAttribute('role');
        if (role !== 'img' && role !== 'graphics-document' && role !== 'figure' && role !== 'group')
          out.push(`${which} has role="${role ?? ''}", expected role="img" (or a graphics or group role)`);
        const rect = svg.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || !svg.checkVisibility({ visibilityProperty: true })) return;
        rendered++;
        if (rect.width > viewport + 0.5)
          out.push(`${which} is ${Math.round(rect.width)} px wide in a ${viewport} px viewport`);
        // Drawn at most a little over its own size (issue #25: a theme's governance map drawn for a
        // narrow column, 262 units wide, was stretched to 1,088 px at 1280, its names 50 px tall).
        const box = svg.viewBox.baseVal as SVGRect | null;
        if (box !== null && box.width > 0 && box.height > 0) {
          const scale = Math.min(rect.width / box.width, rect.height / box.height);
          if (scale > maxScale) {
            const sizes = [...svg.querySelectorAll('text')]
              .filter((t) => t.getClientRects().length > 0)
              .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
            const text = sizes.length > 0 ? `, its text up to ${Math.round(Math.max(...sizes))} px` : '';
            out.push(
              `${which} is drawn ${scale.toFixed(2)} times its own size (${Math.round(box.width)} units at ${Math.round(rect.width)} px${text}; at most ${maxScale})`,
            );
          }
        }
      });
      // A chart the reader opens with one tap (the governance map starts in a closed <details> on
      // phones, behind its tiered list) counts as shown.
      const folded = svgs.length > 0 && svgs.every((svg) => svg.closest('details:not([open])') !== null);
      if (svgs.length > 0 && rendered === 0 && !folded) out.push(`${label}: no chart <svg> is shown`);
      if (figure.querySelector('table') === null) out.push(`${label} has no <table> alternative`);
    });
    return out;
  }, MAX_CHART_SCALE);
  return problems.map((detail) => ({ kind: 'chart' as const, detail }));
}

// ---------------------------------------------------------------------------------------------
// The per-page pass

/**
 * A full-page PNG through the DevTools protocol with `optimizeForSpeed` (faster PNG encoding, about
 * 25% larger files): half the time of Playwright's `fullPage` screenshot here, on pages 5000+ px tall.
 */
export async function fullPageScreenshot(page: Page, path: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { cssContentSize: size } = (await cdp.send('Page.getLayoutMetrics')) as {
      cssContentSize: { width: number; height: number };
    };
    const clip = { x: 0, y: 0, width: Math.ceil(size.width), height: Math.ceil(size.height), scale: 1 };
    const shot = (await cdp.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      optimizeForSpeed: true,
      clip,
    })) as { data: string };
    writeFileSync(path, Buffer.from(shot.data, 'base64'));
  } finally {
    await cdp.detach();
  }
}

export interface PageCheckOptions {
  /** The local server's origin; requests anywhere else fail. */
  origin: string;
  /** If set, full-page PNGs `<slug>-<width>-<scheme>.png` are written here. */
  screenshotsDir?: string | undefined;
  slug?: string;
  /**
   * Also walk the page by keyboard at each width (keyboard.ts), in the same visit: at 1280 px first,
   * on the page as loaded; at 360 px after the other checks, from the top of the page again.
   */
  keyboard?: boolean;
  /**
   * A page whose built HTML is the same file as `sameAs`'s but for the `<head>` tags naming its own
   * address (see `sameDocuments`): the page is loaded and checked as any other (200, CSP, network and
   * console, charts at each width, overflow), its rendered document with JavaScript on is compared
   * with `sameAs`'s (loaded first, in the same tab), and axe and the keyboard walks, which read only
   * that document and its stylesheets, run once, on `sameAs`'s own test.
   */
  sameAs?: string | undefined;
}

/**
 * The rendered document at this moment: `<html>` attributes, the stylesheets and scripts, and the
 * body's markup after the page's scripts ran; two pages with the same one give axe and the keyboard
 * walk the same input.
 */
async function renderedDocument(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify({
      html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
      assets: [...document.querySelectorAll('link[rel~="stylesheet"], style, script')].map((el) =>
        el.outerHTML.slice(0, 300),
      ),
      body: document.body.outerHTML,
    }),
  );
}

/**
 * Groups of built HTML files that are the same document: byte-identical once the `<head>` tags that
 * name the page's own address (canonical, og:url, og:image, twitter:image) are blanked. On this site
 * only /source/ (the old address) and the first report's page under /sources/ (about 1,000 Tab stops
 * each) are. Returns each later name (in sorted order) mapped to the first name of its group.
 */
export function sameDocuments(files: ReadonlyMap<string, string>): Map<string, string> {
  const seen = new Map<string, string>();
  const copies = new Map<string, string>();
  for (const [name, html] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const key = html
      .replace(/<link rel="canonical" href="[^"]*">/g, '')
      .replace(/<meta (?:property|name)="(?:og:url|og:image|twitter:image)" content="[^"]*">/g, '');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, name);
    else copies.set(name, first);
  }
  return copies;
}

/**
 * Load the page once and check it: 200, CSP meta, axe at each width (every rule in light, the colour
 * rules in dark; a screenshot of each when asked for), charts and their marks' touch targets at each
 * width, the keyboard walk at each
 * width when asked for, no horizontal scroll at 320 px, and throughout no console error, CSP
 * violation, failed request or request to another host.
 */
export async function checkPage(tabs: TabPool, url: string, options: PageCheckOptions): Promise<Failure[]> {
  const widest = WIDTHS[WIDTHS.length - 1] ?? 1280;
  return tabs.use({ width: widest, height: HEIGHT }, async (tab) => {
    const failures: Failure[] = [];
    const page = tab.page;
    let original: string | undefined;
    if (options.sameAs !== undefined) {
      await page.goto(options.sameAs, { waitUntil: 'load' });
      original = await renderedDocument(page);
      // Let its late requests (the favicon) finish: the next navigation would abort them, and the
      // watch that starts below would report the abort as a failed request of the page under test.
      await page.waitForLoadState('networkidle');
    }
    tab.watch(options.origin);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response === null || response.status() !== 200)
      failures.push({ kind: 'http-status', detail: `${url} answered ${response?.status() ?? 'nothing'}` });
    failures.push(...(await checkMetaCsp(page)));
    const full = original === undefined;
    if (!full && (await renderedDocument(page)) !== original)
      failures.push({ kind: 'same-document', detail: `${url} renders another document than ${options.sameAs ?? ''}` });
    // The first walk on the page exactly as loaded, before anything else has touched it.
    if (options.keyboard === true && full) {
      failures.push(...(await walkKeyboard(page, widest)));
      await backToTop(page);
    }
    for (const width of [...WIDTHS].reverse()) {
      await page.setViewportSize({ width, height: HEIGHT });
      failures.push(...(await checkCharts(page)).map((f) => ({ ...f, detail: `[${width} px] ${f.detail}` })));
      // Marks' touch targets, as drawn at this width (they were checked on theme pages only, in a
      // visit of their own: explore.test.ts; issue #26).
      for (const detail of await checkTargetOverlap(page))
        failures.push({ kind: 'targets', detail: `[${width} px] ${detail}` });
      for (const scheme of full ? SCHEMES : []) {
        await page.emulateMedia({ colorScheme: scheme });
        // Every rule in light; in dark only the rules colours can change (COLOUR_RULES).
        failures.push(...(await runAxe(page, `${width} px ${scheme}`, scheme === 'light' ? undefined : COLOUR_RULES)));
        if (options.screenshotsDir !== undefined) {
          mkdirSync(options.screenshotsDir, { recursive: true });
          await fullPageScreenshot(
            page,
            join(options.screenshotsDir, `${options.slug ?? 'page'}-${width}-${scheme}.png`),
          );
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
      if (options.keyboard === true && full && width !== widest) failures.push(...(await walkFromTop(page, width)));
    }
    await page.setViewportSize({ width: NARROWEST, height: HEIGHT });
    failures.push(...(await checkOverflow(page)));
    failures.push(...tab.stopWatching());
    return failures;
  });
}

// ---------------------------------------------------------------------------------------------
// No-JS pass

/**
 * With JavaScript off, every `.figure` shows its SVG, summary and download links, and has its table.
 * The rule for the table: it is rendered, or it sits in a closed `<details>` whose `<summary>` the
 * reader can open without JavaScript (the check opens it and then requires the table rendered).
 */
export async function checkNoJs(tabs: TabPool, url: string): Promise<Failure[]> {
  return tabs.use({ javaScript: false, width: 360, height: HEIGHT }, async ({ page }) => {
    const failures: Failure[] = [];
    const fail = (detail: string): void => {
      failures.push({ kind: 'no-js', detail });
    };
    await page.goto(url, { waitUntil: 'load' });
    // Everything is read in one call (the page's scripts are off, the check's are not); only tables
    // in a closed <details> need a real click, which opens it without JavaScript.
    const found = await page.evaluate(() => {
      // As Playwright's isVisible: a non-empty box and not visibility:hidden (closed <details> content has no box).
      const visible = (el: Element | null): boolean => {
        if (el === null) return false;
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && el.checkVisibility({ visibilityProperty: true });
      };
      const text = (el: Element | null): string => ((el as HTMLElement | null)?.innerText ?? '').trim();
      const main = document.querySelector('main');
      return {
        main: visible(main) && text(main) !== '',
        figures: [...document.querySelectorAll('.figure')].map((figure, index) => {
          // The chart SVGs (not nested in another SVG) that are rendered: at least one, with content.
          const shown = [...figure.querySelectorAll('svg')]
            .filter((svg) => svg.parentElement?.closest('svg') === null)
            .filter((svg) => svg.checkVisibility({ visibilityProperty: true }))
            .map((svg) => {
              const rect = svg.getBoundingClientRect();
              return {
                width: rect.width,
                height: rect.height,
                marks: svg.querySelectorAll('path, rect, circle, line, polyline, polygon, text').length,
              };
            });
          const table = figure.querySelector('table');
          const details = table?.closest('details');
          const summary = figure.querySelector('.figure-summary');
          return {
            index,
            label: figure.id !== '' ? figure.id : `.figure[${index}]`,
            shown,
            table:
              table === null
                ? 'none'
                : visible(table)
                  ? 'shown'
                  : details !== null && details !== undefined && figure.contains(details) && !details.open
                    ? 'closed-details'
                    : 'hidden',
            summary: visible(summary) && text(summary) !== '',
            // A compact embed (/embed/compact/<id>/) shows the chart and its source only: it links back
            // to the full figure, where the downloads are, instead of offering them itself.
            compact: figure.closest('.embed--compact') !== null,
            backLink: [...figure.querySelectorAll('.figure-links a[href]')].some((link) => visible(link)),
            downloads: [...figure.querySelectorAll('.figure-download')].map((link) => {
              const href = link.getAttribute('href') ?? link.querySelector('a[href]')?.getAttribute('href') ?? '';
              return href !== '' && visible(link);
            }),
          };
        }),
      };
    });
    if (!found.main) fail('<main> is missing, hidden or empty');
    for (const figure of found.figures) {
      const { label, shown } = figure;
      if (shown.length === 0) fail(`${label}: no chart <svg> shown`);
      else if (!shown.some((svg) => svg.width >= 10 && svg.height >= 10)) fail(`${label}: <svg> has no size`);
      else if (!shown.some((svg) => svg.marks > 0)) fail(`${label}: <svg> is empty (drawn only by JavaScript?)`);
      if (figure.table === 'none') fail(`${label}: no <table>`);
      else if (figure.table === 'hidden') fail(`${label}: <table> hidden without JavaScript`);
      else if (figure.table === 'closed-details') {
        const inFigure = page.locator('.figure').nth(figure.index);
        await inFigure.locator('details:has(table) > summary').first().click();
        if (!(await inFigure.locator('table').first().isVisible()))
          fail(`${label}: <table> still hidden after opening its <details>`);
      }
      if (!figure.summary) fail(`${label}: .figure-summary missing, hidden or empty`);
      if (figure.compact) {
        if (figure.downloads.length > 0)
          fail(`${label}: a compact embed offers downloads (it should show chart and source only)`);
        if (!figure.backLink) fail(`${label}: a compact embed has no visible link back to the full figure`);
      } else if (figure.downloads.length === 0) fail(`${label}: no .figure-download link`);
      figure.downloads.forEach((ok, d) => {
        if (!ok) fail(`${label}: .figure-download[${d}] hidden or without href`);
      });
    }
    return failures;
  });
}

/** One line per failure, for assertion messages. */
export function describe(failures: Failure[]): string {
  return failures.map((f) => `  ${f.kind}: ${f.detail}`).join('\n');
}
