/**
 * Violence with injury carrying an alcohol marker, as a share of all violent crime, in two twelve-month
 * spans. The definition change between them (more categories added to the violent-crime total) is
 * drawn on the chart: a dashed break between the bars with the caveat beside it, so the two bars are
 * never read as a like-for-like trend. Bars start at zero on one shared scale.
 */
import { formatValue } from '../lib/format.ts';
import { barPanel, endRoom } from './bars.ts';
import { periodRole } from './palette.ts';
import { LAYOUT, drawNote, placePanel, renderSvg, svgEl, textWidth, type ChartFunction } from './render.ts';

export interface AlcoholShareRow {
  period: string;
  periodLabel: string;
  /** Percent, 0 to 100. */
  value: number;
}

export const alcoholViolenceShare: ChartFunction<AlcoholShareRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { width, fontSize } = LAYOUT[layout];
    const max = Math.max(...rows.map((r) => r.value));
    const text = (r: AlcoholShareRow) => formatValue(r.value, 'percent', 1);
    const room = endRoom(
      rows.map((r) => ({ band: r.period, x: r.value, text: text(r) })),
      fontSize,
    );
    const labelWidth =
      layout === 'wide' ? Math.max(...rows.map((r) => textWidth(r.periodLabel, fontSize))) + 12 : undefined;
    let y = 0;
    rows.forEach((r, i) => {
      if (i > 0 && options.annotation) {
        // The break: a dashed rule across the chart, the caveat under it.
        y += 8;
        svgEl(
          doc,
          'line',
          {
            x1: 0,
            x2: width,
            y1: y,
            y2: y,
            class: 'chart-break',
            stroke: 'currentColor',
            'stroke-dasharray': '6 4',
            'stroke-width': 1.5,
          },
          svg,
        );
        y += 4;
        y += drawNote(svg, doc, layout, `\u26A0 ${options.annotation}`, y, 'chart-caveat');
        y += 2;
      }
      const panel = barPanel(doc, {
        bands: [r.period],
        bandLabels: { [r.period]: r.periodLabel },
        segments: [
          {
            band: r.period,
            x1: 0,
            x2: r.value,
            colour: periodRole(i, rows.length),
            key: r.period,
            tip: `${r.periodLabel}: ${text(r)} of violent crime was violence with injury with an alcohol marker`,
          },
        ],
        labels: [{ band: r.period, x: r.value, text: text(r) }],
        domain: [0, max],
        room,
        layout,
        ...(labelWidth === undefined ? {} : { labelWidth }),
      });
      placePanel(svg, panel.svg, 0, y);
      y += panel.height;
    });
    return y;
  });
