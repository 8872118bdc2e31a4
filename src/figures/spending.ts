/**
 * Public health community safety spending by line, year and funder. Each (period, basis) the rows give
 * is one column ("2017/18 actual", "2018/19 budget"), in row order: any number of periods and bases.
 * A change is our calculation, from each column to the next.
 */
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
import { spendingTotals, type SpendingTotal } from '../data/derive.ts';
import { formatValue } from '../lib/format.ts';
import { joinList, plural } from '../lib/words.ts';
import type { SpendingRow as SpendingDataRow } from '../schemas/spending.ts';
import { checkedClaims, cite, must, observationFigure, render, rows } from './helpers.ts';
import type { FigureEntry, FigureParts, FigureTable } from './types.ts';

const LINE_LABELS: Record<string, string> = {
  staffing: 'Staffing',
  'substance-misuse-contract': 'Alcohol and substance misuse contract',
  'domestic-abuse-contract': 'Domestic abuse contract',
};
const FUNDER_LABELS: Record<string, string> = {
  'wcc-public-health': 'public health grant',
  'west-mercia-pcc': 'Police and Crime Commissioner',
};
const PCC = 'west-mercia-pcc';
const BUDGET_NOTE = 'A budget is a plan set in advance, not money spent.';

/** One column of the figure: a period and a basis, as the rows give them. */
interface Column {
  column: string;
  columnLabel: string;
  basis: string;
}

/** The rows as the charts draw them. */
function chartRowsOf(data: readonly SpendingDataRow[]): SpendingRow[] {
  return data.map((r) => ({
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
}

/** Every column the rows give, in row order. */
function columnsOf(chartRows: readonly SpendingRow[]): Column[] {
  return [...new Set(chartRows.map((r) => r.column))].map((c) => {
    const first = must(
      chartRows.find((r) => r.column === c),
      c,
    );
    return { column: c, columnLabel: first.columnLabel, basis: c.slice(c.indexOf('|') + 1) };
  });
}

/** Each line's money from each funder in one column beside the next (our calculation), for every pair of neighbouring columns. */
function changeRowsOf(chartRows: readonly SpendingRow[], columns: readonly Column[]): SpendingChangeRow[] {
  return columns.slice(1).flatMap((after, i) => {
    const before = columns[i]!;
    return chartRows
      .filter((r) => r.column === before.column)
      .flatMap((a) => {
        const b = chartRows.find((r) => r.column === after.column && r.line === a.line && r.funder === a.funder);
        if (!b) return [];
        return [
          {
            line: a.line,
            lineLabel: a.lineLabel,
            funder: a.funder,
            funderLabel: a.funder === PCC ? 'PCC' : 'public health',
            // A column's funder may be our reading (the report prints the amount without naming who
            // pays): marked on that column's amount only, not on the row.
            ...(a.funderAssumed ? { beforeAssumed: true } : {}),
            ...(b.funderAssumed ? { afterAssumed: true } : {}),
            beforeLabel: a.columnLabel,
            afterLabel: b.columnLabel,
            before: a.value,
            after: b.value,
          },
        ];
      });
  });
}

/** One sentence per pair of neighbouring columns: each line's change (our calculation). */
function changeSentences(changeRows: readonly SpendingChangeRow[], columns: readonly Column[]): string[] {
  const anyBudget = columns.some((c) => c.basis === 'budget');
  const pairs = columns.slice(1).map((after, i) => [columns[i]!, after] as const);
  return pairs.map(([before, after], i) => {
    const own = changeRows.filter((r) => r.beforeLabel === before.columnLabel && r.afterLabel === after.columnLabel);
    const reading = after.basis === 'budget' ? 'the budget' : `the ${after.columnLabel}`;
    const parts = own.map(
      (r) =>
        `${r.lineLabel.toLowerCase()}${r.funder === PCC ? ` (Commissioner${r.afterAssumed ? `, our reading for ${reading}` : ''})` : ''} ${moneyChange(r.before, r.after)}`,
    );
    const last = i === pairs.length - 1 && anyBudget ? ` ${BUDGET_NOTE}` : '';
    return `From the ${before.columnLabel} to the ${after.columnLabel} (our calculation): ${parts.join('; ')}.${last}`;
  });
}

/** One sentence per column: who pays how much of it (our calculation). */
function whoPaysSentences(chartRows: readonly SpendingRow[], columns: readonly Column[], allLines: string): string[] {
  const sum = (column: string, funder?: string) =>
    chartRows.filter((r) => r.column === column && (!funder || r.funder === funder)).reduce((s, r) => s + r.value, 0);
  return columns.map((p) => {
    const own = chartRows.filter((r) => r.column === p.column && r.funder === PCC);
    const all = sum(p.column);
    const fromPcc = sum(p.column, PCC);
    const assumed = own.some((r) => r.funderAssumed);
    const share = `${formatValue(fromPcc, 'gbp')} (${formatValue((fromPcc / all) * 100, 'percent', 1)})`;
    const to = [...new Set(own.map((r) => r.lineLabel.toLowerCase()))].join(' and ');
    // Where the report prints the amount without naming who pays, the Commissioner is our reading.
    const rest = assumed
      ? `the other ${share}, to the ${to}, is paid by someone the report does not name (our reading: the Police and Crime Commissioner)`
      : `the Police and Crime Commissioner ${share}, to the ${to}`;
    return `Who pays, ${p.columnLabel} (our calculation): of ${formatValue(all, 'gbp')} across the ${allLines}, public health pays ${formatValue(all - fromPcc, 'gbp')}${assumed ? '; ' : ' and '}${rest}.`;
  });
}

/** The table's rows: each line in each column, then all lines together in each column (our calculation). */
function tableTotals(totals: readonly SpendingTotal[]): SpendingTotal[] {
  const all = [...new Set(totals.map((t) => `${t.period}|${t.basis}`))].map((key) => {
    const own = totals.filter((t) => `${t.period}|${t.basis}` === key);
    const byFunder: Record<string, number> = {};
    for (const t of own) for (const [f, v] of Object.entries(t.byFunder)) byFunder[f] = (byFunder[f] ?? 0) + v;
    return { ...must(own[0], key), line: 'all', byFunder, total: own.reduce((s, t) => s + t.total, 0) };
  });
  return [...totals, ...all];
}

/** The table that stands in for the chart: every line in every column, with the change on the column before. */
function spendingTable(
  data: readonly SpendingDataRow[],
  chartRows: readonly SpendingRow[],
  columns: readonly Column[],
  title: string,
  allLines: string,
): FigureTable {
  const totals = tableTotals(spendingTotals(data));
  const order = columns.map((c) => c.column);
  const previous = (t: SpendingTotal) => {
    const at = order.indexOf(`${t.period}|${t.basis}`);
    return at > 0 ? totals.find((x) => x.line === t.line && `${x.period}|${x.basis}` === order[at - 1]) : undefined;
  };
  const pccAssumed = (t: SpendingTotal) =>
    chartRows.some(
      (r) =>
        r.column === `${t.period}|${t.basis}` &&
        (t.line === 'all' || r.line === t.line) &&
        r.funder === PCC &&
        r.funderAssumed,
    );
  return {
    caption: `${title}; each row's total, the totals of all ${allLines} and the change are our calculation`,
    columns: [
      { key: 'line', label: 'Spending line' },
      { key: 'year', label: 'Year' },
      { key: 'ph', label: 'Public health', numeric: true },
      { key: 'pcc', label: 'PCC', numeric: true },
      { key: 'total', label: 'Total', numeric: true },
      {
        key: 'change',
        label: columns.length === 2 ? `Change on the ${columns[0]!.basis}` : 'Change on the year before',
        numeric: true,
      },
    ],
    rows: totals.map((t) => {
      const before = previous(t);
      const pcc = t.byFunder[PCC];
      return {
        line: t.line === 'all' ? `All ${allLines}` : (LINE_LABELS[t.line] ?? t.line),
        year: `${t.period} ${t.basis}`,
        ph: formatValue(t.byFunder['wcc-public-health'] ?? 0, 'gbp'),
        pcc: pcc === undefined ? '–' : `${formatValue(pcc, 'gbp')}${pccAssumed(t) ? FUNDER_READING : ''}`,
        total: formatValue(t.total, 'gbp'),
        change: before ? moneyChange(before.total, t.total) : '–',
      };
    }),
    rowSources: totals.map((t) =>
      cite(
        ...data.filter(
          (r) => (t.line === 'all' || r.line === t.line) && r.period.id === t.period && r.basis === t.basis,
        ),
      ),
    ),
  };
}

/** "Most of the money goes on …": the line with the most money across every column, from the data. */
function takeawayOf(data: readonly SpendingDataRow[]): string {
  const totals = spendingTotals(data);
  const byLine = new Map<string, number>();
  for (const t of totals) byLine.set(t.line, (byLine.get(t.line) ?? 0) + t.total);
  const [line, most] = [...byLine].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const all = [...byLine.values()].reduce((s, v) => s + v, 0);
  const substance = totals.filter((t) => t.line === 'substance-misuse-contract');
  const pcc = substance[0]?.byFunder[PCC];
  const lead = most * 2 > all ? 'Most of the money goes on' : 'The largest part of the money goes on';
  const label = (LINE_LABELS[line] ?? line).toLowerCase();
  const added =
    pcc && line === 'substance-misuse-contract'
      ? `, to which the Police and Crime Commissioner added ${formatValue(pcc, 'gbp')} in ${substance[0]?.period ?? ''}`
      : '';
  return `${lead} the ${label}${added}.`;
}

/** The change view's tab label: its bases in order ("Actual vs budget"), or "Change" when there is one basis. */
function changeLabel(columns: readonly Column[]): string {
  const bases = [...new Set(columns.map((c) => c.basis))];
  const label = bases.join(' vs ');
  return bases.length > 1 ? label.charAt(0).toUpperCase() + label.slice(1) : 'Change';
}

export function spending(): FigureParts {
  const id = 'spending-lines';
  const data = rows<SpendingDataRow>('spending');
  const chartRows = chartRowsOf(data);
  const columns = columnsOf(chartRows);
  const allLines = plural(new Set(data.map((r) => r.line)).size, 'line', 'lines', { as: 'words' });
  // The years and bases come from the rows ("2017/18 actual and 2018/19 budget"), never typed.
  const title = `Public health community safety spending, ${joinList(columns.map((c) => c.columnLabel))}`;
  const changeRows = changeRowsOf(chartRows, columns);
  const lineSummary = spendingSummary(chartRows);
  const changeSummary = changeSentences(changeRows, columns);
  const whoPays = whoPaysSentences(chartRows, columns, allLines);
  const description = (list: string[]) => list.join(' ');
  const pairs =
    columns.length === 2
      ? `the ${columns[0]!.columnLabel} beside the ${columns[1]!.columnLabel}`
      : 'each year beside the year before';
  return observationFigure('spending', data, {
    id,
    theme: 'funding',
    title,
    takeaway: takeawayOf(data),
    summary: [...lineSummary, ...changeSummary, ...whoPays],
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
      // One column has nothing to compare: no change view.
      ...(changeRows.length > 0
        ? [
            {
              id: 'change',
              label: changeLabel(columns),
              says: pairs,
              svg: render(spendingChange, changeRows, {
                id,
                title,
                description: description(changeSummary),
                view: 'change',
              }),
            },
          ]
        : []),
      {
        id: 'funder',
        label: 'Who pays',
        says: 'who pays, by year',
        svg: render(spendingFunders, chartRows, { id, title, description: description(whoPays), view: 'funder' }),
      },
    ],
    table: spendingTable(data, chartRows, columns, title, allLines),
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
