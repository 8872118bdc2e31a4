/**
 * Hate crime, North vs South Worcestershire, 2016/17 vs 2017/18.
 * - `hateCrimeCounts`: one panel per measure (offences; incidents recorded as crimes), zero-based bars
 *   for each area and year. The two measures differ ten-fold and are not additive, so each panel has
 *   its own scale and heading rather than sharing an axis.
 * - `hateCrimeChange`: the percentage change per area and measure, diverging from zero, on one shared
 *   scale (same unit), in the colour grammar's `change` colour (the text colour), each labelled with its sign.
 */
import { formatChange, formatValue } from '../lib/format.ts';
import { barPanel, endRoom, type Segment } from './bars.ts';
import { periodRole } from './palette.ts';
import { drawNote, LAYOUT, renderSvg, stackPanels, type ChartFunction } from './render.ts';

export interface HateCrimeCountRow {
  area: string;
  areaLabel: string;
  measure: string;
  measureLabel: string;
  period: string;
  value: number;
}

export interface HateCrimeChangeRow {
  area: string;
  areaLabel: string;
  measure: string;
  measureLabel: string;
  /** Percentage change, e.g. 6.29 for +6.3%. */
  change: number;
  /** The absolute change in the count, e.g. 20 (shown beside the percentage). */
  difference?: number;
  /** Periods compared, e.g. "2016/17 to 2017/18". */
  span: string;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export const hateCrimeCounts: ChartFunction<HateCrimeCountRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const measures = unique(rows.map((r) => r.measure));
    const periods = unique(rows.map((r) => r.period)).sort();
    const panels = measures.map((measure) => {
      const own = rows.filter((r) => r.measure === measure);
      const max = Math.max(...own.map((r) => r.value));
      const bands = own.map((r) => `${r.area}|${r.period}`);
      const bandLabels = Object.fromEntries(own.map((r) => [`${r.area}|${r.period}`, `${r.areaLabel}, ${r.period}`]));
      const segments: Segment[] = own.map((r) => ({
        band: `${r.area}|${r.period}`,
        x1: 0,
        x2: r.value,
        colour: periodRole(periods.indexOf(r.period), periods.length),
        key: `${r.area}|${r.measure}|${r.period}`,
        tip: `${r.areaLabel}, ${r.measureLabel.toLowerCase()}, ${r.period}: ${formatValue(r.value, 'count')}`,
      }));
      const labels = own.map((r) => ({
        band: `${r.area}|${r.period}`,
        x: r.value,
        text: formatValue(r.value, 'count'),
      }));
      return {
        heading: own[0]?.measureLabel ?? measure,
        panel: barPanel(doc, { bands, bandLabels, segments, labels, domain: [0, max], layout: options.layout }),
      };
    });
    return stackPanels(svg, doc, options.layout, panels, 16);
  });

export const hateCrimeChange: ChartFunction<HateCrimeChangeRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const measures = unique(rows.map((r) => r.measure));
    const lo = Math.min(0, ...rows.map((r) => r.change));
    const hi = Math.max(0, ...rows.map((r) => r.change));
    // The absolute change always goes beside the percentage: "+6.3% (+20)".
    const labelText = (r: HateCrimeChangeRow) =>
      r.difference === undefined
        ? formatChange(r.change, 'percent', 1)
        : `${formatChange(r.change, 'percent', 1)} (${formatChange(r.difference, 'count')})`;
    const room = endRoom(
      rows.map((r) => ({ band: r.area, x: r.change, text: labelText(r) })),
      LAYOUT[options.layout].fontSize,
    );
    const panels = measures.map((measure) => {
      const own = rows.filter((r) => r.measure === measure);
      const segments: Segment[] = own.map((r) => ({
        band: r.area,
        x1: 0,
        x2: r.change,
        colour: 'change',
        key: `${r.area}|${r.measure}|change`,
        tip: `${r.areaLabel}, ${r.measureLabel.toLowerCase()}, ${r.span}: ${labelText(r)}`,
      }));
      return {
        heading: own[0]?.measureLabel ?? measure,
        panel: barPanel(doc, {
          bands: own.map((r) => r.area),
          bandLabels: Object.fromEntries(own.map((r) => [r.area, r.areaLabel])),
          segments,
          labels: own.map((r) => ({ band: r.area, x: r.change, text: labelText(r) })),
          domain: [lo, hi],
          room,
          layout: options.layout,
        }),
      };
    });
    const height = stackPanels(svg, doc, options.layout, panels, 16);
    return options.annotation
      ? height + 6 + drawNote(svg, doc, options.layout, options.annotation, height + 6)
      : height;
  });
