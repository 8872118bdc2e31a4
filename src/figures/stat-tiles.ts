/** Domestic abuse single-year figures as stat tiles (each a single figure, not a trend). */
import { statTiles, statText, type StatRow } from '../charts/stat-tiles.ts';
import { formatValue } from '../lib/format.ts';
import { reportWords } from '../lib/period-words.ts';
import { statusLabel } from '../data/lookup.ts';
import { cite, measureLabel, must, obs, obsCsv, observationFigure, render, type Obs } from './helpers.ts';
import type { FigureEntry, FigureParts } from './types.ts';

export function domesticAbuseSingleYear(): FigureParts {
  const id = 'domestic-abuse-single-year';
  const wanted: { measure: string; kind: StatRow['kind'] }[] = [
    { measure: 'dvpos', kind: 'count' },
    { measure: 's42-da-referrals-over-50-share', kind: 'share' },
    { measure: 'children-exposed-change', kind: 'change' },
    { measure: 'domestic-homicide-reviews', kind: 'count' },
  ];
  // Every period the data holds goes in the table and CSV; each tile shows its measure's latest one.
  const all = wanted.flatMap((w) => obs('domestic-abuse', (r) => r.measure === w.measure));
  const data = wanted.map((w) => {
    const own = all.filter((r) => r.measure === w.measure);
    return must(own[own.length - 1], w.measure);
  });
  const single = wanted.every((w) => all.filter((r) => r.measure === w.measure).length === 1);
  const periodText = (r: Obs) =>
    r.measure === 'children-exposed-change'
      ? // The report's words ("the first two quarters of 2017") with our reading of the months visible.
        `${reportWords(r.period) ?? r.period.label}, against the same months a year earlier`
      : r.status === 'snapshot'
        ? `${r.period.label}, at the time of the report`
        : r.period.label;
  const chartRows: StatRow[] = data.map((r, i) => ({
    key: r.measure,
    label: measureLabel(r.measure),
    value: r.value,
    kind: must(wanted[i], 'kind').kind,
    periodLabel: periodText(r),
  }));
  const title = 'Domestic abuse: single-year figures';
  const summary = statSummary(chartRows);
  const dv = must(chartRows[0], 'dvpos');
  const s42 = must(chartRows[1], 's42');
  return observationFigure('domestic-abuse', all, {
    id,
    theme: 'domestic-abuse',
    title,
    takeaway: `${formatValue(dv.value, 'count')} victims were protected by Domestic Violence Protection Orders in ${dv.periodLabel}, and ${statText(s42)} of adult safeguarding referrals linked to domestic abuse involved someone over 50. ${single ? 'The report gives no earlier years for these, so there is nothing to compare them with' : 'Each tile shows the latest period; the table lists every period'}; the children figure is itself a change on a year earlier.`,
    summary,
    summaryInChart: true,
    views: [
      { id: 'chart', label: 'Chart', svg: render(statTiles, chartRows, { id, title, description: summary.join(' ') }) },
    ],
    table: {
      caption: title,
      columns: [
        { key: 'measure', label: 'Measure' },
        { key: 'period', label: 'Period' },
        { key: 'value', label: 'Value', numeric: true },
        { key: 'status', label: 'Status' },
      ],
      rows: all.map((r) => ({
        measure: measureLabel(r.measure),
        period: reportWords(r.period) ?? r.period.label,
        value: statText({
          key: r.measure,
          label: measureLabel(r.measure),
          value: r.value,
          kind: must(
            wanted.find((w) => w.measure === r.measure),
            'kind',
          ).kind,
          periodLabel: periodText(r),
        }),
        status: statusLabel('domestic-abuse', r.status),
      })),
      rowSources: all.map((r) => cite(r)),
    },
    csv: obsCsv(all),
    checked: [],
  });
}

export function statSummary(rows: readonly StatRow[]): string[] {
  return rows.map((r) => `${r.label}: ${statText(r)} (${r.periodLabel}).`);
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [
  { id: 'domestic-abuse-single-year', order: 50, build: domesticAbuseSingleYear },
];
