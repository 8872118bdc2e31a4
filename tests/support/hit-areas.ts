/**
 * Touch targets of a chart read from its SVG string (independently of src/charts/mark-frames.ts): each
 * mark's target is its transparent hit area (`.mark-hit`) with its shape, or, for a group of shapes (a
 * waffle's squares), each square. Every box is placed in the root SVG's coordinates (nested panels'
 * x/y and translate()s) and scaled to the smallest size the layout is drawn at, then:
 * - no two marks' targets may overlap (a tap must never be ambiguous);
 * - every target must be at least 24 x 24 CSS px (WCAG 2.2 target size).
 */
import type { Page } from 'playwright-core';
import { parseHTML } from 'linkedom';

/** Smallest rendered width of each layout in CSS px (charts.css: wide from a 35rem figure; narrow in a 288 px one). */
export const SMALLEST_WIDTH = { wide: 560, narrow: 288 } as const;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const num = (el: Element, name: string): number => Number(el.getAttribute(name) ?? 0);

function offsetOf(el: Element, root: Element): [number, number] {
  let dx = 0;
  let dy = 0;
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    if (e !== el && e.tagName.toLowerCase() === 'svg') {
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

function boxOf(el: Element, root: Element): Box {
  const [dx, dy] = offsetOf(el, root);
  return { x: num(el, 'x') + dx, y: num(el, 'y') + dy, w: num(el, 'width'), h: num(el, 'height') };
}

const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;

/** Problems with the touch targets of one chart SVG (empty when every target is fine). */
export function targetProblems(svgText: string, minPx = 24): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${svgText}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) return ['no svg'];
  const layout = root.getAttribute('data-layout') === 'narrow' ? 'narrow' : 'wide';
  const viewWidth = Number((root.getAttribute('viewBox') ?? '0 0 0 0').split(/\s+/)[2]);
  const scale = Math.min(1, SMALLEST_WIDTH[layout] / viewWidth);
  const marks = Array.from(root.querySelectorAll('.mark')).filter((m) => !m.classList.contains('gov-node'));
  const targets = marks.map((mark) => {
    const name = mark.getAttribute('data-key') ?? mark.getAttribute('aria-label') ?? '?';
    const hit = mark.querySelector(':scope > .mark-hit');
    const squares = Array.from(mark.querySelectorAll(':scope > rect:not([class])'));
    const ring = mark.querySelector(':scope > .mark-ring');
    // The shape's box is the ring's less its 3-unit padding (text and paths have no x/y/width/height).
    const shape = ring ? (({ x, y, w, h }) => ({ x: x + 3, y: y + 3, w: w - 6, h: h - 6 }))(boxOf(ring, root)) : null;
    const own = squares.length ? squares.map((s) => boxOf(s, root)) : shape ? [shape] : [];
    return { name, boxes: hit ? [boxOf(hit, root), ...own] : own, sized: hit ? [boxOf(hit, root)] : own };
  });
  const out: string[] = [];
  const px = (n: number) => Math.round(n * scale * 10) / 10;
  for (const t of targets)
    for (const b of t.sized)
      if (b.w * scale < minPx - 0.05 || b.h * scale < minPx - 0.05)
        out.push(`${layout}: "${t.name}" target is ${px(b.w)} x ${px(b.h)} px (at least ${minPx} x ${minPx})`);
  targets.forEach((a, i) => {
    for (const b of targets.slice(i + 1))
      if (a.boxes.some((p) => b.boxes.some((q) => overlap(p, q))))
        out.push(`${layout}: the targets of "${a.name}" and "${b.name}" overlap`);
  });
  return out;
}

/**
 * The same rule in the browser, on what is drawn: no two visible marks' targets (hit area and shapes,
 * or a group's squares, as rendered) overlap by more than half a pixel.
 */
export async function checkTargetOverlap(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const marks = [...document.querySelectorAll('main .mark')].filter(
      (m) => m.getClientRects().length > 0 && !m.classList.contains('gov-node'),
    );
    const boxes = marks.map((m) =>
      [...m.querySelectorAll(':scope > .mark-hit, :scope > .mark-shape, :scope > rect:not([class])')]
        .map((e) => e.getBoundingClientRect())
        .filter((b) => b.width > 0 && b.height > 0),
    );
    const apart = (a: DOMRect, b: DOMRect) =>
      a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
    boxes.forEach((own, i) => {
      for (let j = i + 1; j < boxes.length; j++)
        if (own.some((a) => boxes[j]!.some((b) => !apart(a, b))))
          out.push(
            `the targets of "${marks[i]!.getAttribute('aria-label')}" and "${marks[j]!.getAttribute('aria-label')}" overlap`,
          );
    });
    return out;
  });
}
