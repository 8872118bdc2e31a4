/**
 * Public-health community-safety spending lines: 2017/18 actuals vs 2018/19 budget, one panel per line,
 * all on one zero-based pound scale (the substance misuse contract dwarfs the others, and the chart
 * shows that honestly). Money is vermillion (the colour grammar in palette.ts); money from the Police and
 * Crime Commissioner is a hatched vermillion segment stacked after the public-health money, named in the
 * label and the legend, never silently added in.
 */
import { OUR_READING } from '../lib/basis.ts';
import { formatChange, formatValue } from '../lib/format.ts';
import { noun } from '../lib/direction.ts';
import { joinList } from '../lib/words.ts';
import { barPanel, endRoom, type EndLabel, type Segment } from './bars.ts';
import { ROLES } from './palette.ts';
import {
  chartIdBase,
  drawLegend,
  drawNote,
  hatchPattern,
  LAYOUT,
  placePanel,
  renderSvg,
  stackPanels,
  svgLines,
  wrapText,
  type ChartFunction,
} from './render.ts';

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
  /** The report prints the amount without naming who pays; the funder is our reading (labels say so). */
  funderAssumed?: boolean;
}

/** After "PCC" in a label where the report prints the amount but names no funder. */
export const FUNDER_READING = ' (our reading)';

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
        return `${formatValue(ph.value, 'gbp')} + ${formatValue(pcc.value, 'gbp')} PCC${pcc.funderAssumed ? FUNDER_READING : ''}`;
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
      // Narrow labels have no room for "(our reading)": a star, said in a note under the legend.
      return layout === 'narrow' && pcc
        ? `${label}, incl. ${formatValue(pcc.value, 'gbp')} PCC${pcc.funderAssumed ? '*' : ''}`
        : label;
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
    const y = height + 8 + drawLegend(doc, svg, layout, funderLegend(rows, hatchId), height + 8);
    const starred = layout === 'narrow' && rows.some((r) => r.funder === 'west-mercia-pcc' && r.funderAssumed);
    return starred
      ? y + drawNote(svg, doc, layout, '* PCC is our reading: the report does not say who pays this amount.', y)
      : y;
  });

/** One line's money from one funder in the two years compared (the actual and the budget). */
export interface SpendingChangeRow {
  line: string;
  lineLabel: string;
  funder: 'wcc-public-health' | 'west-mercia-pcc';
  funderLabel: string;
  /** e.g. "2017/18 actual" and "2018/19 budget". */
  beforeLabel: string;
  afterLabel: string;
  before: number;
  after: number;
  /** The report prints that year's amount without naming who pays: the funder there (only) is our reading. */
  beforeAssumed?: boolean;
  afterAssumed?: boolean;
}

/** "£106,000 (2018/19 budget)", with "PCC is our reading" only for the year whose funder is ours. */
function amountText(value: number, label: string, assumed: boolean | undefined): string {
  return `${formatValue(value, 'gbp')} (${label}${assumed ? `: PCC is ${OUR_READING}` : ''})`;
}

/** "−£586 (−0.4%)": the difference in pounds and percent (our calculation). */
/** One legend entry per funder, in data order: public health in the money colour, the PCC hatched. */
function funderLegend(rows: readonly { funder: string; funderLabel: string }[], hatchId: string) {
  const funders = new Map(rows.map((r) => [r.funder, r.funderLabel]));
  return [...funders].map(([funder, label]) => ({
    fill: funder === 'west-mercia-pcc' ? `url(#${hatchId})` : ROLES.money.fill,
    text: label,
  }));
}

export function moneyChange(before: number, after: number): string {
  if (after === before) return noun('same');
  const pct = before === 0 ? '' : ` (${formatChange(((after - before) / before) * 100, 'percent', 1)})`;
  return `${formatChange(after - before, 'gbp')}${pct}`;
}

/**
 * Actual vs budget: per line and funder, the first year's actual and the next year's budget in the
 * heading, and the percentage difference (our calculation) as a bar diverging from zero in the
 * `change` colour (the text colour), labelled with the difference in pounds, all on one % scale (the
 * lines differ twenty-fold in size). A note under the chart says a budget is not an outturn.
 */
export const spendingChange: ChartFunction<SpendingChangeRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { fontSize } = LAYOUT[layout];
    const pct = (r: SpendingChangeRow) => (r.before === 0 ? 0 : ((r.after - r.before) / r.before) * 100);
    const text = (r: SpendingChangeRow) =>
      r.after === r.before
        ? noun('same')
        : `${formatChange(pct(r), 'percent', 1)} (${formatChange(r.after - r.before, 'gbp')})`;
    // Signs, % and £ are wider than the width estimate allows for: a little more room keeps labels whole.
    const room =
      endRoom(
        rows.map((r) => ({ band: 'change', x: pct(r), text: text(r) })),
        fontSize,
      ) + fontSize;
    const domain: [number, number] = [Math.min(0, ...rows.map(pct)), Math.max(0, ...rows.map(pct))];
    // One pair of years names them; several say what each bar compares (each row names its own pair).
    const several = new Set(rows.map((r) => `${r.beforeLabel}|${r.afterLabel}`)).size > 1;
    // Per line and funder: the line in bold, the two amounts below it, then the bar of the change.
    const { width } = LAYOUT[layout];
    let y = 0;
    rows.forEach((r, i) => {
      if (i > 0) y += 14;
      const bold = wrapText(`${r.lineLabel}, ${r.funderLabel}`, width * 0.88, fontSize);
      svgLines(
        doc,
        bold,
        { x: 0, y: y + fontSize, class: 'chart-heading', 'font-weight': 'bold' },
        fontSize * 1.25,
        svg,
      );
      y += fontSize * 1.25 * bold.length;
      const amounts = wrapText(
        `${amountText(r.before, r.beforeLabel, r.beforeAssumed)} → ${amountText(r.after, r.afterLabel, r.afterAssumed)}`,
        width,
        fontSize,
      );
      svgLines(doc, amounts, { x: 0, y: y + fontSize }, fontSize * 1.25, svg);
      y += fontSize * 1.25 * amounts.length + 2;
      const panel = barPanel(doc, {
        bands: ['change'],
        // Narrow: the value goes into the label above the bar, so the bars keep the whole width.
        bandLabels: { change: layout === 'narrow' ? `Change: ${text(r)}` : 'Change' },
        segments: [
          {
            band: 'change',
            x1: 0,
            x2: pct(r),
            colour: 'change',
            key: `${r.line}|${r.funder}|change${several ? `|${r.afterLabel}` : ''}`,
            tip: `${r.lineLabel}, ${r.funderLabel}: ${amountText(r.before, r.beforeLabel, r.beforeAssumed)} to ${amountText(r.after, r.afterLabel, r.afterAssumed)}, ${moneyChange(r.before, r.after)} (our calculation)`,
          },
        ],
        labels: layout === 'narrow' ? [] : [{ band: 'change', x: pct(r), text: text(r) }],
        domain,
        room: layout === 'narrow' ? 4 : room,
        layout,
      });
      placePanel(svg, panel.svg, 0, y);
      y += panel.height;
    });
    const height = y;
    const first = rows[0];
    const budget = rows.some((r) => /\bbudget$/.test(r.afterLabel) || /\bbudget$/.test(r.beforeLabel));
    const note = first
      ? `Change: ${several ? 'each year on the year before it' : `the ${first.afterLabel} on the ${first.beforeLabel}`}, in % and pounds (our calculation).${budget ? ' A budget is a plan set in advance, not money spent (not an outturn).' : ''}`
      : '';
    return height + 8 + drawNote(svg, doc, layout, note, height + 8);
  });

/**
 * Who pays: per period (2017/18 actual, 2018/19 budget), how much each funder puts in, for the three
 * lines together and for each line: public-health money (vermillion) with the Commissioner's stacked
 * after it (hatched), named in the labels and the legend, with the Commissioner's share (our calculation).
 */
export const spendingFunders: ChartFunction<SpendingRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const { layout } = options;
    const { fontSize } = LAYOUT[layout];
    const hatchId = `${chartIdBase(options)}-pcc`;
    hatchPattern(doc, svg, hatchId, ROLES.moneyPcc.fill);
    const columns = [...new Set(rows.map((r) => r.column))];
    const lines = [...new Set(rows.map((r) => r.line))];
    const ALL = 'all';
    const sum = (column: string, line: string, funder?: string) =>
      rows
        .filter((r) => r.column === column && (line === ALL || r.line === line) && (!funder || r.funder === funder))
        .reduce((s, r) => s + r.value, 0);
    const max = Math.max(...columns.map((c) => sum(c, ALL)));
    const lineLabel = (line: string) =>
      line === ALL ? `All ${lines.length} lines` : (rows.find((r) => r.line === line)?.lineLabel ?? line);
    const share = (c: string, line: string) =>
      formatValue((sum(c, line, 'west-mercia-pcc') / sum(c, line)) * 100, 'percent', 1);
    const endText = (c: string, line: string) => {
      const pcc = sum(c, line, 'west-mercia-pcc');
      if (!pcc) return formatValue(sum(c, line), 'gbp');
      return layout === 'wide'
        ? `${formatValue(sum(c, line, 'wcc-public-health'), 'gbp')} + ${formatValue(pcc, 'gbp')} PCC (${share(c, line)})`
        : `${formatValue(sum(c, line), 'gbp')} (${share(c, line)} PCC)`;
    };
    const bandText = (_: string, line: string) => lineLabel(line);
    const bands = [ALL, ...lines];
    const room = endRoom(
      columns.flatMap((c) => bands.map((b) => ({ band: b, x: 0, text: endText(c, b) }))),
      fontSize,
    );
    const panels = columns.map((c) => {
      const segments: Segment[] = [];
      for (const b of bands) {
        let x = 0;
        for (const funder of ['wcc-public-health', 'west-mercia-pcc'] as const) {
          const value = sum(c, b, funder);
          if (!value) continue;
          const label = rows.find((r) => r.funder === funder)?.funderLabel ?? funder;
          const period = rows.find((r) => r.column === c)?.columnLabel ?? c;
          segments.push({
            band: b,
            x1: x,
            x2: x + value,
            colour: funder === 'west-mercia-pcc' ? 'moneyPcc' : 'money',
            hatchId,
            key: `${c}|${b}|${funder}`,
            tip: `${period}, ${lineLabel(b).toLowerCase()}, ${label}: ${formatValue(value, 'gbp')}${b === ALL ? ' (our calculation)' : ''}`,
          });
          x += value;
        }
      }
      return {
        heading: rows.find((r) => r.column === c)?.columnLabel ?? c,
        panel: barPanel(doc, {
          bands,
          bandLabels: Object.fromEntries(bands.map((b) => [b, bandText(c, b)])),
          segments,
          labels: bands.map((b) => ({ band: b, x: sum(c, b), text: endText(c, b) })),
          domain: [0, max],
          room,
          layout,
        }),
      };
    });
    const height = stackPanels(svg, doc, layout, panels, 16);
    const legendHeight = drawLegend(doc, svg, layout, funderLegend(rows, hatchId), height + 8);
    const y = height + 8 + legendHeight;
    // Where the report prints an amount without naming who pays, the note says the PCC there is our reading.
    const assumed = rows.filter((r) => r.funder === 'west-mercia-pcc' && r.funderAssumed);
    const reading = assumed.length
      ? ` The report does not say who pays the ${joinList(assumed.map((r) => `${formatValue(r.value, 'gbp')} in the ${r.columnLabel}`))}; PCC there is our reading.`
      : '';
    return y + drawNote(svg, doc, layout, `Totals of the lines and the PCC share are our calculation.${reading}`, y);
  });
