/**
 * Focus rings and touch targets for chart marks (docs/design.md): drawn at build time, shown by CSS.
 */
import { LAYOUT, svgEl, SVG_NS, textWidth, type Layout } from './svg.ts';

/**
 * Smallest side of a mark's hit area, in SVG units, so that it is at least 24 CSS px (WCAG 2.2 target
 * size) at the smallest scale each layout is drawn at (wide: 640 units in >= 35rem, narrow: 300 units
 * in >= 288 px).
 */
export const MIN_TARGET: Record<Layout, number> = { wide: 28, narrow: 26 };

const num = (el: Element, name: string): number => Number(el.getAttribute(name) ?? 0);

/**
 * Every rectangular mark becomes a `<g class="mark">` holding: a focus halo and ring (drawn only on
 * focus, by CSS: a 2 px ring in the text colour with a 2 px halo in the page colour on both sides, so
 * it has >= 3:1 against any mark colour and the page), the visible shape, and, when the shape is
 * smaller than MIN_TARGET, a transparent hit area of that size centred on it.
 */
export function frameMarks(doc: Document, svg: SVGElement, layout: Layout): void {
  const min = MIN_TARGET[layout];
  const frame = (g: Element, box: { x: number; y: number; w: number; h: number }, shape?: Element) => {
    const { x, y, w, h } = box;
    // Attributes keep the extra rectangles invisible in the standalone SVG (no site CSS there).
    const ring = (cls: string, pad: number) =>
      svgEl(doc, 'rect', {
        x: x - pad,
        y: y - pad,
        width: w + pad * 2,
        height: h + pad * 2,
        fill: 'none',
        stroke: 'none',
        visibility: 'hidden',
        class: cls,
        'vector-effect': 'non-scaling-stroke',
      });
    g.insertBefore(ring('mark-halo', 3), g.firstChild);
    if (shape) g.appendChild(shape);
    g.appendChild(ring('mark-ring', 3));
    if (w < min || h < min) {
      const hw = Math.max(w, min);
      const hh = Math.max(h, min);
      svgEl(
        doc,
        'rect',
        {
          x: x + w / 2 - hw / 2,
          y: y + h / 2 - hh / 2,
          width: hw,
          height: hh,
          fill: 'transparent',
          stroke: 'none',
          class: 'mark-hit',
        },
        g,
      );
    }
  };
  const wrap = (el: Element): Element => {
    const g = doc.createElementNS(SVG_NS, 'g');
    for (const name of Array.from(el.getAttributeNames())) {
      if (name === 'class' || name === 'role' || name.startsWith('aria-') || name.startsWith('data-')) {
        g.setAttribute(name, el.getAttribute(name) ?? '');
        el.removeAttribute(name);
      }
    }
    el.setAttribute('class', 'mark-shape');
    el.parentNode?.insertBefore(g, el);
    return g;
  };
  for (const rect of Array.from(svg.querySelectorAll('rect.mark'))) {
    const box = { x: num(rect, 'x'), y: num(rect, 'y'), w: num(rect, 'width'), h: num(rect, 'height') };
    frame(wrap(rect), box, rect);
  }
  for (const text of Array.from(svg.querySelectorAll('text.mark'))) {
    // The text's box, estimated as the renderer does elsewhere (start-anchored, bold digits).
    const size = Number(text.getAttribute('font-size') ?? LAYOUT[layout].fontSize);
    const w = textWidth(text.textContent ?? '', size) * (text.getAttribute('font-weight') === 'bold' ? 1.1 : 1);
    const anchor = text.getAttribute('text-anchor');
    const x0 = num(text, 'x') - (anchor === 'middle' ? w / 2 : anchor === 'end' ? w : 0);
    const box = { x: x0, y: num(text, 'y') - size * 0.8, w, h: size };
    frame(wrap(text), box, text);
  }
  for (const path of Array.from(svg.querySelectorAll('path.mark'))) {
    // Simple paths (M/L/l/H/V/h/v/Z, as the stat tiles' arrows): the box of their points.
    const points: [number, number][] = [];
    let cx = 0;
    let cy = 0;
    for (const [, cmd, args] of (path.getAttribute('d') ?? '').matchAll(/([MLHVmlhvZz])([^MLHVmlhvZz]*)/g)) {
      const n = (args ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      if (cmd === 'M' || cmd === 'L')
        for (let i = 0; i + 1 < n.length; i += 2) points.push([(cx = n[i]!), (cy = n[i + 1]!)]);
      else if (cmd === 'm' || cmd === 'l')
        for (let i = 0; i + 1 < n.length; i += 2) points.push([(cx += n[i]!), (cy += n[i + 1]!)]);
      else if (cmd === 'H' || cmd === 'h') for (const v of n) points.push([(cx = cmd === 'H' ? v : cx + v), cy]);
      else if (cmd === 'V' || cmd === 'v') for (const v of n) points.push([cx, (cy = cmd === 'V' ? v : cy + v)]);
    }
    if (points.length === 0) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const box = {
      x: Math.min(...xs),
      y: Math.min(...ys),
      w: Math.max(...xs) - Math.min(...xs),
      h: Math.max(...ys) - Math.min(...ys),
    };
    frame(wrap(path), box, path);
  }
  // Groups of shapes (a waffle's two parts): framed around the rectangles they hold.
  for (const g of Array.from(svg.querySelectorAll('g.mark')).filter(
    (e) => !e.querySelector('.mark-ring') && !e.classList.contains('gov-node'),
  )) {
    const rects = Array.from(g.querySelectorAll('rect'));
    if (rects.length === 0) continue;
    const x = Math.min(...rects.map((r) => num(r, 'x')));
    const y = Math.min(...rects.map((r) => num(r, 'y')));
    const w = Math.max(...rects.map((r) => num(r, 'x') + num(r, 'width'))) - x;
    const h = Math.max(...rects.map((r) => num(r, 'y') + num(r, 'height'))) - y;
    frame(g, { x, y, w, h });
  }
}
