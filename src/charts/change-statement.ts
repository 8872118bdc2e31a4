/**
 * Two periods of one measure, said as numbers rather than drawn as two bars: "17 → 22", then the
 * absolute and the percentage change, and the small-numbers caution where the counts are under 50.
 * Two bars add nothing to the sentence beside them; the numbers are the point. Each period carries
 * its colour from the grammar (a swatch: earlier grey, later blue). The numbers are the marks.
 */
import { formatChange, formatValue } from '../lib/format.ts';
import { isSmallCount, SMALL_NUMBERS_NOTE } from '../lib/comparison.ts';
import { periodRole, ROLES } from './palette.ts';
import type { PeriodBarRow } from './period-bars.ts';
import { drawNote, LAYOUT, markElement, renderSvg, svgEl, svgText, textWidth, type ChartFunction } from './render.ts';

export const changeStatement: ChartFunction<PeriodBarRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { fontSize } = LAYOUT[layout];
    const column = layout === 'wide' ? 220 : 150;
    const arrowRoom = layout === 'wide' ? 70 : 34;
    // As large as the widest number allows within its column, leaving room for the arrow.
    const widest = Math.max(...rows.map((r) => textWidth(formatValue(r.value, r.unit), 1) * 1.1));
    const big = Math.min(layout === 'wide' ? 44 : 34, (column - arrowRoom - 6) / widest);
    rows.forEach((r, i) => {
      const x = i * column;
      svgEl(
        doc,
        'rect',
        { x: x + 0.75, y: 3.75, width: 12.5, height: 12.5, fill: ROLES[periodRole(i, rows.length)].fill },
        svg,
      );
      svgText(doc, r.periodLabel, { x: x + 18, y: 15, class: 'chart-muted' }, svg);
      const value = svgText(
        doc,
        formatValue(r.value, r.unit),
        { x, y: 24 + big * 0.9, 'font-size': big, 'font-weight': 'bold' },
        svg,
      );
      markElement(value, {
        key: r.period,
        label: `${r.measureLabel}, ${r.periodLabel}: ${formatValue(r.value, r.unit)}`,
      });
      if (i < rows.length - 1)
        svgText(
          doc,
          '→',
          { x: x + column - arrowRoom, y: 24 + big * 0.85, 'font-size': Math.min(big, 30) * 0.8, class: 'chart-muted' },
          svg,
        );
    });
    let y = 24 + big + 12;
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first && last && first !== last) {
      const diff = last.value - first.value;
      const pct = first.value === 0 ? '' : ` (${formatChange((diff / first.value) * 100, 'percent', 1)})`;
      svgText(
        doc,
        `Change: ${formatChange(diff, first.unit === 'count' ? 'count' : first.unit)}${pct}`,
        { x: 0, y: y + fontSize, 'font-weight': 'bold' },
        svg,
      );
      y += fontSize * 1.6;
      if (isSmallCount(first.unit, first.value, last.value)) y += drawNote(svg, doc, layout, SMALL_NUMBERS_NOTE, y) + 4;
    }
    if (options.annotation) y += drawNote(svg, doc, layout, options.annotation, y + 4) + 4;
    return Math.max(y, 10);
  });
