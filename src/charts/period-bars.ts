/**
 * One measure over a few periods, as zero-based horizontal bars labelled with their values: domestic
 * abuse incidents and crimes, MARAC cases, Channel referrals. Colours from the grammar in palette.ts:
 * the later period blue, earlier ones grey. An optional note (e.g. the change, or a caveat) is drawn under the bars.
 */
import { formatValue, type Unit } from '../lib/format.ts';
import { barPanel } from './bars.ts';
import { periodRole } from './palette.ts';
import { drawNote, placePanel, renderSvg, type ChartFunction } from './render.ts';

export interface PeriodBarRow {
  period: string;
  periodLabel: string;
  /** What is counted, for the mark's label (e.g. "Cases heard at MARAC"). */
  measureLabel: string;
  value: number;
  unit: Unit;
}

export const periodBars: ChartFunction<PeriodBarRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const last = rows.length - 1;
    const max = Math.max(...rows.map((r) => r.value));
    const panel = barPanel(doc, {
      bands: rows.map((r) => r.period),
      bandLabels: Object.fromEntries(rows.map((r) => [r.period, r.periodLabel])),
      segments: rows.map((r, i) => ({
        band: r.period,
        x1: 0,
        x2: r.value,
        colour: periodRole(i, last + 1),
        key: r.period,
        tip: `${r.measureLabel}, ${r.periodLabel}: ${formatValue(r.value, r.unit)}`,
      })),
      labels: rows.map((r) => ({ band: r.period, x: r.value, text: formatValue(r.value, r.unit) })),
      domain: [0, max],
      layout: options.layout,
    });
    placePanel(svg, panel.svg, 0, 0);
    let height = panel.height;
    if (options.annotation) height += 6 + drawNote(svg, doc, options.layout, options.annotation, height + 6);
    return height;
  });
