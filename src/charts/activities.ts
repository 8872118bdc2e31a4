/**
 * The activities board: one square per 2017/18 outcome or 2018/19 activity, in a grid of themes (rows)
 * by status (columns: done, under way, planned), so the reader sees at a glance where the work sits.
 * Each square is a focusable mark whose label is the activity; the client script filters by theme and
 * status by toggling classes. Layout computed with D3 scales.
 */
import { scaleBand } from 'd3';
import { ROLES } from './palette.ts';
import { LAYOUT, markElement, renderSvg, svgEl, svgLines, wrapText, type ChartFunction } from './render.ts';

export interface ActivityItem {
  id: string;
  theme: string;
  themeLabel: string;
  status: 'done' | 'underway' | 'planned';
  /** e.g. "Done (2017/18)". */
  statusLabel: string;
  description: string;
  bodyLabel: string;
}

export const STATUS_ORDER: ActivityItem['status'][] = ['done', 'underway', 'planned'];
/** Status colours from the grammar (palette.ts): done green, under way purple, planned hollow. */
function statusPaint(s: ActivityItem['status']): Record<string, string | number | undefined> {
  const role = ROLES[s];
  return 'stroke' in role ? { fill: 'none', stroke: role.stroke, 'stroke-width': 2 } : { fill: role.fill };
}

export const activitiesBoard: ChartFunction<ActivityItem> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { width, fontSize } = LAYOUT[layout];
    const wide = layout === 'wide';
    const labelWidth = wide ? 200 : 0;
    const statuses = STATUS_ORDER.filter((s) => rows.some((r) => r.status === s));
    const x = scaleBand(statuses, [labelWidth, width]).paddingInner(0.08);
    // 24 px squares at least (WCAG 2.2 target size), also when the narrow layout is drawn at 300 units.
    const cell = wide ? 24 : 26;
    const gap = 4;
    const perRow = Math.max(1, Math.floor((x.bandwidth() + gap) / (cell + gap)));
    // Column headings.
    const headingLines = statuses.map((s) => wrapText(rows.find((r) => r.status === s)?.statusLabel ?? s, x.bandwidth(), fontSize));
    const headingHeight = Math.max(...headingLines.map((l) => l.length)) * fontSize * 1.2 + 6;
    statuses.forEach((s, i) => {
      const hx = x(s) ?? 0;
      svgEl(doc, 'rect', { x: hx + 1, y: 3, width: 11, height: 11, ...statusPaint(s) }, svg);
      svgLines(doc, headingLines[i] ?? [], { x: hx + 16, y: fontSize, class: 'chart-heading', 'font-weight': 'bold' }, fontSize * 1.2, svg).setAttribute('data-status', s);
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
      for (const s of statuses) {
        const items = own.filter((r) => r.status === s);
        rowsUsed = Math.max(rowsUsed, Math.ceil(items.length / perRow));
        items.forEach((r, k) => {
          const cx = (x(s) ?? 0) + (k % perRow) * (cell + gap);
          const cy = top + 2 + Math.floor(k / perRow) * (cell + gap);
          const rect = svgEl(doc, 'rect', { x: cx + 1, y: cy + 1, width: cell - 2, height: cell - 2, rx: 3, ...statusPaint(s), 'data-theme': r.theme, 'data-status': r.status }, group);
          markElement(rect, { key: r.id, label: `${r.statusLabel}, ${r.themeLabel}: ${r.description} (${r.bodyLabel})`, cls: `act-item role-${s}` });
        });
      }
      const height = Math.max(labelHeight, top - y + rowsUsed * (cell + gap) + 2);
      svgEl(doc, 'line', { x1: 0, x2: width, y1: y + height + 4, y2: y + height + 4, stroke: 'currentColor', 'stroke-opacity': 0.25, class: 'act-divider' }, svg);
      y += height + 10;
    }
    return y;
  });
