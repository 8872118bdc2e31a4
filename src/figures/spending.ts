/** Public health community safety spending by line, year and funder. */
import {
  moneyChange,
  spendingChange,
  spendingFunders,
  spendingLines,
  FUNDER_READING,
  type SpendingChangeRow,
  type SpendingRow,
} from '../charts/spending.ts';
import { spendingSummary } from '../charts/summaries.ts';
import { spendingTotals } from '../data/derive.ts';
import { formatValue } from '../lib/format.ts';
import { joinList, plural } from '../lib/words.ts';
import type { SpendingRow as SpendingDataRow } from '../schemas/spending.ts';
import { checkedClaims, cite, must, observationFigure, render, rows } from './helpers.ts';
import type { FigureEntry, FigureParts } from './types.ts';

const LINE_LABELS: Record<string, string> = {
  staffing: 'Staffing',
  'substance-misuse-contract': 'Alcohol and substance misuse contract',
  'domestic-abuse-contract': 'Domestic abuse contract',
};
const FUNDER_LABELS: Record<string, string> = {
  'wcc-public-health': 'public health grant',
  'west-mercia-pcc': 'Police and Crime Commissioner',
};

// eslint-disable-next-line max-lines-per-function -- issue #28: 145 lines, to be split into named steps
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
    // The report prints the amount but not who pays it (2018/19's "plus £106,000"): a footnote says so.
    ...((r.notes ?? []).some((n) => n.endsWith('-funder-assumed')) ? { funderAssumed: true } : {}),
  }));
  const totals = spendingTotals(data);
  const allLines = plural(new Set(data.map((r) => r.line)).size, 'line', 'lines', { as: 'words' });
  // The table: each line in each year, then the three lines together (our calculation).
  const tableRows = [
    ...totals,
    ...[...new Set(totals.map((t) => `${t.period}|${t.basis}`))].map((key) => {
      const own = totals.filter((t) => `${t.period}|${t.basis}` === key);
      const byFunder: Record<string, number> = {};
      for (const t of own) for (const [f, v] of Object.entries(t.byFunder)) byFunder[f] = (byFunder[f] ?? 0) + v;
      return { ...must(own[0], key), line: 'all', byFunder, total: own.reduce((s, t) => s + t.total, 0) };
    }),
  ];
  // The years and bases come from the rows ("2017/18 actual and 2018/19 budget"), never typed.
  const title = `Public health community safety spending, ${joinList([...new Set(chartRows.map((r) => r.columnLabel))])}`;
  const substance = totals.filter((t) => t.line === 'substance-misuse-contract');
  const pcc = substance[0]?.byFunder['west-mercia-pcc'];
  // Actual vs budget: each line's money from each funder in the first year (actual) and the next (budget).
  const [actual, budget] = [...new Set(chartRows.map((r) => r.column))].map((c) =>
    must(
      chartRows.find((r) => r.column === c),
      c,
    ),
  );
  const changeRows: SpendingChangeRow[] = chartRows
    .filter((r) => r.column === actual?.column)
    .flatMap((a) => {
      const b = chartRows.find((r) => r.column === budget?.column && r.line === a.line && r.funder === a.funder);
      return b
        ? [
            {
              line: a.line,
              lineLabel: a.lineLabel,
              funder: a.funder,
              // The budget's funder may be our reading (the report prints the amount without naming who pays).
              funderLabel:
                a.funder === 'west-mercia-pcc' ? `PCC${b.funderAssumed ? FUNDER_READING : ''}` : 'public health',
              beforeLabel: a.columnLabel,
              afterLabel: b.columnLabel,
              before: a.value,
              after: b.value,
            },
          ]
        : [];
    });
  const periodSum = (column: string | undefined, funder?: string) =>
    chartRows.filter((r) => r.column === column && (!funder || r.funder === funder)).reduce((s, r) => s + r.value, 0);
  const pccLines = (column: string) => [
    ...new Set(
      chartRows
        .filter((r) => r.column === column && r.funder === 'west-mercia-pcc')
        .map((r) => r.lineLabel.toLowerCase()),
    ),
  ];
  const whoPays = [actual, budget].flatMap((p) => {
    if (!p) return [];
    const all = periodSum(p.column);
    const fromPcc = periodSum(p.column, 'west-mercia-pcc');
    const assumed = chartRows.some((r) => r.column === p.column && r.funder === 'west-mercia-pcc' && r.funderAssumed);
    const share = `${formatValue(fromPcc, 'gbp')} (${formatValue((fromPcc / all) * 100, 'percent', 1)})`;
    const to = pccLines(p.column).join(' and ');
    // Where the report prints the amount without naming who pays, the Commissioner is our reading.
    const rest = assumed
      ? `the other ${share}, to the ${to}, is paid by someone the report does not name (our reading: the Police and Crime Commissioner)`
      : `the Police and Crime Commissioner ${share}, to the ${to}`;
    return [
      `Who pays, ${p.columnLabel} (our calculation): of ${formatValue(all, 'gbp')} across the ${allLines}, public health pays ${formatValue(all - fromPcc, 'gbp')}${assumed ? '; ' : ' and '}${rest}.`,
    ];
  });
  const changeSummary = [
    `From the ${actual?.columnLabel} to the ${budget?.columnLabel} (our calculation): ${changeRows.map((r) => `${r.lineLabel.toLowerCase()}${r.funder === 'west-mercia-pcc' ? ` (Commissioner${r.funderLabel.endsWith(FUNDER_READING) ? ', our reading for the budget' : ''})` : ''} ${moneyChange(r.before, r.after)}`).join('; ')}. A budget is a plan set in advance, not money spent.`,
  ];
  const lineSummary = spendingSummary(chartRows);
  const summary = [...lineSummary, ...changeSummary, ...whoPays];
  const description = (list: string[]) => list.join(' ');
  return observationFigure('spending', data, {
    id,
    theme: 'funding',
    title,
    takeaway: `Most of the money goes on the alcohol and substance misuse contract${pcc ? `, to which the Police and Crime Commissioner added ${formatValue(pcc, 'gbp')} in ${substance[0]?.period ?? ''}` : ''}.`,
    summary,
    summaryFor: [
      ...lineSummary.map(() => ({ view: 'line' })),
      ...changeSummary.map(() => ({ view: 'change' })),
      ...whoPays.map(() => ({ view: 'funder' })),
    ],
    views: [
      {
        id: 'line',
        label: 'Lines',
        says: 'spending by line',
        svg: render(spendingLines, chartRows, { id, title, description: description(lineSummary), view: 'line' }),
      },
      {
        id: 'change',
        label: 'Actual vs budget',
        says: `the ${actual?.columnLabel} beside the ${budget?.columnLabel}`,
        svg: render(spendingChange, changeRows, { id, title, description: description(changeSummary), view: 'change' }),
      },
      {
        id: 'funder',
        label: 'Who pays',
        says: 'who pays, by year',
        svg: render(spendingFunders, chartRows, { id, title, description: description(whoPays), view: 'funder' }),
      },
    ],
    table: {
      caption: `${title}; the change and the totals of all ${allLines} are our calculation`,
      columns: [
        { key: 'line', label: 'Spending line' },
        { key: 'year', label: 'Year' },
        { key: 'ph', label: 'Public health', numeric: true },
        { key: 'pcc', label: 'PCC', numeric: true },
        { key: 'total', label: 'Total', numeric: true },
        { key: 'change', label: 'Change on the actual', numeric: true },
      ],
      rows: tableRows.map((t) => {
        const before =
          t.basis === 'budget' ? tableRows.find((x) => x.line === t.line && x.basis !== 'budget') : undefined;
        return {
          line: t.line === 'all' ? `All ${allLines}` : (LINE_LABELS[t.line] ?? t.line),
          year: `${t.period} ${t.basis}`,
          ph: formatValue(t.byFunder['wcc-public-health'] ?? 0, 'gbp'),
          pcc:
            t.byFunder['west-mercia-pcc'] === undefined
              ? '–'
              : `${formatValue(t.byFunder['west-mercia-pcc'], 'gbp')}${
                  chartRows.some(
                    (r) =>
                      r.column === `${t.period}|${t.basis}` &&
                      (t.line === 'all' || r.line === t.line) &&
                      r.funder === 'west-mercia-pcc' &&
                      r.funderAssumed,
                  )
                    ? FUNDER_READING
                    : ''
                }`,
          total: formatValue(t.total, 'gbp'),
          change: before ? moneyChange(before.total, t.total) : '–',
        };
      }),
      rowSources: tableRows.map((t) =>
        cite(
          ...data.filter(
            (r) => (t.line === 'all' || r.line === t.line) && r.period.id === t.period && r.basis === t.basis,
          ),
        ),
      ),
    },
    csv: {
      columns: ['line', 'funder', 'period', 'basis', 'value', 'unit', 'status'],
      rows: data.map((r) => [r.line, r.funder, r.period.id, r.basis, r.value, r.unit, r.status]),
    },
    checked: checkedClaims(
      'spending',
      // The claim names one row (its `subject`): say which year it is checked against, not "the rows".
      (_, stated, claim) =>
        `The report's ${stated} from the Police and Crime Commissioner matches the ${claim.subject.split('|')[2] ?? ''} spending row, the year the table names the Commissioner as funder.`,
    ),
  });
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [{ id: 'spending-lines', order: 90, build: spending }];
