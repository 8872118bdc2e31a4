/**
 * The activities overview: at a glance, how many pieces of work the report lists for each theme in
 * each of its two columns (periods), one small square per piece of work coloured by status (done,
 * under way, planned or being considered) with a legend, and the count beside the squares. The items
 * themselves, with their text and filters, are HTML beside it (FigureActivities.astro), so this chart
 * has no interactive marks (the explorer's filters dim the squares that do not match) and ONE layout (the 300-unit narrow grid) that reads from 320 to 1280 px.
 * Period (the report's column) and status (what the report says of the item) are separate facts and
 * are never merged.
 */
import { periodSlug } from '../universal/activity-filter.ts';
import { ROLES } from './palette.ts';
import { drawLegend, LAYOUT, renderSvg, svgEl, svgLines, svgText, wrapText, type ChartFunction } from './render.ts';

/** One piece of work as the chart draws it; the explorer's list item (figures/types.ts ExplorerItem) adds to it. */
export interface ActivityItem {
  id: string;
  theme: string;
  themeLabel: string;
  /** The report's column it is listed in, e.g. "2017/18" (a period id). */
  period: string;
  periodLabel: string;
  status: 'done' | 'underway' | 'planned';
  /** e.g. "Done", "Planned or being considered" (no period in it). */
  statusLabel: string;
  description: string;
  bodyLabel: string;
  /** The body's id (the explorer's filter dims the squares that do not match). */
  body?: string;
  /** The bullet of the report it comes from (its source_lines); rows split from one bullet share it. */
  bullet?: string;
}

export const STATUS_ORDER: ActivityItem['status'][] = ['done', 'underway', 'planned'];

/** Status colours from the grammar (palette.ts): done green, under way purple, planned hollow. */
export function statusPaint(s: ActivityItem['status']): { fill: string; stroke?: string } {
  const role = ROLES[s];
  return 'stroke' in role ? { fill: 'none', stroke: role.stroke } : { fill: role.fill };
}

/** Per theme (in row order) and period (in column order), the items, done first, then under way, then planned. */
export function overviewCells(
  rows: readonly ActivityItem[],
): { theme: string; label: string; cells: { period: string; items: ActivityItem[] }[] }[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const themes = [...new Set(rows.map((r) => r.theme))];
  return themes.map((theme) => ({
    theme,
    label: rows.find((r) => r.theme === theme)?.themeLabel ?? theme,
    cells: periods.map((period) => ({
      period,
      items: rows
        .filter((r) => r.theme === theme && r.period === period)
        .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)),
    })),
  }));
}

const SQUARE = 12;
const STEP = 15;

/** Drawn in the narrow layout only (`options.layout` is ignored): one SVG for every width. */
export const activitiesOverview: ChartFunction<ActivityItem> = (rows, options) =>
  drawOverview(rows, options).replace('class="chart chart--narrow"', 'class="chart chart--narrow act-overview"');

const drawOverview: ChartFunction<ActivityItem> = (rows, options) =>
  renderSvg({ ...options, layout: 'narrow' }, (svg, doc) => {
    const { width, fontSize } = LAYOUT.narrow;
    const line = fontSize * 1.25;
    const statuses = STATUS_ORDER.filter((s) => rows.some((r) => r.status === s));
    let y = drawLegend(
      doc,
      svg,
      'narrow',
      statuses.map((s) => ({ ...statusPaint(s), text: rows.find((r) => r.status === s)?.statusLabel ?? s })),
      0,
    );
    const periods = [...new Map(rows.map((r) => [r.period, r.periodLabel])).entries()].sort();
    const gap = 10;
    const colWidth = (width - gap * (periods.length - 1)) / Math.max(1, periods.length);
    const colX = (i: number) => i * (colWidth + gap);
    y += 6;
    let headingLines = 1;
    periods.forEach(([, label], i) => {
      const lines = wrapText(`Listed for ${label}`, colWidth, fontSize);
      headingLines = Math.max(headingLines, lines.length);
      svgLines(doc, lines, { x: colX(i), y: y + fontSize, class: 'chart-heading', 'font-weight': 'bold' }, line, svg);
    });
    y += headingLines * line + 4;
    const countWidth = fontSize * 1.4;
    const perLine = Math.max(1, Math.floor((colWidth - countWidth + STEP - SQUARE) / STEP));
    for (const row of overviewCells(rows)) {
      svgEl(
        doc,
        'line',
        { x1: 0, x2: width, y1: y + 0.5, y2: y + 0.5, stroke: 'currentColor', 'stroke-opacity': 0.25 },
        svg,
      );
      const label = wrapText(row.label, width, fontSize);
      svgLines(doc, label, { x: 0, y: y + fontSize + 4, 'data-theme': row.theme }, line, svg);
      const top = y + 4 + label.length * line + 4;
      let lines = 1;
      for (const cell of row.cells) {
        const x0 = colX(periods.findIndex(([p]) => p === cell.period));
        svgText(
          doc,
          String(cell.items.length),
          { x: x0 + countWidth - 6, y: top + SQUARE - 1, 'text-anchor': 'end', 'font-weight': 'bold' },
          svg,
        );
        cell.items.forEach((item, k) => {
          const paint = statusPaint(item.status);
          svgEl(
            doc,
            'rect',
            {
              x: x0 + countWidth + (k % perLine) * STEP + 0.75,
              y: top + Math.floor(k / perLine) * STEP + 0.75,
              width: SQUARE - 1.5,
              height: SQUARE - 1.5,
              rx: 1.5,
              fill: paint.fill,
              stroke: paint.stroke,
              'stroke-width': paint.stroke ? 1.5 : undefined,
              'data-status': item.status,
              'data-theme': item.theme,
              'data-period': periodSlug(item.period),
              'data-body': item.body,
            },
            svg,
          );
        });
        lines = Math.max(lines, Math.ceil(cell.items.length / perLine));
      }
      y = top + lines * STEP + 6;
    }
    return y;
  });
