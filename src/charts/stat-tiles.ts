/**
 * Single-year figures as stat tiles, not fake trends: each tile is one number, what it counts and
 * when. A share of a whole gets a 0–100% bar (the part filled, the rest outlined); a change gets an
 * arrow showing its direction. Two tiles a row when wide, one a row when narrow. Drawn with D3 scales.
 */
import { scaleLinear } from 'd3';
import { formatChange, formatValue } from '../lib/format.ts';
import { PALETTE, ROLES } from './palette.ts';
import {
  LAYOUT,
  markElement,
  renderSvg,
  svgEl,
  svgLines,
  svgText,
  wrapText,
  type ChartFunction,
  type ChartOptions,
} from './render.ts';

export interface StatRow {
  key: string;
  /** What the number is, e.g. "Victims protected by Domestic Violence Protection Orders". */
  label: string;
  value: number;
  kind: 'count' | 'share' | 'change';
  /** When, e.g. "2017/18" or "Jan–Jun 2017 vs Jan–Jun 2016". */
  periodLabel: string;
}

export function statText(row: StatRow): string {
  if (row.kind === 'share') return formatValue(row.value, 'percent');
  if (row.kind === 'change') return formatChange(row.value, 'percent');
  return formatValue(row.value, 'count');
}

/** Sizes shared by every tile: the grid, the padding inside a tile and the big number's size. */
interface TileGeometry {
  fontSize: number;
  columns: number;
  gap: number;
  tileWidth: number;
  pad: number;
  /** Width for text inside a tile. */
  inner: number;
  /** Font size of the big number. */
  big: number;
}

/** Two tiles a row when wide, one when narrow. */
function tileGeometry(layout: ChartOptions['layout']): TileGeometry {
  const { width, fontSize } = LAYOUT[layout];
  const columns = layout === 'wide' ? 2 : 1;
  const gap = 12;
  const tileWidth = (width - gap * (columns - 1)) / columns;
  const pad = 12;
  const inner = tileWidth - pad * 2;
  const big = fontSize * 2.2;
  return { fontSize, columns, gap, tileWidth, pad, inner, big };
}

/** The height one tile's contents need: number, wrapped label, wrapped period and a share bar. */
function tileHeight(r: StatRow, geo: TileGeometry): number {
  const { fontSize, pad, inner, big } = geo;
  const labelLines = wrapText(r.label, inner, fontSize).length;
  const periodLines = wrapText(r.periodLabel, inner, fontSize - 1).length;
  return (
    pad +
    big +
    8 +
    labelLines * fontSize * 1.25 +
    periodLines * (fontSize - 1) * 1.25 +
    4 +
    (r.kind === 'share' ? 26 : 0) +
    pad
  );
}

function drawTileOutline(doc: Document, g: SVGElement, geo: TileGeometry, rowHeight: number): void {
  svgEl(
    doc,
    'rect',
    {
      x: 0.5,
      y: 0.5,
      width: geo.tileWidth - 1,
      height: rowHeight - 1,
      rx: 6,
      class: 'chart-tile',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-opacity': 0.35,
    },
    g,
  );
}

/**
 * The big number at the top of a tile. A change gets an arrow for its direction first (the arrow is
 * the mark); a count's number is itself the mark; a share's mark is its bar, drawn later.
 */
function drawTileValue(doc: Document, g: SVGElement, r: StatRow, geo: TileGeometry, ty: number, tip: string): void {
  const { pad, big } = geo;
  const value = statText(r);
  if (r.kind === 'change') {
    const up = r.value >= 0;
    const mark = svgEl(
      doc,
      'path',
      {
        d: up
          ? `M${pad},${ty + big} l${big * 0.4},${-big * 0.8} l${big * 0.4},${big * 0.8} z`
          : `M${pad},${ty + big * 0.2} l${big * 0.4},${big * 0.8} l${big * 0.4},${-big * 0.8} z`,
        fill: ROLES.figure.fill,
      },
      g,
    );
    markElement(mark, { key: r.key, label: tip, cls: 'role-figure' });
    svgText(
      doc,
      value,
      { x: pad + big * 0.95, y: ty + big * 0.85, 'font-size': big, 'font-weight': 'bold', class: 'chart-stat' },
      g,
    );
  } else {
    const num = svgText(
      doc,
      value,
      { x: pad, y: ty + big * 0.85, 'font-size': big, 'font-weight': 'bold', class: 'chart-stat' },
      g,
    );
    if (r.kind === 'count') markElement(num, { key: r.key, label: tip });
  }
}

/** What the number counts, then when, under it; returns the y below them. */
function drawTileCaption(doc: Document, g: SVGElement, r: StatRow, geo: TileGeometry, y: number): number {
  const { fontSize, pad, inner } = geo;
  let ty = y;
  const lines = wrapText(r.label, inner, fontSize);
  svgLines(doc, lines, { x: pad, y: ty + fontSize * 0.9, class: 'chart-stat-label' }, fontSize * 1.25, g);
  ty += lines.length * fontSize * 1.25;
  const periodLines = wrapText(r.periodLabel, inner, fontSize - 1);
  svgLines(
    doc,
    periodLines,
    { x: pad, y: ty + fontSize * 0.95, class: 'chart-muted', 'font-size': fontSize - 1 },
    (fontSize - 1) * 1.25,
    g,
  );
  ty += periodLines.length * (fontSize - 1) * 1.25 + 4;
  return ty;
}

/** A share's 0–100% bar: the whole outlined, the part filled (the part is the mark). */
function drawShareBar(doc: Document, g: SVGElement, r: StatRow, geo: TileGeometry, y: number, tip: string): void {
  const { pad, inner } = geo;
  const scale = scaleLinear([0, 100], [pad, pad + inner]);
  const ty = y + 6;
  svgEl(
    doc,
    'rect',
    {
      x: scale(0),
      y: ty,
      width: scale(100) - scale(0),
      height: 16,
      fill: 'none',
      stroke: PALETTE.grey,
      'stroke-width': 1.5,
      class: 'chart-whole',
    },
    g,
  );
  const part = svgEl(
    doc,
    'rect',
    { x: scale(0), y: ty, width: scale(r.value) - scale(0), height: 16, fill: ROLES.figure.fill },
    g,
  );
  markElement(part, { key: r.key, label: tip, cls: 'role-figure' });
}

/** One tile at (x, y): outline, number, caption and (for a share) its bar. */
function drawTile(
  doc: Document,
  svg: SVGElement,
  r: StatRow,
  geo: TileGeometry,
  at: { x: number; y: number; height: number },
): void {
  const g = svgEl(doc, 'g', { transform: `translate(${at.x},${at.y})` }, svg);
  drawTileOutline(doc, g, geo, at.height);
  const tip = `${r.label}, ${r.periodLabel}: ${statText(r)}`;
  let ty = geo.pad;
  drawTileValue(doc, g, r, geo, ty, tip);
  ty += geo.big + 8;
  ty = drawTileCaption(doc, g, r, geo, ty);
  if (r.kind === 'share') drawShareBar(doc, g, r, geo, ty, tip);
}

export const statTiles: ChartFunction<StatRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const geo = tileGeometry(options.layout);
    const { columns, gap, tileWidth } = geo;
    // Every tile in a row is as tall as the tallest.
    const heights = rows.map((r) => tileHeight(r, geo));
    let y = 0;
    for (let start = 0; start < rows.length; start += columns) {
      const height = Math.max(...heights.slice(start, start + columns));
      rows.slice(start, start + columns).forEach((r, c) => {
        drawTile(doc, svg, r, geo, { x: c * (tileWidth + gap), y, height });
      });
      y += height + gap;
    }
    return y - gap;
  });
