/**
 * Public-health community-safety spending lines: 2017/18 actuals vs 2018/19 budget, one panel per line,
 * all on one zero-based pound scale (the substance misuse contract dwarfs the others, and the chart
 * shows that honestly). Money is vermillion (the colour grammar in palette.ts); money from the Police and
 * Crime Commissioner is a hatched vermillion segment stacked after the public-health money, named in the
 * label and the legend, never silently added in.
 */
import { formatValue } from '../lib/format.ts';
import { barPanel, endRoom, type EndLabel, type Segment } from './bars.ts';
import { ROLES } from './palette.ts';
import { chartIdBase, drawLegend, hatchPattern, LAYOUT, renderSvg, stackPanels, type ChartFunction } from './render.ts';

export interface SpendingRow {
  line: string;
  lineLabel: string;
  /** Period and basis, e.g. "2017/18|actual". */
  column: string;
  /** e.g. "2017/18 actual". */
  columnLabel: string;
  funder: 'wcc-public-health' | 'west-mercia-pcc';
  funderLabel: string;
  value: number;
}

export const spendingLines: ChartFunction<SpendingRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { fontSize } = LAYOUT[layout];
    const hatchId = `${chartIdBase(options)}-pcc`;
    hatchPattern(doc, svg, hatchId, ROLES.moneyPcc.fill);
    const lines = [...new Set(rows.map((r) => r.line))];
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(`${r.line}|${r.column}`, (totals.get(`${r.line}|${r.column}`) ?? 0) + r.value);
    const max = Math.max(...totals.values());
    const labelFor = (line: string, column: string): string => {
      const own = rows.filter((r) => r.line === line && r.column === column);
      const pcc = own.find((r) => r.funder === 'west-mercia-pcc');
      const ph = own.find((r) => r.funder === 'wcc-public-health');
      if (pcc && ph && layout === 'wide')
        return `${formatValue(ph.value, 'gbp')} + ${formatValue(pcc.value, 'gbp')} PCC`;
      return formatValue(
        own.reduce((s, r) => s + r.value, 0),
        'gbp',
      );
    };
    // Narrow: the PCC part moves into the label above the bar, so the bar keeps its width.
    const bandLabel = (own: readonly SpendingRow[], column: string): string => {
      const first = own.find((r) => r.column === column);
      const pcc = own.find((r) => r.column === column && r.funder === 'west-mercia-pcc');
      const label = first?.columnLabel ?? column;
      return layout === 'narrow' && pcc ? `${label}, incl. ${formatValue(pcc.value, 'gbp')} PCC` : label;
    };
    const allLabels: EndLabel[] = [];
    for (const line of lines)
      for (const column of new Set(rows.filter((r) => r.line === line).map((r) => r.column)))
        allLabels.push({ band: column, x: 0, text: labelFor(line, column) });
    const room = endRoom(allLabels, fontSize);
    const panels = lines.map((line) => {
      const own = rows.filter((r) => r.line === line);
      const columns = [...new Set(own.map((r) => r.column))];
      const segments: Segment[] = [];
      for (const column of columns) {
        let x = 0;
        // Public health first, then the PCC contribution stacked after it.
        const parts = own
          .filter((r) => r.column === column)
          .sort((a, b) => (a.funder === b.funder ? 0 : a.funder === 'wcc-public-health' ? -1 : 1));
        for (const r of parts) {
          segments.push({
            band: column,
            x1: x,
            x2: x + r.value,
            colour: r.funder === 'west-mercia-pcc' ? 'moneyPcc' : 'money',
            hatchId,
            key: `${line}|${column}|${r.funder}`,
            tip: `${r.lineLabel}, ${r.columnLabel}, ${r.funderLabel}: ${formatValue(r.value, 'gbp')}`,
          });
          x += r.value;
        }
      }
      return {
        heading: own[0]?.lineLabel ?? line,
        panel: barPanel(doc, {
          bands: columns,
          bandLabels: Object.fromEntries(columns.map((c) => [c, bandLabel(own, c)])),
          segments,
          labels: columns.map((c) => ({ band: c, x: totals.get(`${line}|${c}`) ?? 0, text: labelFor(line, c) })),
          domain: [0, max],
          room,
          layout,
        }),
      };
    });
    const height = stackPanels(svg, doc, layout, panels, 16);
    const funders = new Map(rows.map((r) => [r.funder, r.funderLabel]));
    const legend = [...funders].map(([funder, label]) => ({
      fill: funder === 'west-mercia-pcc' ? `url(#${hatchId})` : ROLES.money.fill,
      text: label,
    }));
    return height + 8 + drawLegend(doc, svg, layout, legend, height + 8);
  });
