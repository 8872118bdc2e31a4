/**
 * The activities board: one square per 2017/18 outcome or 2018/19 activity, in a grid of themes (rows)
 * by period and then status (columns such as "2017/18: done", "2017/18: planned or being considered",
 * "2018/19: under way"), so the reader sees at a glance where the work sits. Period (the report's
 * column) and status (what the report says of the item) are separate facts and are never merged.
 * Each square is a focusable mark whose label is the activity; the client script filters by theme and
 * status by toggling classes. Layout computed with D3 scales.
 */
import { scaleBand } from 'd3';
import { PALETTE, type PaletteName } from './palette.ts';
import { LAYOUT, markElement, renderSvg, svgEl, svgLines, wrapText, type ChartFunction } from './render.ts';

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
  /** The bullet of the report it comes from (its source_lines); rows split from one bullet share it. */
  bullet?: string;
}

export const STATUS_ORDER: ActivityItem['status'][] = ['done', 'underway', 'planned'];

/** The board's columns: each period present, in order, then each status present within it. */
export function boardColumns(rows: readonly ActivityItem[]): { key: string; period: string; status: ActivityItem['status']; label: string }[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return periods.flatMap((p) =>
    STATUS_ORDER.flatMap((s) => {
      const first = rows.find((r) => r.period === p && r.status === s);
      return first ? [{ key: `${p}|${s}`, period: p, status: s, label: `${first.periodLabel}: ${first.statusLabel.charAt(0).toLowerCase()}${first.statusLabel.slice(1)}` }] : [];
    }),
  );
}
const STATUS_COLOUR: Record<ActivityItem['status'], PaletteName> = { done: 'blue', underway: 'vermillion', planned: 'green' };

export const activitiesBoard: ChartFunction<ActivityItem> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { width, fontSize } = LAYOUT[layout];
    const wide = layout === 'wide';
    const labelWidth = wide ? 200 : 0;
    const columns = boardColumns(rows);
    const x = scaleBand(columns.map((c) => c.key), [labelWidth, width]).paddingInner(0.08);
    const cell = wide ? 20 : 18;
    const gap = 5;
    const perRow = Math.max(1, Math.floor((x.bandwidth() + gap) / (cell + gap)));
    // Column headings.
    const headingLines = columns.map((c) => wrapText(c.label, x.bandwidth() - 16, fontSize));
    const headingHeight = Math.max(...headingLines.map((l) => l.length)) * fontSize * 1.2 + 6;
    columns.forEach((c, i) => {
      const hx = x(c.key) ?? 0;
      svgEl(doc, 'rect', { x: hx, y: 2, width: 12, height: 12, fill: PALETTE[STATUS_COLOUR[c.status]] }, svg);
      const heading = svgLines(doc, headingLines[i] ?? [], { x: hx + 16, y: fontSize, class: 'chart-heading', 'font-weight': 'bold' }, fontSize * 1.2, svg);
      heading.setAttribute('data-status', c.status);
      heading.setAttribute('data-period', c.period);
    });
    let y = headingHeight + 4;
    const themes = [...new Set(rows.map((r) => r.theme))];
    for (const theme of themes) {
      const own = rows.filter((r) => r.theme === theme);
      const label = own[0]?.themeLabel ?? theme;
      const group = svgEl(doc, 'g', { 'data-theme': theme, class: 'act-row' }, svg);
      // Wide: the theme label sits left of its squares; narrow: above them.
      const lines = wrapText(label, wide ? labelWidth - 12 : width, fontSize);
      svgLines(doc, lines, { x: 0, y: y + fontSize + (wide ? 2 : 0) }, fontSize * 1.2, group);
      const labelHeight = wide ? lines.length * fontSize * 1.2 + 4 : 0;
      const top = wide ? y : y + lines.length * fontSize * 1.2 + 4;
      let rowsUsed = 1;
      for (const c of columns) {
        const items = own.filter((r) => r.period === c.period && r.status === c.status);
        rowsUsed = Math.max(rowsUsed, Math.ceil(items.length / perRow));
        items.forEach((r, k) => {
          const cx = (x(c.key) ?? 0) + (k % perRow) * (cell + gap);
          const cy = top + 2 + Math.floor(k / perRow) * (cell + gap);
          const rect = svgEl(doc, 'rect', { x: cx, y: cy, width: cell, height: cell, rx: 3, fill: PALETTE[STATUS_COLOUR[c.status]], 'data-theme': r.theme, 'data-status': r.status, 'data-period': r.period }, group);
          markElement(rect, { key: r.id, label: `${c.label}, ${r.themeLabel}: ${r.description} (${r.bodyLabel})`, cls: `act-item fill-${STATUS_COLOUR[c.status]}` });
        });
      }
      const height = Math.max(labelHeight, top - y + rowsUsed * (cell + gap) + 2);
      svgEl(doc, 'line', { x1: 0, x2: width, y1: y + height + 4, y2: y + height + 4, stroke: 'currentColor', 'stroke-opacity': 0.25, class: 'act-divider' }, svg);
      y += height + 10;
    }
    return y;
  });
