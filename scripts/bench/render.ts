/**
 * Rendering work at load, checked statically on a built site folder (no browser, deterministic):
 *
 * - DOM size: the elements of each page (`<body>` and everything in it). Style and layout time grow
 *   with it, and Lighthouse's TBT counts that time on a 4x slower phone.
 * - Elements rendered at load (theme pages): the same count without the elements inside blocks that
 *   the page's own stylesheets give `content-visibility: auto` (those are laid out and painted only
 *   when they come near the screen).
 * - Heavy blocks left rendered: on a theme page, every block of the page (a child of `.theme-page`
 *   or `.theme-page__body`) after the first figure must either have such a rule or render at most
 *   `heavyBlockElements` elements outside lazy blocks of its own (the governance map figure keeps
 *   its card's fixed bottom sheet working that way: its map and list are lazy, the figure is not).
 *   A new kind of heavy block added to the pages without one fails here.
 *
 * Selectors are read from the CSS files the page links (css-tree; rules inside `@media print` are
 * ignored) and matched with linkedom's `Element.matches`. See docs/performance.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as csstree from 'css-tree';
import { parseHTML } from 'linkedom';
import { BUDGETS } from '../../budgets.config.ts';
import { normaliseBase } from '../../src/lib/url.ts';
import { filesUnder } from '../files.ts';

export interface RenderPage {
  /** Path of the HTML file inside the folder, e.g. `themes/governance/index.html`. */
  page: string;
  elements: number;
  elementsAtLoad: number;
  /** Built with the theme layout (`.theme-page`): the elements-at-load budget and the heavy-block check apply. */
  themePage: boolean;
  /** Heavy blocks not covered by a content-visibility rule, described as `tag#id.class (n elements)`. */
  uncovered: string[];
}

export interface RenderViolation {
  page: string;
  budget: 'domElements' | 'elementsAtLoad' | 'heavyBlocks';
  message: string;
}

/** Selectors of rules that set `content-visibility: auto`, outside `@media print`. */
export function lazySelectors(css: string): string[] {
  const out: string[] = [];
  const ast = csstree.parse(css);
  csstree.walk(ast, {
    visit: 'Rule',
    enter(node) {
      const inPrint = this.atrule?.name === 'media' && /\bprint\b/.test(csstree.generate(this.atrule.prelude ?? ast));
      if (inPrint || node.prelude.type !== 'SelectorList') return;
      let lazy = false;
      csstree.walk(node.block, {
        visit: 'Declaration',
        enter(d) {
          if (d.property === 'content-visibility' && csstree.generate(d.value).trim() === 'auto') lazy = true;
        },
      });
      if (!lazy) return;
      node.prelude.children.forEach((s) => {
        out.push(csstree.generate(s));
      });
    },
  });
  return out;
}

function describe(el: Element, count: number): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = el.getAttribute('class')?.trim().split(/\s+/)[0];
  return `${el.tagName.toLowerCase()}${id}${cls ? `.${cls}` : ''} (${count} elements)`;
}

/** Analyse one page's HTML with the CSS of its stylesheets (already read). */
export function analysePage(page: string, html: string, css: string[]): RenderPage {
  const { document } = parseHTML(html);
  const selectors = css.flatMap(lazySelectors);
  const lazy = (el: Element) => selectors.some((s) => el.matches(s));
  const body = document.querySelector('body');
  const all = body ? [body, ...Array.from(body.querySelectorAll('*'))] : [];
  // Outermost lazy blocks only: a lazy block inside another is skipped with it.
  const lazyRoots = all.filter(lazy);
  const outer = lazyRoots.filter((root) => !lazyRoots.some((other) => other !== root && other.contains(root)));
  /** Elements inside `el` that are rendered with it (not inside a lazy block within it). */
  const rendered = (el: Element) =>
    el.querySelectorAll('*').length -
    outer.filter((r) => r !== el && el.contains(r)).reduce((n, r) => n + r.querySelectorAll('*').length, 0);
  const skipped = outer.reduce((n, r) => n + r.querySelectorAll('*').length, 0);
  const uncovered: string[] = [];
  const blocks = Array.from(document.querySelectorAll('.theme-page > *, .theme-page__body > *'));
  const first = document.querySelector('.theme-page figure');
  for (const block of blocks) {
    // Blocks up to the first figure are the first screen (title, standfirst, lead figure).
    if (!first || block === first || block.contains(first) || !isAfter(block, first)) continue;
    if (block.classList.contains('theme-page__body')) continue;
    if (lazy(block) || block.closest('[hidden]')) continue;
    const count = rendered(block);
    if (count > BUDGETS.heavyBlockElements) uncovered.push(describe(block, count));
  }
  const themePage = document.querySelector('.theme-page') !== null;
  return { page, elements: all.length, elementsAtLoad: all.length - skipped, themePage, uncovered };
}

/** Is `a` after `b` in document order (and not inside it)? */
function isAfter(a: Element, b: Element): boolean {
  // DOCUMENT_POSITION_FOLLOWING = 4
  return (b.compareDocumentPosition(a) & 4) !== 0 && !b.contains(a);
}

/** Every page of a built folder; stylesheets resolved under `base`. */
export function checkRendering(
  folder: string,
  options: { base?: string } = {},
): { pages: RenderPage[]; violations: RenderViolation[] } {
  const base = normaliseBase(options.base ?? '/');
  const cssCache = new Map<string, string>();
  const readCss = (href: string): string => {
    const path = new URL(href, 'http://site.invalid/').pathname;
    if (!path.startsWith(base)) return '';
    const file = join(folder, decodeURIComponent(path.slice(base.length)));
    if (!cssCache.has(file)) {
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // A missing stylesheet is reported by the byte budgets (missing file); here it has no rules.
      }
      cssCache.set(file, text);
    }
    return cssCache.get(file) ?? '';
  };
  const pages = filesUnder(folder)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((page) => {
      const html = readFileSync(join(folder, page), 'utf8');
      const hrefs = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!);
      return analysePage(page, html, hrefs.map(readCss));
    });
  const violations: RenderViolation[] = [];
  for (const p of pages) {
    if (p.elements > BUDGETS.domElements)
      violations.push({
        page: p.page,
        budget: 'domElements',
        message: `${p.page}: ${p.elements} elements > ${BUDGETS.domElements} budget`,
      });
    if (p.themePage && p.elementsAtLoad > BUDGETS.elementsAtLoad)
      violations.push({
        page: p.page,
        budget: 'elementsAtLoad',
        message: `${p.page}: ${p.elementsAtLoad} elements rendered at load (outside content-visibility blocks) > ${BUDGETS.elementsAtLoad} budget`,
      });
    for (const u of p.uncovered)
      violations.push({
        page: p.page,
        budget: 'heavyBlocks',
        message: `${p.page}: ${u} rendered at load below the first figure: give it content-visibility: auto (docs/performance.md)`,
      });
  }
  return { pages, violations };
}
