/**
 * The lowest layer of the chart helpers: the layout names, SVG element creation, number rounding and the
 * text-width estimate. No imports, so both render.ts and mark-frames.ts can build on it.
 */

export type Layout = 'wide' | 'narrow';

/** Width of the viewBox and the base font size (in SVG units) of each layout. */
export const LAYOUT: Record<Layout, { width: number; fontSize: number }> = {
  wide: { width: 640, fontSize: 15 },
  narrow: { width: 300, fontSize: 14 },
};

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element with attributes (values are rounded when numeric). */
export function svgEl(
  doc: Document,
  name: string,
  attrs: Record<string, string | number | undefined> = {},
  parent?: Element,
): SVGElement {
  const el = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) el.setAttribute(k, typeof v === 'number' ? String(round(v)) : v);
  }
  parent?.appendChild(el);
  return el;
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Estimate the rendered width of a string (SVG has no text measurement at build time). The advances
 * are those of DejaVu Sans, the widest of the common system sans-serif fonts (and the PNG font), so
 * labels wrapped and margins reserved with this estimate fit in narrower fonts too.
 */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    if (/[MW]/.test(ch)) w += 0.9;
    else if (/[A-Z£%]/.test(ch)) w += 0.72;
    else if (/[0-9+\u2212]/.test(ch)) w += 0.64;
    else if (/[iljtf.,:;'|!() ]/.test(ch)) w += 0.34;
    else if (/[mw]/.test(ch)) w += 0.92;
    else w += 0.62;
  }
  return w * fontSize;
}
