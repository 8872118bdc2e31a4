/**
 * The build-time renderer shared by every chart: Observable Plot (or D3) draws into a linkedom
 * document, then `finalise` makes the SVG safe and accessible for a static page under a strict CSP:
 *
 * - no `<style>` elements and no `style` attributes (the site's CSS in src/styles/charts.css styles
 *   charts; sizes are SVG attributes);
 * - no `aria-label` on `<g>` (axe: aria-prohibited-attr) and no `font-variant` (Nu HTML checker);
 * - the SVG is a labelled `role="group"` (title + desc) whose data marks are `role="img"` with an
 *   `aria-label` giving the value; everything decorative is `aria-hidden` (never an ancestor of a mark,
 *   so focusable marks are never inside aria-hidden);
 * - numbers in attributes rounded to 2 decimals, so output is compact and byte-identical across runs.
 *
 * Every chart is rendered in two layouts, `wide` (640 px viewBox) and `narrow` (300 px viewBox with
 * its own layout), switched by a container query in charts.css, so text is never smaller than about
 * 12 px on screen.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { frameMarks } from './mark-frames.ts';
import { LAYOUT, round, svgEl, SVG_NS, textWidth, type Layout } from './svg.ts';

export { MIN_TARGET } from './mark-frames.ts';
export { LAYOUT, round, svgEl, SVG_NS, textWidth, type Layout } from './svg.ts';

export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif';

/** What every chart function receives besides its rows. */
export interface ChartOptions {
  /** Figure id; prefixes element ids so several charts can share a page. */
  id: string;
  layout: Layout;
  /** Accessible name of the SVG (the figure title). */
  title: string;
  /** Accessible description (the text summary). */
  description: string;
  /** View id when a figure has several (e.g. `count`, `percent`). */
  view?: string;
  /** A caveat or note drawn on the chart itself (e.g. a definition change). */
  annotation?: string;
}

/** A chart function: the same rows and options always give the same SVG string. */
export type ChartFunction<Row> = (rows: readonly Row[], options: ChartOptions) => string;

/** A fresh DOM document for one render (no state shared between renders). */
export function createDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document;
}

/** Text element helper. */
export function svgText(
  doc: Document,
  text: string,
  attrs: Record<string, string | number | undefined>,
  parent?: Element,
): SVGElement {
  const el = svgEl(doc, 'text', attrs, parent);
  el.textContent = text;
  return el;
}

/** What a data mark says when focused, hovered or tapped; `cls` adds classes (e.g. a colour class). */
export interface MarkInfo {
  label: string;
  key: string;
  cls?: string;
  /** Replace the mark's fill (e.g. a `url(#pattern)`). */
  fill?: string | undefined;
}

/** Turn an element into an accessible data mark. */
export function markElement(el: Element, info: MarkInfo): void {
  el.setAttribute('class', info.cls ? `mark ${info.cls}` : 'mark');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', info.label);
  el.setAttribute('data-key', info.key);
  if (info.fill) el.setAttribute('fill', info.fill);
}

/** A diagonal hatch in `colour` on the page background, for a role with `hatch` (defined once per SVG). */
export function hatchPattern(doc: Document, svg: SVGElement, id: string, colour: string): void {
  const defs = svgEl(doc, 'defs', {}, svg);
  const pattern = svgEl(
    doc,
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    defs,
  );
  svgEl(doc, 'rect', { width: 6, height: 6, fill: colour }, pattern);
  svgEl(doc, 'rect', { width: 2, height: 6, fill: '#ffffff', 'fill-opacity': 0.65 }, pattern);
}

/** A one-line legend of swatches and words at y (returns its height). Roles: ROLES in palette.ts. */
export function drawLegend(
  doc: Document,
  svg: SVGElement,
  layout: Layout,
  items: { fill: string; stroke?: string; text: string }[],
  y: number,
): number {
  const { width, fontSize } = LAYOUT[layout];
  const g = svgEl(doc, 'g', { class: 'chart-legend' }, svg);
  let x = 0;
  let line = 0;
  for (const item of items) {
    const w = 18 + textWidth(item.text, fontSize) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      line += 1;
    }
    const top = y + line * fontSize * 1.5;
    svgEl(
      doc,
      'rect',
      {
        x: x + 0.75,
        y: top + 0.75,
        width: 12.5,
        height: 12.5,
        fill: item.fill,
        stroke: item.stroke,
        'stroke-width': item.stroke ? 1.5 : undefined,
      },
      g,
    );
    svgText(doc, item.text, { x: x + 18, y: top + 11.5 }, g);
    x += w;
  }
  return (line + 1) * fontSize * 1.5;
}

type RenderNext = (
  index: number[],
  scales: unknown,
  values: unknown,
  dimensions: unknown,
  context: unknown,
) => SVGElement | null;

/**
 * A Plot mark `render` option that annotates each rendered element (one per datum, in index order)
 * as a data mark. Use with marks that draw one element per datum (bars, dots, cells).
 */
export function annotate(info: (i: number) => MarkInfo) {
  return function render(
    this: unknown,
    index: number[],
    scales: unknown,
    values: unknown,
    dimensions: unknown,
    context: unknown,
    next?: RenderNext,
  ): SVGElement | null {
    const g = next ? next(index, scales, values, dimensions, context) : null;
    if (!g) return g;
    const elements = Array.from(g.children).filter((el) => el.tagName.toLowerCase() !== 'title');
    index.forEach((i, k) => {
      const el = elements[k];
      if (el) markElement(el, info(i));
    });
    return g;
  } as unknown as Plot.RenderFunction;
}

/** Render a Plot chart into a raw SVG element (not yet finalised). */
export function plotPanel(doc: Document, options: Plot.PlotOptions & { width: number; height: number }): SVGElement {
  const node = Plot.plot({ ...options, document: doc, className: 'plot' }) as unknown as SVGElement;
  if (node.tagName.toLowerCase() !== 'svg')
    throw new Error('Chart panels must not use Plot titles, captions or legends (they wrap the SVG in a figure).');
  return node;
}

/** Remove what a strict CSP or a validator rejects, and Plot's own labelling of groups. */
function clean(root: Element): void {
  for (const style of Array.from(root.querySelectorAll('style'))) style.remove();
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    el.removeAttribute('style');
    el.removeAttribute('font-variant');
    if (!el.classList.contains('mark')) {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
      el.removeAttribute('aria-hidden');
    }
    if (el.getAttribute('class') === 'plot') el.removeAttribute('class');
  }
}

/** Hide from assistive tech every subtree that holds no data mark. */
function hideDecoration(el: Element): void {
  for (const child of Array.from(el.children)) {
    const tag = child.tagName.toLowerCase();
    if (tag === 'title' || tag === 'desc') continue;
    if (child.classList.contains('mark')) continue;
    if (child.querySelector('.mark')) hideDecoration(child);
    else child.setAttribute('aria-hidden', 'true');
  }
}

/** Round every decimal number with more than 2 places inside attribute values, and escape them as XML. */
export function roundAttributes(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_, value: string) => {
    const rounded = value.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (n) => String(round(Number(n))));
    // linkedom leaves & and < raw in attribute values; escape them so the SVG is also valid XML.
    return `="${rounded.replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;').replace(/</g, '&lt;')}"`;
  });
}

export function chartIdBase(options: ChartOptions): string {
  return [options.id, options.view, options.layout].filter(Boolean).join('-');
}

/**
 * Wrap panels (from Plot or D3) into the final accessible SVG string.
 * `draw` receives the root SVG, adds panels (nested `<svg x y>`), text and marks, and returns the height;
 * `viewWidth` overrides the layout's viewBox width.
 */
export function renderSvg(
  options: ChartOptions,
  draw: (svg: SVGElement, doc: Document) => number,
  viewWidth?: number,
): string {
  const doc = createDocument();
  const { fontSize } = LAYOUT[options.layout];
  // A chart laid out by a graph-layout library (the governance map) brings its own width.
  const width = viewWidth ?? LAYOUT[options.layout].width;
  const base = chartIdBase(options);
  const svg = svgEl(doc, 'svg', {
    xmlns: SVG_NS,
    class: `chart chart--${options.layout}`,
    width,
    role: 'group',
    'aria-labelledby': `${base}-title ${base}-desc`,
    'font-family': FONT_FAMILY,
    'font-size': fontSize,
    fill: 'currentColor',
    'data-layout': options.layout,
  });
  if (options.view) svg.setAttribute('data-view', options.view);
  const title = svgEl(doc, 'title', { id: `${base}-title` }, svg);
  title.textContent = options.title;
  const desc = svgEl(doc, 'desc', { id: `${base}-desc` }, svg);
  desc.textContent = options.description;
  const height = Math.ceil(draw(svg, doc));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // Nested Plot panels become positioned <svg> children without their own accessibility attributes.
  for (const nested of Array.from(svg.querySelectorAll('svg'))) {
    nested.removeAttribute('font-family');
    nested.removeAttribute('font-size');
    nested.setAttribute('overflow', 'visible');
  }
  clean(svg);
  frameMarks(doc, svg, options.layout);
  hideDecoration(svg);
  return roundAttributes(svg.outerHTML);
}

/** Place a Plot panel inside the root SVG at (x, y). */
export function placePanel(svg: SVGElement, panel: SVGElement, x: number, y: number): void {
  panel.removeAttribute('class');
  panel.setAttribute('x', String(round(x)));
  panel.setAttribute('y', String(round(y)));
  svg.appendChild(panel);
}

/** Break a string into lines no wider than `maxWidth` (by the estimate above). */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Multi-line text: one `<text>` with a `<tspan>` per line. */
export function svgLines(
  doc: Document,
  lines: string[],
  attrs: Record<string, string | number | undefined> & { x: number; y: number },
  lineHeight: number,
  parent: Element,
): SVGElement {
  const text = svgEl(doc, 'text', attrs, parent);
  lines.forEach((line, i) => {
    const tspan = svgEl(doc, 'tspan', { x: attrs.x, dy: i === 0 ? undefined : lineHeight }, text);
    // A trailing space keeps words apart in the text content (accessible names, copy and paste).
    tspan.textContent = i < lines.length - 1 ? `${line} ` : line;
  });
  return text;
}

/**
 * Stack panels vertically, each under an optional heading, and return the total height.
 * Headings are plain text (not HTML headings), so charts never disturb the page's heading order.
 */
export function stackPanels(
  svg: SVGElement,
  doc: Document,
  layout: Layout,
  panels: { heading?: string; panel: { svg: SVGElement; height: number } }[],
  gap = 12,
): number {
  const { fontSize, width } = LAYOUT[layout];
  let y = 0;
  panels.forEach(({ heading, panel }, i) => {
    if (i > 0) y += gap;
    if (heading) {
      // Headings are bold: wrap them narrower, as bold glyphs are about a tenth wider.
      const lines = wrapText(heading, width * 0.88, fontSize);
      svgLines(
        doc,
        lines,
        { x: 0, y: y + fontSize, class: 'chart-heading', 'font-weight': 'bold' },
        fontSize * 1.25,
        svg,
      );
      y += fontSize * 1.25 * lines.length + 4;
    }
    placePanel(svg, panel.svg, 0, y);
    y += panel.height;
  });
  return y;
}

/** Draw a wrapped note (muted) at y; returns the height used. */
export function drawNote(
  svg: SVGElement,
  doc: Document,
  layout: Layout,
  text: string,
  y: number,
  className = 'chart-note',
): number {
  const { fontSize, width } = LAYOUT[layout];
  const size = fontSize - 1;
  // A caveat is bold: wrap it narrower, as bold glyphs are about a tenth wider.
  const bold = className === 'chart-caveat';
  const lines = wrapText(text, (width - 4) * (bold ? 0.88 : 1), size);
  svgLines(
    doc,
    lines,
    { x: 0, y: y + size, class: className, 'font-size': size, 'font-weight': bold ? 'bold' : undefined },
    size * 1.3,
    svg,
  );
  return lines.length * size * 1.3 + 4;
}
