/**
 * Single-year figures as stat tiles, not fake trends: each tile is one number, what it counts and
 * when. A share of a whole gets a 0–100% bar (the part filled, the rest outlined); a change gets an
 * arrow showing its direction. Two tiles a row when wide, one a row when narrow. Drawn with D3 scales.
 */
import { scaleLinear } from 'd3';
import { formatChange, formatValue } from '../lib/format.ts';
import { PALETTE, ROLES } from './palette.ts';
import { LAYOUT, markElement, renderSvg, svgEl, svgLines, svgText, wrapText, type ChartFunction } from './render.ts';

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

// eslint-disable-next-line max-lines-per-function -- issue #28: 122 lines, to be split into named steps
export const statTiles: ChartFunction<StatRow> = (rows, options) =>
  // eslint-disable-next-line max-lines-per-function -- issue #28: 121 lines, to be split into named steps
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { width, fontSize } = LAYOUT[layout];
    const columns = layout === 'wide' ? 2 : 1;
    const gap = 12;
    const tileWidth = (width - gap * (columns - 1)) / columns;
    const pad = 12;
    const inner = tileWidth - pad * 2;
    const big = fontSize * 2.2;
    // Every tile in a row is as tall as the tallest.
    const heights = rows.map((r) => {
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
    });
    let y = 0;
    for (let start = 0; start < rows.length; start += columns) {
      const rowHeight = Math.max(...heights.slice(start, start + columns));
      // eslint-disable-next-line max-lines-per-function -- issue #28: 91 lines, to be split into named steps
      rows.slice(start, start + columns).forEach((r, c) => {
        const x = c * (tileWidth + gap);
        const g = svgEl(doc, 'g', { transform: `translate(${x},${y})` }, svg);
        svgEl(
          doc,
          'rect',
          {
            x: 0.5,
            y: 0.5,
            width: tileWidth - 1,
            height: rowHeight - 1,
            rx: 6,
            class: 'chart-tile',
            fill: 'none',
            stroke: 'currentColor',
            'stroke-opacity': 0.35,
          },
          g,
        );
        let ty = pad;
        const value = statText(r);
        const tip = `${r.label}, ${r.periodLabel}: ${value}`;
        if (r.kind === 'change') {
          // An arrow for the direction, then the number.
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
        ty += big + 8;
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
        if (r.kind === 'share') {
          const scale = scaleLinear([0, 100], [pad, pad + inner]);
          ty += 6;
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
      });
      y += rowHeight + gap;
    }
    return y - gap;
  });
