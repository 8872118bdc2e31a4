/**
 * Hate crime, North vs South Worcestershire, 2016/17 vs 2017/18.
 * Small multiples by area: one section per area (North, South), each under the area's name, every
 * section on the same scales, so the page can show each area as its own small SVG and the area switch
 * (North / South / both) only hides whole SVGs (docs/exploration.md).
 * - `hateCrimeCounts`: per area, one panel per measure (offences; incidents recorded as crimes), with
 *   zero-based bars for each year, every panel on ONE count scale: the measures differ ten-fold, and
 *   drawing each on its own scale made 37 look almost as long as 318 (issue #25).
 * - `hateCrimeChange`: per area, the percentage change of each measure, diverging from zero, on one
 *   shared scale (same unit), in the colour grammar's `change` colour (the text colour), each labelled
 *   with its sign and the absolute change.
 */
import { formatChange, formatValue } from '../lib/format.ts';
import { barPanel, endRoom, type Segment } from './bars.ts';
import { periodRole } from './palette.ts';
import {
  drawNote,
  LAYOUT,
  placePanel,
  renderSvg,
  svgLines,
  svgText,
  textWidth,
  wrapText,
  type ChartOptions,
  type Layout,
} from './render.ts';

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

/** Options of the hate crime charts: `areas` draws only those areas, on the scale of every row. */
export type HateCrimeOptions = ChartOptions & { areas?: string[] };

type Panel = { heading?: string; panel: { svg: SVGElement; height: number } };

/**
 * One section per area, each under the area's name, its panels stacked below; returns the height. The
 * page shows each area as its own small SVG (one section), so the area switch only hides whole SVGs.
 */
function stackAreas(svg: SVGElement, doc: Document, layout: Layout, sections: { name: string; panels: Panel[] }[]) {
  const { fontSize, width } = LAYOUT[layout];
  const big = fontSize + 2;
  let y = 0;
  sections.forEach(({ name, panels }, i) => {
    if (i > 0) y += 24;
    svgText(doc, name, { x: 0, y: y + big, class: 'chart-heading', 'font-weight': 'bold', 'font-size': big }, svg);
    y += big * 1.3 + 6;
    panels.forEach(({ heading, panel }, k) => {
      if (k > 0) y += 10;
      if (heading) {
        const lines = wrapText(heading, width, fontSize);
        svgLines(doc, lines, { x: 0, y: y + fontSize, class: 'chart-subheading' }, fontSize * 1.25, svg);
        y += fontSize * 1.25 * lines.length + 2;
      }
      placePanel(svg, panel.svg, 0, y);
      y += panel.height;
    });
  });
  return y;
}

/** The areas to draw, in the order of the rows. */
const drawn = (rows: readonly { area: string; areaLabel: string }[], options: HateCrimeOptions) =>
  unique(rows.map((r) => r.area))
    .filter((a) => !options.areas || options.areas.includes(a))
    .map((a) => ({ area: a, name: rows.find((r) => r.area === a)?.areaLabel ?? a }));

export const hateCrimeCounts = (rows: readonly HateCrimeCountRow[], options: HateCrimeOptions): string =>
  renderSvg(options, (svg, doc) => {
    const { fontSize } = LAYOUT[options.layout];
    const measures = unique(rows.map((r) => r.measure));
    const periods = unique(rows.map((r) => r.period)).sort();
    // One scale for every bar (issue #25): the two measures are both counts, and bars the reader sees
    // side by side must compare by length, so 37 crimed incidents are drawn a tenth as long as 318
    // offences, never almost as long. The areas share it too (the area switch hides whole SVGs).
    const labelsAll = rows.map((r) => ({ band: r.period, x: r.value, text: formatValue(r.value, 'count') }));
    // A little more room than the estimate: the labels stay whole in the PNG's DejaVu Sans.
    const scale = { max: Math.max(...rows.map((r) => r.value)), room: endRoom(labelsAll, fontSize) + fontSize / 2 };
    const labelWidth = Math.max(...periods.map((p) => textWidth(p, fontSize))) + 12;
    const sections = drawn(rows, options).map(({ area, name }) => ({
      name,
      panels: measures.map((measure) => {
        const own = rows.filter((r) => r.measure === measure && r.area === area);
        const segments: Segment[] = own.map((r) => ({
          band: r.period,
          x1: 0,
          x2: r.value,
          colour: periodRole(periods.indexOf(r.period), periods.length),
          key: `${r.area}|${r.measure}|${r.period}`,
          tip: `${r.areaLabel}, ${r.measureLabel.toLowerCase()}, ${r.period}: ${formatValue(r.value, 'count')}`,
        }));
        return {
          heading: own[0]?.measureLabel ?? measure,
          panel: barPanel(doc, {
            bands: own.map((r) => r.period),
            bandLabels: Object.fromEntries(own.map((r) => [r.period, r.period])),
            segments,
            labels: own.map((r) => ({ band: r.period, x: r.value, text: formatValue(r.value, 'count') })),
            domain: [0, scale.max],
            room: scale.room,
            labelWidth,
            layout: options.layout,
          }),
        };
      }),
    }));
    return stackAreas(svg, doc, options.layout, sections);
  });

export const hateCrimeChange = (rows: readonly HateCrimeChangeRow[], options: HateCrimeOptions): string =>
  renderSvg(options, (svg, doc) => {
    const { fontSize } = LAYOUT[options.layout];
    const lo = Math.min(0, ...rows.map((r) => r.change));
    const hi = Math.max(0, ...rows.map((r) => r.change));
    // The absolute change always goes beside the percentage: "+6.3% (+20)".
    const labelText = (r: HateCrimeChangeRow) =>
      r.difference === undefined
        ? formatChange(r.change, 'percent', 1)
        : `${formatChange(r.change, 'percent', 1)} (${formatChange(r.difference, 'count')})`;
    // Signs and % are wider than the width estimate allows for: a little more room keeps labels whole.
    const room =
      endRoom(
        rows.map((r) => ({ band: r.measure, x: r.change, text: labelText(r) })),
        fontSize,
      ) + fontSize;
    const labelWidth = Math.max(...rows.map((r) => textWidth(r.measureLabel, fontSize))) + 12;
    const sections = drawn(rows, options).map(({ area, name }) => {
      const own = rows.filter((r) => r.area === area);
      const segments: Segment[] = own.map((r) => ({
        band: r.measure,
        x1: 0,
        x2: r.change,
        colour: 'change',
        key: `${r.area}|${r.measure}|change`,
        tip: `${r.areaLabel}, ${r.measureLabel.toLowerCase()}, ${r.span}: ${labelText(r)}`,
      }));
      const span = own[0]?.span;
      return {
        name,
        panels: [
          {
            ...(span ? { heading: `Change, ${span}` } : {}),
            panel: barPanel(doc, {
              bands: own.map((r) => r.measure),
              bandLabels: Object.fromEntries(own.map((r) => [r.measure, r.measureLabel])),
              segments,
              labels: own.map((r) => ({ band: r.measure, x: r.change, text: labelText(r) })),
              domain: [lo, hi],
              room,
              labelWidth,
              layout: options.layout,
            }),
          },
        ],
      };
    });
    const height = stackAreas(svg, doc, options.layout, sections);
    return options.annotation
      ? height + 6 + drawNote(svg, doc, options.layout, options.annotation, height + 6)
      : height;
  });
