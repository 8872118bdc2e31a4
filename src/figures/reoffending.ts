/** The reducing-reoffending cohort: offenders, offences and offences per offender by quarter. */
import { reoffendingCohort, type ReoffendingRow } from '../charts/reoffending.ts';
import { changeOf } from '../charts/summaries.ts';
import { offencesPerOffender } from '../data/derive.ts';
import { movement, seriesVerb } from '../lib/direction.ts';
import { formatNumber, formatValue } from '../lib/format.ts';
import { reportShortWords, reportWords } from '../lib/period-words.ts';
import { cite, must, obs, observationFigure, render } from './helpers.ts';
import type { FigureEntry, FigureParts } from './types.ts';

export function reoffending(): FigureParts {
  const id = 'reoffending-cohort';
  const data = obs('reoffending-cohort', () => true);
  const periods = [...new Map(data.map((r) => [r.period.id, r.period])).values()];
  const value = (p: string, m: string) =>
    must(
      data.find((r) => r.period.id === p && r.measure === m),
      `${p} ${m}`,
    ).value;
  const chartRows: ReoffendingRow[] = periods.map((p) => {
    const offenders = value(p.id, 'cohort-offenders');
    const offences = value(p.id, 'cohort-offences');
    return {
      period: p.id,
      // The axis and the marks' labels: the report's "1st quarter 2017" with our reading of the months.
      periodLabel: reportShortWords(p) ?? p.label,
      offenders,
      offences,
      offencesPerOffender: offencesPerOffender(offences, offenders),
    };
  });
  // In sentences and the table, the report's own words for each quarter with our reading visible
  // ("the first quarter of 2017 (read as January to March)"); the chart's axis keeps the short label.
  const words = new Map(periods.map((p) => [p.id, reportWords(p) ?? p.label]));
  const said = (r: ReoffendingRow) => words.get(r.period) ?? r.periodLabel;
  const first = must(chartRows[0], 'first quarter');
  const last = must(chartRows[chartRows.length - 1], 'last quarter');
  const measureTitle = 'Offenders on the reducing-reoffending cohort and their offences';
  // The finding, direction only (src/lib/direction.ts); the measure under it.
  const offendersMoved = seriesVerb(chartRows.map((r) => r.offenders));
  const offencesMoved = seriesVerb(chartRows.map((r) => r.offences));
  const title = offendersMoved
    ? `The number of offenders on the reducing-reoffending cohort ${offendersMoved}, and ${offendersMoved === offencesMoved ? 'so did their offences' : `their offences ${offencesMoved}`}`
    : measureTitle;
  // Two quarters: "Between A and B … fell from 80 to 60"; more: every turn named with its quarter.
  const two = chartRows.length === 2;
  const moved = (pick: (r: ReoffendingRow) => number, digits?: number) =>
    movement(
      chartRows.map((r) => ({ value: pick(r), ...(two ? {} : { label: said(r) }) })),
      { format: (v) => (digits === undefined ? formatValue(v, 'count') : formatNumber(v, digits)) },
    );
  const takeaway =
    chartRows.length < 2
      ? `In ${said(first)}, ${formatValue(first.offenders, 'count')} offenders on the cohort committed ${formatValue(first.offences, 'count')} offences: ${formatNumber(first.offencesPerOffender, 2)} per offender (our calculation).`
      : `${two ? `Between ${said(first)} and ${said(last)} the` : 'The'} number of offenders on the cohort ${moved((r) => r.offenders)}, and offences per offender (our calculation) ${moved((r) => r.offencesPerOffender, 2)}.`;
  const summary = reoffendingSummary(chartRows.map((r) => ({ ...r, periodLabel: said(r) })));
  return observationFigure('reoffending-cohort', data, {
    id,
    theme: 'reducing-reoffending',
    title,
    ...(offendersMoved ? { subtitle: measureTitle } : {}),
    takeaway,
    summary,
    views: [
      {
        id: 'chart',
        label: 'Chart',
        svg: render(reoffendingCohort, chartRows, { id, title: measureTitle, description: summary.join(' ') }),
      },
    ],
    table: {
      caption: `${measureTitle}, by quarter`,
      columns: [
        { key: 'period', label: 'Quarter' },
        { key: 'offenders', label: 'Offenders', numeric: true },
        { key: 'offences', label: 'Offences', numeric: true },
        { key: 'ratio', label: 'Offences per offender', numeric: true },
      ],
      rows: chartRows.map((r) => ({
        period: said(r).charAt(0).toUpperCase() + said(r).slice(1),
        offenders: formatValue(r.offenders, 'count'),
        offences: formatValue(r.offences, 'count'),
        ratio: formatNumber(r.offencesPerOffender, 2),
      })),
      rowSources: chartRows.map((r) => cite(...data.filter((d) => d.period.id === r.period))),
    },
    csv: {
      columns: ['period', 'offenders', 'offences', 'offences_per_offender'],
      rows: chartRows.map((r) => [r.period, r.offenders, r.offences, Number(r.offencesPerOffender.toFixed(4))]),
    },
    checked: [],
  });
}

export function reoffendingSummary(rows: readonly ReoffendingRow[]): string[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  const out = [
    `In ${first.periodLabel}, ${formatValue(first.offenders, 'count')} offenders on the cohort committed ${formatValue(first.offences, 'count')} offences${rest.map((r) => `; in ${r.periodLabel}, ${formatValue(r.offenders, 'count')} offenders committed ${formatValue(r.offences, 'count')}`).join('')}.`,
  ];
  if (rest.length)
    out.push(
      `The number of offenders ${changeOf(rows.map((r) => r.offenders))} and offences ${changeOf(rows.map((r) => r.offences))}, so offences per offender (our calculation) ${changeOf(
        rows.map((r) => r.offencesPerOffender),
        2,
      )}.`,
    );
  return out;
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [{ id: 'reoffending-cohort', order: 20, build: reoffending }];
