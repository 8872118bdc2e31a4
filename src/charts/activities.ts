/**
 * The activities board: one square per 2017/18 outcome or 2018/19 activity, in a grid of themes (rows)
 * by period (columns: the report's 2017/18 and 2018/19 lists), and within each cell one line per
 * status (done, under way, planned or being considered), coloured by status with a legend, so the
 * reader sees at a glance where the work sits. Period (the report's
 * column) and status (what the report says of the item) are separate facts and are never merged.
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
export function boardColumns(
  rows: readonly ActivityItem[],
): { key: string; period: string; status: ActivityItem['status']; label: string }[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return periods.flatMap((p) =>
    STATUS_ORDER.flatMap((s) => {
      const first = rows.find((r) => r.period === p && r.status === s);
      return first
        ? [
            {
              key: `${p}|${s}`,
              period: p,
              status: s,
              label: `${first.periodLabel}: ${first.statusLabel.charAt(0).toLowerCase()}${first.statusLabel.slice(1)}`,
            },
          ]
        : [];
    }),
  );
}
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
    const labelWidth = wide ? 190 : 0;
    const line = fontSize * 1.2;
    const columns = boardColumns(rows);
    const periods = [
      ...new Map(
        columns.map((c) => [c.period, rows.find((r) => r.period === c.period)?.periodLabel ?? c.period]),
      ).entries(),
    ];
    const statuses = STATUS_ORDER.filter((s) => columns.some((c) => c.status === s));
    // Legend: the status colours, in order (status is read by colour and by its own line in each cell).
    let lx = 0;
    let ly = fontSize;
    for (const s of statuses) {
      const text = rows.find((r) => r.status === s)?.statusLabel ?? s;
      const w = 16 + text.length * fontSize * 0.55 + 14;
      if (lx > 0 && lx + w > width) {
        lx = 0;
        ly += line;
      }
      svgEl(doc, 'rect', { x: lx + 1, y: ly - fontSize + 3, width: 11, height: 11, ...statusPaint(s) }, svg);
      svgLines(doc, [text], { x: lx + 16, y: ly, class: 'chart-legend', 'data-status': s }, line, svg);
      lx += w;
    }
    // One column per period (the report's column); inside it, one line of squares per status.
    const x = scaleBand(
      periods.map(([p]) => p),
      [labelWidth, width],
    ).paddingInner(0.08);
    // 24 px squares at least (WCAG 2.2 target size), also when the narrow layout is drawn at 300 units.
    const cell = wide ? 24 : 26;
    const gap = 4;
    const perRow = Math.max(1, Math.floor((x.bandwidth() + gap) / (cell + gap)));
    const headingY = ly + line + 6;
    for (const [p, label] of periods) {
      const heading = svgLines(
        doc,
        wrapText(`Listed for ${label}`, x.bandwidth(), fontSize),
        { x: x(p) ?? 0, y: headingY, class: 'chart-heading', 'font-weight': 'bold' },
        line,
        svg,
      );
      heading.setAttribute('data-period', p);
    }
    let y = headingY + 10;
    const themes = [...new Set(rows.map((r) => r.theme))];
    for (const theme of themes) {
      const own = rows.filter((r) => r.theme === theme);
      const label = own[0]?.themeLabel ?? theme;
      const group = svgEl(doc, 'g', { 'data-theme': theme, class: 'act-row' }, svg);
      // Wide: the theme label sits left of its squares; narrow: above them.
      const lines = wrapText(label, wide ? labelWidth - 12 : width, fontSize);
      svgLines(doc, lines, { x: 0, y: y + fontSize + (wide ? 2 : 0) }, line, group);
      const labelHeight = wide ? lines.length * line + 4 : 0;
      const top = wide ? y : y + lines.length * line + 4;
      let rowsUsed = 1;
      for (const [p] of periods) {
        let lineNo = 0;
        for (const c of columns.filter((col) => col.period === p)) {
          const items = own.filter((r) => r.period === c.period && r.status === c.status);
          items.forEach((r, k) => {
            const cx = (x(p) ?? 0) + (k % perRow) * (cell + gap);
            const cy = top + 2 + (lineNo + Math.floor(k / perRow)) * (cell + gap);
            const rect = svgEl(
              doc,
              'rect',
              {
                x: cx + 1,
                y: cy + 1,
                width: cell - 2,
                height: cell - 2,
                rx: 3,
                ...statusPaint(c.status),
                'data-theme': r.theme,
                'data-status': r.status,
                'data-period': r.period,
              },
              group,
            );
            markElement(rect, {
              key: r.id,
              label: `${c.label}, ${r.themeLabel}: ${r.description} (${r.bodyLabel})`,
              cls: `act-item role-${c.status}`,
            });
          });
          lineNo += Math.ceil(items.length / perRow);
        }
        rowsUsed = Math.max(rowsUsed, lineNo);
      }
      const height = Math.max(labelHeight, top - y + rowsUsed * (cell + gap) + 2);
      svgEl(
        doc,
        'line',
        {
          x1: 0,
          x2: width,
          y1: y + height + 4,
          y2: y + height + 4,
          stroke: 'currentColor',
          'stroke-opacity': 0.25,
          class: 'act-divider',
        },
        svg,
      );
      y += height + 10;
    }
    return y;
  });
