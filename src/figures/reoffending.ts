/** The reducing-reoffending cohort: offenders, offences and offences per offender by quarter. */
import { reoffendingCohort, type ReoffendingRow } from '../charts/reoffending.ts';
import { reoffendingSummary } from '../charts/summaries.ts';
import { offencesPerOffender } from '../data/derive.ts';
import { formatNumber, formatValue } from '../lib/format.ts';
import { cite, must, obs, observationFigure, render } from './helpers.ts';
import type { FigureParts } from './types.ts';

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
      periodLabel: p.label,
      offenders,
      offences,
      offencesPerOffender: offencesPerOffender(offences, offenders),
    };
  });
  const first = must(chartRows[0], 'first quarter');
  const last = must(chartRows[chartRows.length - 1], 'last quarter');
  const title = 'Offenders on the reducing-reoffending cohort and their offences';
  const summary = reoffendingSummary(chartRows);
  return observationFigure('reoffending-cohort', data, {
    id,
    theme: 'reducing-reoffending',
    title,
    takeaway: `Between ${first.periodLabel} and ${last.periodLabel} the cohort shrank from ${first.offenders} to ${last.offenders} offenders, and offences per offender (our calculation) fell from ${formatNumber(first.offencesPerOffender, 2)} to ${formatNumber(last.offencesPerOffender, 2)}.`,
    summary,
    views: [
      {
        id: 'chart',
        label: 'Chart',
        svg: render(reoffendingCohort, chartRows, { id, title, description: summary.join(' ') }),
      },
    ],
    table: {
      caption: `${title}, by quarter`,
      columns: [
        { key: 'period', label: 'Quarter' },
        { key: 'offenders', label: 'Offenders', numeric: true },
        { key: 'offences', label: 'Offences', numeric: true },
        { key: 'ratio', label: 'Offences per offender', numeric: true },
      ],
      rows: chartRows.map((r) => ({
        period: r.periodLabel,
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
