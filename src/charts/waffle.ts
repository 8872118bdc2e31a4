/**
 * A share of a whole as a waffle, the share in blue, the rest outlined in grey. The two parts are the
 * chart's marks; the rest is 100 minus the share, so it is marked "our calculation". At its true size when the whole is a known count (`total`): one
 * square per case (55% of 22 referrals is 12 squares of 22), not 100 squares that suggest a hundred
 * cases; otherwise 10 × 10, one square per 1%. Each square is big enough to tap.
 */
import { formatValue } from '../lib/format.ts';
import { OUR_CALCULATION } from '../lib/basis.ts';
import { PALETTE, ROLES } from './palette.ts';
import {
  LAYOUT,
  markElement,
  MIN_TARGET,
  renderSvg,
  svgEl,
  svgLines,
  svgText,
  wrapText,
  type ChartFunction,
  type Layout,
} from './render.ts';

export interface ShareRow {
  key: string;
  /** What the share is of, in words: "Channel referrals involving autism, ...". */
  label: string;
  /** The share's key entry, short: "autism, learning difficulty and mental health a factor". */
  partKey: string;
  /** The rest, in words: "other referrals". */
  restLabel: string;
  /** Percent, 0 to 100. */
  value: number;
  periodLabel: string;
  /** The whole as a count of cases, when known: the waffle then has one square per case. */
  total?: number;
  /** What one square is, with a total: "referral". */
  unitLabel?: string;
}

/** How the squares are laid out: how many, how many filled, their size and the grid they make. */
interface WaffleGrid {
  /** Squares in all: the whole as a count of cases, or 100. */
  count: number;
  filled: number;
  side: number;
  gap: number;
  step: number;
  perRow: number;
  /** Width of the grid. */
  size: number;
  gridHeight: number;
}

/**
 * Every square is a touch target of its own (at least MIN_TARGET units inside its outline, which
 * is >= 24 CSS px at the layout's smallest size), so no hit area has to reach over a neighbour.
 * 100 squares: 10 columns filled from the bottom left; a true count: balanced rows of up to 11
 * (fewer when the layout is narrow), read left to right.
 */
function waffleGrid(row: ShareRow, layout: Layout): WaffleGrid {
  const { width } = LAYOUT[layout];
  const count = row.total ?? 100;
  const filled = Math.round((row.value / 100) * count);
  const side = MIN_TARGET[layout] + 1.5;
  const gap = layout === 'wide' ? 4 : 2.5;
  const step = side + gap;
  const maxPerRow = Math.min(11, Math.floor((width + gap) / step));
  const perRow = row.total ? Math.ceil(count / Math.ceil(count / maxPerRow)) : 10;
  const gridRows = Math.ceil(count / perRow);
  const size = perRow * step - gap;
  const gridHeight = gridRows * step - gap;
  return { count, filled, side, gap, step, perRow, size, gridHeight };
}

/** The squares, in two groups that are the chart's two marks: the share (filled) and the rest. */
function drawSquares(
  doc: Document,
  svg: SVGElement,
  row: ShareRow,
  grid: WaffleGrid,
): { part: SVGElement; rest: SVGElement } {
  const { count, filled, side, step, perRow } = grid;
  const part = svgEl(doc, 'g', { fill: ROLES.figure.fill }, svg);
  // The rest is outlined; a transparent fill makes the inside of each square take taps too.
  const rest = svgEl(doc, 'g', { fill: 'transparent', stroke: PALETTE.grey, 'stroke-width': 1.5 }, svg);
  for (let i = 0; i < count; i++) {
    const col = row.total ? i % perRow : Math.floor(i / 10);
    const rowIndex = row.total ? Math.floor(i / perRow) : 9 - (i % 10);
    const inset = i < filled ? 0 : 0.75;
    svgEl(
      doc,
      'rect',
      {
        x: col * step + inset,
        y: rowIndex * step + inset,
        width: side - inset * 2,
        height: side - inset * 2,
      },
      i < filled ? part : rest,
    );
  }
  return { part, rest };
}

/**
 * The share as a big number, what it is of and when: beside the grid when there is room, else below
 * it. Returns the y of the last line's baseline.
 */
function drawWaffleText(doc: Document, svg: SVGElement, row: ShareRow, grid: WaffleGrid, layout: Layout): number {
  const { width, fontSize } = LAYOUT[layout];
  const big = fontSize * 2.4;
  const below = row.total !== undefined || grid.size + 16 + 120 > width;
  const textX = below ? 0 : grid.size + 16;
  const textTop = below ? grid.gridHeight + 12 : 0;
  const textWidth = width - textX;
  svgText(
    doc,
    formatValue(row.value, 'percent'),
    { x: textX, y: textTop + big * 0.85, 'font-size': big, 'font-weight': 'bold', class: 'chart-stat' },
    svg,
  );
  const lines = wrapText(row.label, textWidth, fontSize);
  svgLines(doc, lines, { x: textX, y: textTop + big + 8 + fontSize }, fontSize * 1.25, svg);
  let after = textTop + big + 8 + fontSize + lines.length * fontSize * 1.25;
  const periodLines = wrapText(row.periodLabel, textWidth, fontSize - 1);
  svgLines(
    doc,
    periodLines,
    { x: textX, y: after + 2, class: 'chart-muted', 'font-size': fontSize - 1 },
    (fontSize - 1) * 1.25,
    svg,
  );
  after += (periodLines.length - 1) * (fontSize - 1) * 1.25;
  return after;
}

/** The words for the key's two lines: with a true count, "12 of 22 referrals"; else the percentages. */
function waffleKeyWords(row: ShareRow, grid: WaffleGrid): { part: string; rest: string } {
  const value = formatValue(row.value, 'percent');
  if (row.total) {
    const unit = row.unitLabel ?? 'case';
    const of = (n: number) => `${n} of ${row.total} ${unit}${row.total === 1 ? '' : 's'}`;
    return {
      part: `${of(grid.filled)} (${value}, rounded; our calculation): ${row.partKey}`,
      rest: `${of(grid.count - grid.filled)}: ${row.restLabel}`,
    };
  }
  // The rest is 100 minus the printed share: the report does not print it.
  return {
    part: `${value}: ${row.partKey}`,
    rest: `${formatValue(100 - row.value, 'percent')} (${OUR_CALCULATION}): ${row.restLabel}`,
  };
}

/** A key for the two parts (the squares themselves carry no words), from y down; returns its bottom. */
function drawWaffleKey(
  doc: Document,
  svg: SVGElement,
  row: ShareRow,
  grid: WaffleGrid,
  layout: Layout,
  y: number,
): number {
  const { width, fontSize } = LAYOUT[layout];
  const key = svgEl(doc, 'g', {}, svg);
  let keyY = y;
  const keyLine = (swatch: 'part' | 'rest', words: string) => {
    if (swatch === 'part') svgEl(doc, 'rect', { x: 0, y: keyY, width: 12, height: 12, fill: ROLES.figure.fill }, key);
    else
      svgEl(
        doc,
        'rect',
        {
          x: 0.75,
          y: keyY + 0.75,
          width: 10.5,
          height: 10.5,
          fill: 'none',
          stroke: PALETTE.grey,
          'stroke-width': 1.5,
        },
        key,
      );
    const keyLines = wrapText(words, width - 20, fontSize - 1);
    svgLines(doc, keyLines, { x: 18, y: keyY + 11, 'font-size': fontSize - 1 }, (fontSize - 1) * 1.25, key);
    keyY += keyLines.length * (fontSize - 1) * 1.25 + 6;
  };
  const words = waffleKeyWords(row, grid);
  keyLine('part', words.part);
  keyLine('rest', words.rest);
  return keyY;
}

export const waffle: ChartFunction<ShareRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const row = rows[0];
    if (!row) return 0;
    const { layout } = options;
    const grid = waffleGrid(row, layout);
    const { part, rest } = drawSquares(doc, svg, row, grid);
    markElement(part, {
      key: row.key,
      label: `${row.label}, ${row.periodLabel}: ${formatValue(row.value, 'percent')}`,
      cls: 'role-figure',
    });
    markElement(rest, {
      key: `${row.key}-rest`,
      label: `${row.restLabel}, ${row.periodLabel}: ${formatValue(100 - row.value, 'percent')} (${OUR_CALCULATION})`,
    });
    const after = drawWaffleText(doc, svg, row, grid, layout);
    return drawWaffleKey(doc, svg, row, grid, layout, Math.max(grid.gridHeight, after + 8) + 12);
  });
