/** Public health community safety spending by line, year and funder. */
import { spendingLines, type SpendingRow } from '../charts/spending.ts';
import { spendingSummary } from '../charts/summaries.ts';
import { spendingTotals } from '../data/derive.ts';
import { formatValue } from '../lib/format.ts';
import type { SpendingRow as SpendingDataRow } from '../schemas/spending.ts';
import { checkedClaims, cite, observationFigure, render, rows } from './helpers.ts';
import type { FigureParts } from './types.ts';

const LINE_LABELS: Record<string, string> = {
  staffing: 'Staffing',
  'substance-misuse-contract': 'Alcohol and substance misuse contract',
  'domestic-abuse-contract': 'Domestic abuse contract',
};
const FUNDER_LABELS: Record<string, string> = {
  'wcc-public-health': 'public health grant',
  'west-mercia-pcc': 'Police and Crime Commissioner',
};

export function spending(): FigureParts {
  const id = 'spending-lines';
  const data = rows<SpendingDataRow>('spending');
  const chartRows: SpendingRow[] = data.map((r) => ({
    line: r.line,
    lineLabel: LINE_LABELS[r.line] ?? r.line,
    column: `${r.period.id}|${r.basis}`,
    columnLabel: `${r.period.label} ${r.basis}`,
    funder: r.funder,
    funderLabel: FUNDER_LABELS[r.funder] ?? r.funder,
    value: r.value,
  }));
  const totals = spendingTotals(data);
  const title = 'Public health community safety spending, 2017/18 actual and 2018/19 budget';
  const summary = spendingSummary(chartRows);
  const substance = totals.filter((t) => t.line === 'substance-misuse-contract');
  const pcc = substance[0]?.byFunder['west-mercia-pcc'];
  return observationFigure('spending', data, {
    id,
    theme: 'funding',
    title,
    takeaway: `Most of the money goes on the alcohol and substance misuse contract${pcc ? `, to which the Police and Crime Commissioner adds ${formatValue(pcc, 'gbp')} a year` : ''}.`,
    summary,
    views: [
      {
        id: 'chart',
        label: 'Chart',
        svg: render(spendingLines, chartRows, { id, title, description: summary.join(' ') }),
      },
    ],
    table: {
      caption: title,
      columns: [
        { key: 'line', label: 'Spending line' },
        { key: 'year', label: 'Year' },
        { key: 'ph', label: 'Public health', numeric: true },
        { key: 'pcc', label: 'PCC', numeric: true },
        { key: 'total', label: 'Total', numeric: true },
      ],
      rows: totals.map((t) => ({
        line: LINE_LABELS[t.line] ?? t.line,
        year: `${t.period} ${t.basis}`,
        ph: formatValue(t.byFunder['wcc-public-health'] ?? 0, 'gbp'),
        pcc: t.byFunder['west-mercia-pcc'] === undefined ? '–' : formatValue(t.byFunder['west-mercia-pcc'], 'gbp'),
        total: formatValue(t.total, 'gbp'),
      })),
      rowSources: totals.map((t) =>
        cite(...data.filter((r) => r.line === t.line && r.period.id === t.period && r.basis === t.basis)),
      ),
    },
    csv: {
      columns: ['line', 'funder', 'period', 'basis', 'value', 'unit', 'status'],
      rows: data.map((r) => [r.line, r.funder, r.period.id, r.basis, r.value, r.unit, r.status]),
    },
    checked: checkedClaims(
      'spending',
      (_, stated) => `The report's ${stated} from the Police and Crime Commissioner matches the spending rows.`,
    ),
  });
}
