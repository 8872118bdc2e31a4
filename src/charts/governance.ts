/**
 * The governance map: every body named in the report as a labelled box, in bands by tier (national,
 * West Mercia, county, local, other), with its links drawn as typed edges (colour, arrowhead and
 * weight per kind; dashed when the link is our reading rather than the report's words). The layout
 * (box positions, edge routes, label room) comes from `layoutGovernance` at build time (ELK); this
 * function only draws it, so it stays pure: the same rows, layout and options give the same bytes.
 *
 * Without JavaScript the map shows structure: every link is drawn faintly and the links of the focus
 * body (the Safer Communities Board on the main map) are drawn at full strength and labelled. The
 * client script (src/client/governance-diagram.ts) highlights the links of a selected body instead.
 * One SVG serves every screen width (the page shows a tiered list first on phones).
 */
import type { Box, GovLayout, LayoutEdgeInput, LayoutNodeInput } from './governance-layout.ts';
import { placeEdgeLabels, type LabelRequest } from './governance-labels.ts';
import { arrowPath, basisOf, edgeKind, INFERRED_DASH, type Basis } from './governance-style.ts';
import { PALETTE } from './palette.ts';
import { markElement, renderSvg, svgEl, svgLines, textWidth, wrapText, type ChartOptions } from './render.ts';

export interface GovLink {
  to: string;
  type: string;
  /** `stated` (default) or `inferred`. */
  basis?: Basis;
}

export interface GovNode {
  id: string;
  /** Display label (the name without the county prefix). */
  label: string;
  /** Abbreviation used when the label would need more than three lines. */
  shortLabel?: string;
  /** Full name. */
  name: string;
  lane: string;
  laneLabel: string;
  /** Links that start at this body. */
  links: GovLink[];
  /** Number of links in both directions (for the accessible name). */
  degree: number;
}

export interface GovMapOptions extends ChartOptions {
  /** The body whose links are drawn at full strength and labelled in the static map. */
  focus?: string;
}

/** Tier order, top to bottom. */
export const TIERS = ['national', 'west-mercia', 'county', 'local', 'other'] as const;

const BOX_WIDTH = 124;
const FONT = 12;
const LINE = 14.5;
const PAD = 6;
const LABEL_FONT = 11;
/** Room above the first band for its tier label. */
const TOP = 20;

export function edgeId(from: string, type: string, to: string): string {
  return `${from}--${type}--${to}`;
}

/** The lines of a box's label: the label, or the short label when the label needs over three lines. */
export function boxLines(row: GovNode): string[] {
  let lines = wrapText(row.label, BOX_WIDTH - 2 * PAD, FONT);
  if (lines.length > 3 && row.shortLabel) lines = wrapText(row.shortLabel, BOX_WIDTH - 2 * PAD, FONT);
  return lines;
}

function tierOf(lane: string): number {
  const i = (TIERS as readonly string[]).indexOf(lane);
  return i < 0 ? TIERS.length : i;
}

/** What the layout needs to know: box sizes, tiers, edges (labelled when they touch the focus body). */
export function mapLayoutInput(
  rows: readonly GovNode[],
  focus?: string,
): { nodes: LayoutNodeInput[]; edges: LayoutEdgeInput[] } {
  const ids = new Set(rows.map((r) => r.id));
  const nodes = rows.map((r) => ({
    id: r.id,
    tier: tierOf(r.lane),
    width: BOX_WIDTH,
    height: boxLines(r).length * LINE + 2 * PAD,
  }));
  const edges = rows.flatMap((r) =>
    r.links
      .filter((l) => ids.has(l.to))
      .map((l) => {
        const kind = edgeKind(l.type);
        const labelled = !!focus && (r.id === focus || l.to === focus);
        return {
          id: edgeId(r.id, l.type, l.to),
          from: r.id,
          to: l.to,
          up: kind.up,
          ...(labelled
            ? { label: { width: Math.ceil(textWidth(kind.active, LABEL_FONT)) + 6, height: LABEL_FONT + 4 } }
            : {}),
        };
      }),
  );
  return { nodes, edges };
}

function angle(a: [number, number], b: [number, number]): number {
  return Math.round((Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI);
}

/** Label size of a link kind's verb (SVG units). */
function labelSize(type: string): { width: number; height: number } {
  return { width: Math.ceil(textWidth(edgeKind(type).active, LABEL_FONT)) + 6, height: LABEL_FONT + 4 };
}

/**
 * Where every link's label goes: ELK's place for the focus body's links (it made room for them), and
 * for the rest a place on the route found after layout (governance-labels.ts); those are drawn hidden
 * and shown when a selection highlights their link.
 */
export function edgeLabels(rows: readonly GovNode[], layout: GovLayout): Record<string, Box> {
  const requests: LabelRequest[] = [];
  const fixed: (LabelRequest & { box: Box })[] = [];
  for (const r of rows)
    for (const l of r.links) {
      const id = edgeId(r.id, l.type, l.to);
      const route = layout.edges[id];
      if (!route) continue;
      const req = { id, from: r.id, to: l.to, ...labelSize(l.type) };
      if (route.label) fixed.push({ ...req, box: route.label });
      else requests.push(req);
    }
  return { ...placeEdgeLabels(layout, requests, fixed), ...Object.fromEntries(fixed.map((f) => [f.id, f.box])) };
}

/** The tier bands behind everything, each labelled above its first row of boxes. */
function drawTierBands(
  doc: Document,
  svg: SVGElement,
  rows: readonly GovNode[],
  layout: GovLayout,
  width: number,
): void {
  const bands = svgEl(doc, 'g', { class: 'gov-tiers' }, svg);
  const tiers = TIERS.filter((t) => rows.some((r) => r.lane === t));
  const extent = tiers.map((t) => {
    const boxes = rows
      .filter((r) => r.lane === t)
      .map((r) => layout.nodes[r.id])
      .filter((b) => !!b);
    return { t, top: Math.min(...boxes.map((b) => b.y)), bottom: Math.max(...boxes.map((b) => b.y + b.height)) };
  });
  extent.forEach((e, i) => {
    const next = extent[i + 1];
    const top = i === 0 ? 0 : e.top - TOP - 4;
    const bottom = next ? next.top - TOP - 4 : e.bottom + 8;
    svgEl(
      doc,
      'rect',
      {
        x: 0,
        y: top + TOP,
        width,
        height: bottom - top,
        class: `gov-tier gov-tier--${i % 2 ? 'odd' : 'even'}`,
        fill: i % 2 ? '#f3f5f7' : 'none',
      },
      bands,
    );
    const label = rows.find((r) => r.lane === e.t)?.laneLabel ?? e.t;
    svgEl(
      doc,
      'text',
      { x: 4, y: e.top - 4 + TOP, class: 'gov-tier-label', 'font-weight': 'bold', 'font-size': 13 },
      bands,
    ).textContent = label;
  });
}

/** A link's route as a line in its kind's colour and weight, dashed when the link is our reading. */
function drawEdgeLine(
  doc: Document,
  g: SVGElement,
  pts: readonly [number, number][],
  type: string,
  basis: Basis,
): void {
  const kind = edgeKind(type);
  svgEl(
    doc,
    'path',
    {
      class: 'gov-line',
      d: `M${pts.map((p) => p.join(',')).join('L')}`,
      stroke: kind.colour,
      'stroke-width': kind.weight,
      'stroke-dasharray': basis === 'inferred' ? INFERRED_DASH : undefined,
    },
    g,
  );
}

/** The link kind's arrowhead at the end of the route, turned along its last segment. */
function drawArrowHead(doc: Document, g: SVGElement, pts: readonly [number, number][], type: string): void {
  const kind = edgeKind(type);
  const end = pts[pts.length - 1] as [number, number];
  const before = pts[pts.length - 2] as [number, number];
  const head = arrowPath(kind.arrow);
  svgEl(
    doc,
    'path',
    {
      class: head.filled ? 'gov-arrow' : 'gov-arrow gov-arrow--open',
      d: head.d,
      transform: `translate(${end[0]},${end[1]}) rotate(${angle(before, end)})`,
      fill: head.filled ? kind.colour : '#ffffff',
      stroke: kind.colour,
      'stroke-width': 1.5,
    },
    g,
  );
}

/** The link kind's verb on a white ground: hidden until the link is highlighted, except the focus body's (govmap.css). */
function drawEdgeLabel(doc: Document, g: SVGElement, label: Box, type: string): void {
  const kind = edgeKind(type);
  const { x, y, width: w, height: h } = label;
  svgEl(doc, 'rect', { class: 'gov-edge-label-bg', x, y, width: w, height: h, rx: 3, fill: '#ffffff' }, g);
  svgEl(
    doc,
    'text',
    {
      class: 'gov-edge-label',
      x: x + w / 2,
      y: y + h - 4,
      'text-anchor': 'middle',
      'font-size': LABEL_FONT,
      fill: kind.colour,
    },
    g,
  ).textContent = kind.active;
}

/** Every link with a route: a group (full strength when it touches the focus body) of line, arrowhead and label. */
function drawEdges(
  doc: Document,
  svg: SVGElement,
  rows: readonly GovNode[],
  layout: GovLayout,
  labels: Record<string, Box>,
  focus: string | undefined,
): void {
  const edges = svgEl(doc, 'g', { class: 'gov-edges', fill: 'none', transform: `translate(0,${TOP})` }, svg);
  for (const r of rows) {
    for (const l of r.links) {
      const id = edgeId(r.id, l.type, l.to);
      const route = layout.edges[id];
      if (!route || route.points.length < 2) continue;
      const basis = basisOf(l.basis);
      const focused = !!focus && (r.id === focus || l.to === focus);
      const g = svgEl(
        doc,
        'g',
        {
          class: `gov-edge${focused ? ' is-focus' : ''}`,
          'data-from': r.id,
          'data-to': l.to,
          'data-type': l.type,
          'data-basis': basis === 'inferred' ? basis : undefined,
          opacity: focused ? undefined : 0.35,
        },
        edges,
      );
      drawEdgeLine(doc, g, route.points, l.type, basis);
      drawArrowHead(doc, g, route.points, l.type);
      const label = labels[id];
      if (label) drawEdgeLabel(doc, g, label, l.type);
    }
  }
}

/**
 * A body's accessible name. It starts with the visible text (WCAG 2.5.3, label in name), then the
 * full name when that differs, the tier and the number of links.
 */
function nodeName(r: GovNode, lines: readonly string[]): string {
  const visible = lines.join(' ');
  const links = `${r.degree} ${r.degree === 1 ? 'link' : 'links'}`;
  const level = r.laneLabel.includes(' ') ? r.laneLabel : r.laneLabel.toLowerCase();
  return visible === r.name ? `${r.name}, ${level}: ${links}` : `${visible}: ${r.name}, ${level}: ${links}`;
}

/** Every body as a labelled box, a focusable mark; the focus body's outline is darker and thicker. */
function drawNodes(
  doc: Document,
  svg: SVGElement,
  rows: readonly GovNode[],
  layout: GovLayout,
  focus: string | undefined,
): void {
  const nodes = svgEl(doc, 'g', { class: 'gov-nodes', transform: `translate(0,${TOP})` }, svg);
  for (const r of rows) {
    const b = layout.nodes[r.id];
    if (!b) continue;
    const g = svgEl(doc, 'g', { transform: `translate(${b.x},${b.y})` }, nodes);
    const lines = boxLines(r);
    svgEl(
      doc,
      'rect',
      {
        x: 0.75,
        y: 0.75,
        width: b.width - 1.5,
        height: b.height - 1.5,
        rx: 5,
        class: 'gov-box',
        fill: '#ffffff',
        stroke: r.id === focus ? '#1b1f24' : PALETTE.grey,
        'stroke-width': r.id === focus ? 2.5 : 1.25,
      },
      g,
    );
    svgLines(doc, lines, { x: PAD, y: PAD + FONT, 'font-size': FONT, class: 'gov-label' }, LINE, g);
    markElement(g, { key: r.id, label: nodeName(r, lines), cls: `gov-node${r.id === focus ? ' is-focus' : ''}` });
    g.setAttribute('data-body', r.id);
  }
}

export function governanceMap(rows: readonly GovNode[], layout: GovLayout, options: GovMapOptions): string {
  const width = Math.ceil(layout.width);
  const labels = edgeLabels(rows, layout);
  return renderSvg(
    options,
    (svg, doc) => {
      svg.setAttribute('class', `${svg.getAttribute('class') ?? ''} gov-map`);
      drawTierBands(doc, svg, rows, layout, width);
      drawEdges(doc, svg, rows, layout, labels, options.focus);
      drawNodes(doc, svg, rows, layout, options.focus);
      return layout.height + TOP + 8;
    },
    width,
  );
}
