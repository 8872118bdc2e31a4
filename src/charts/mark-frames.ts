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
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;

/** Where an element's own coordinates sit in the root SVG: nested panels' x/y and translate()s above it. */
function offsetOf(el: Element, root: Element): [number, number] {
  let dx = 0;
  let dy = 0;
  for (let e = el.parentElement; e && e !== root; e = e.parentElement) {
    if (e.tagName.toLowerCase() === 'svg') {
      dx += num(e, 'x');
      dy += num(e, 'y');
    }
    const t = /translate\(\s*([-\d.e]+)[\s,]*([-\d.e]*)\s*\)/.exec(e.getAttribute('transform') ?? '');
    if (t) {
      dx += Number(t[1]);
      dy += Number(t[2] || 0);
    }
  }
  return [dx, dy];
}

/**
 * Candidate hit areas of `hw` x `hh` around a smaller `box`: centred first, then with the shape at one
 * edge (extending away from a neighbour: a thin segment stacked after a long one reaches right), then
 * at a corner. Each contains the shape.
 */
function hitCandidates(box: Box, hw: number, hh: number): Box[] {
  const xs = [box.x + box.w / 2 - hw / 2, box.x, box.x + box.w - hw];
  const ys = [box.y + box.h / 2 - hh / 2, box.y, box.y + box.h - hh];
  const out: Box[] = [];
  for (const y of ys) for (const x of xs) out.push({ x, y, w: hw, h: hh });
  return out;
}

/**
 * Every rectangular mark becomes a `<g class="mark">` holding: a focus halo and ring (drawn only on
 * focus, by CSS: a 2 px ring in the text colour with a 2 px halo in the page colour on both sides, so
 * it has >= 3:1 against any mark colour and the page), the visible shape, and, when the shape is
 * smaller than MIN_TARGET, a transparent hit area of that size around it, placed so that it overlaps
 * no other mark's shape or hit area (centred when it can be; tests/unit/charts/targets.test.ts).
 */
export function frameMarks(doc: Document, svg: SVGElement, layout: Layout): void {
  const framed: Framed[] = [];
  for (const rect of Array.from(svg.querySelectorAll('rect.mark'))) {
    const box = { x: num(rect, 'x'), y: num(rect, 'y'), w: num(rect, 'width'), h: num(rect, 'height') };
    framed.push(frameMark(doc, wrapMark(doc, rect), box, rect));
  }
  for (const text of Array.from(svg.querySelectorAll('text.mark'))) {
    framed.push(frameMark(doc, wrapMark(doc, text), textBox(text, layout), text));
  }
  for (const path of Array.from(svg.querySelectorAll('path.mark'))) {
    const box = pathBox(path);
    if (box) framed.push(frameMark(doc, wrapMark(doc, path), box, path));
  }
  // Groups of shapes (a waffle's two parts): framed around the rectangles they hold.
  for (const g of Array.from(svg.querySelectorAll('g.mark')).filter(
    (e) => !e.querySelector('.mark-ring') && !e.classList.contains('gov-node'),
  )) {
    const box = groupBox(g);
    if (box) framed.push(frameMark(doc, g, box));
  }
  placeHitAreas(doc, svg, framed, MIN_TARGET[layout]);
}

/** A framed mark: its group, the box its ring goes round, and the shapes that take taps. */
interface Framed {
  g: Element;
  box: Box;
  shapes: Box[];
}

/**
 * Move a mark element's class, role, aria-* and data-* attributes onto a new `<g>` put in its place
 * (the element itself becomes the group's `mark-shape` when framed).
 */
function wrapMark(doc: Document, el: Element): Element {
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
}

/** Put the halo before and the ring after the shape in `g`, round `box`; say which shapes take taps. */
function frameMark(doc: Document, g: Element, box: Box, shape?: Element): Framed {
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
  // A group of shapes (a waffle's squares) takes taps on each shape, not on the box around them.
  const rects = shape ? [] : Array.from(g.querySelectorAll('rect:not([class])'));
  const shapes = rects.length
    ? rects.map((r) => ({ x: num(r, 'x'), y: num(r, 'y'), w: num(r, 'width'), h: num(r, 'height') }))
    : [box];
  return { g, box, shapes };
}

/** A text mark's box, estimated as the renderer does elsewhere (start-anchored, bold digits). */
function textBox(text: Element, layout: Layout): Box {
  const size = Number(text.getAttribute('font-size') ?? LAYOUT[layout].fontSize);
  const w = textWidth(text.textContent ?? '', size) * (text.getAttribute('font-weight') === 'bold' ? 1.1 : 1);
  const anchor = text.getAttribute('text-anchor');
  const x0 = num(text, 'x') - (anchor === 'middle' ? w / 2 : anchor === 'end' ? w : 0);
  return { x: x0, y: num(text, 'y') - size * 0.8, w, h: size };
}

/** The points of a simple path (M/L/l/H/V/h/v/Z, as the stat tiles' arrows). */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  let cx = 0;
  let cy = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVmlhvZz])([^MLHVmlhvZz]*)/g)) {
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
  return points;
}

/** A simple path's box: the box of its points (none for a path without any). */
function pathBox(path: Element): Box | undefined {
  const points = pathPoints(path.getAttribute('d') ?? '');
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    w: Math.max(...xs) - Math.min(...xs),
    h: Math.max(...ys) - Math.min(...ys),
  };
}

/** The box round the rectangles a group holds (none for a group without any). */
function groupBox(g: Element): Box | undefined {
  const rects = Array.from(g.querySelectorAll('rect'));
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((r) => num(r, 'x')));
  const y = Math.min(...rects.map((r) => num(r, 'y')));
  const w = Math.max(...rects.map((r) => num(r, 'x') + num(r, 'width'))) - x;
  const h = Math.max(...rects.map((r) => num(r, 'y') + num(r, 'height'))) - y;
  return { x, y, w, h };
}

/**
 * Hit areas last, once every mark's shape is known, in the root SVG's coordinates: each mark smaller
 * than `min` gets the first candidate area that overlaps nothing already taken (else the centred one).
 */
function placeHitAreas(doc: Document, svg: SVGElement, framed: readonly Framed[], min: number): void {
  const placed = framed.map((f) => {
    const [dx, dy] = offsetOf(f.g, svg);
    return { ...f, dx, dy, taken: f.shapes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy })) };
  });
  for (const f of placed) {
    const { x, y, w, h } = f.box;
    if (w >= min && h >= min) continue;
    const others = placed.filter((o) => o !== f).flatMap((o) => o.taken);
    const candidates = hitCandidates(f.box, Math.max(w, min), Math.max(h, min));
    const hit =
      candidates.find((c) => !others.some((o) => overlaps({ ...c, x: c.x + f.dx, y: c.y + f.dy }, o))) ??
      candidates[0]!;
    svgEl(
      doc,
      'rect',
      { x: hit.x, y: hit.y, width: hit.w, height: hit.h, fill: 'transparent', stroke: 'none', class: 'mark-hit' },
      f.g,
    );
    f.taken = [
      { ...hit, x: hit.x + f.dx, y: hit.y + f.dy },
      { x: x + f.dx, y: y + f.dy, w, h },
    ];
  }
}
