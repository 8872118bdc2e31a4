/** One measure by year as bars (domestic abuse incidents, MARAC cases, Channel referrals). */
import { changeStatement } from '../charts/change-statement.ts';
import { periodBars, type PeriodBarRow } from '../charts/period-bars.ts';
import { periodBarsSummary } from '../charts/summaries.ts';
import { difference, percentChange } from '../data/derive.ts';
import {
  bareNoun,
  comparative,
  endedAt,
  movement,
  seriesVerb,
  statedStep,
  stepOf,
  updown,
  verb,
} from '../lib/direction.ts';
import { formatChange, formatValue } from '../lib/format.ts';
import { statusLabel } from '../data/lookup.ts';
import {
  checkedClaims,
  cite,
  measureLabel,
  must,
  obs,
  obsCsv,
  observationFigure,
  isStated,
  render,
  shownChanges,
  type Obs,
  oursNote,
} from './helpers.ts';
import type { ClaimRow } from '../schemas/claims.ts';
import type { FigureEntry, FigureParts, FigureView } from './types.ts';

/** The bar chart's note: the change since the first period and its percentage, and which part is ours. */
function changeNote(data: readonly Obs[], ours: string | undefined): string | undefined {
  if (data.length <= 1) return undefined;
  const first = data[0]!;
  const last = data[data.length - 1]!;
  const diff = difference(first.value, last.value);
  return `Change since ${first.period.label}: ${formatChange(diff, 'count')} (${formatChange(percentChange(first.value, last.value), 'percent', 1)}). ${ours ?? ''}`.trim();
}

/** The chart: two periods say the numbers (two bars add nothing to the sentence beside them); more are bars. */
function periodChartView(
  data: readonly Obs[],
  chartRows: readonly PeriodBarRow[],
  base: { id: string; title: string; description: string },
  ours: string | undefined,
): FigureView {
  const annotation = changeNote(data, ours);
  return data.length === 2
    ? {
        id: 'chart',
        label: 'Chart',
        svg: render(changeStatement, chartRows, { ...base, ...(ours ? { annotation: ours } : {}) }),
      }
    : {
        id: 'chart',
        label: 'Chart',
        svg: render(periodBars, chartRows, { ...base, ...(annotation ? { annotation } : {}) }),
      };
}

/** The table: a row per year with its value and status. */
function periodTable(
  dataset: string,
  data: readonly Obs[],
  measure: string,
  measureTitle: string,
): FigureParts['table'] {
  return {
    caption: measureTitle,
    columns: [
      { key: 'period', label: 'Year' },
      { key: 'value', label: measureLabel(measure), numeric: true },
      { key: 'status', label: 'Status' },
    ],
    rows: data.map((r) => ({
      period: r.period.label,
      value: formatValue(r.value, 'count'),
      status: statusLabel(dataset, r.status),
    })),
    rowSources: data.map((r) => cite(r)),
  };
}

export function periodFigure(
  id: string,
  theme: string,
  dataset: string,
  measure: string,
  measureTitle: string,
  takeaway: (rows: PeriodBarRow[]) => string,
  claim?: (claimId: string, stated: string, row: ClaimRow) => string | undefined,
): FigureParts {
  const data = obs(dataset, (r) => r.measure === measure);
  const chartRows: PeriodBarRow[] = data.map((r) => ({
    period: r.period.id,
    periodLabel: r.period.label,
    measureLabel: measureLabel(measure),
    value: r.value,
    unit: 'count',
  }));
  const first = must(data[0], `${measure} rows`);
  const last = must(data[data.length - 1], `${measure} rows`);
  // The finding as the title (direction only, from src/lib/direction.ts); the measure under it.
  const moved = seriesVerb(data.map((r) => r.value));
  const title = moved
    ? `${measureLabel(measure)} ${moved} between ${first.period.label} and ${last.period.label}`
    : measureTitle;
  const shown = shownChanges(dataset, [data]);
  const summary = periodBarsSummary(chartRows, isStated(dataset, shown[0], 'percent-change'));
  const ours = oursNote(
    data.length,
    isStated(dataset, shown[0], 'difference'),
    isStated(dataset, shown[0], 'percent-change'),
  );
  return observationFigure(dataset, data, {
    id,
    theme,
    title,
    ...(moved ? { subtitle: measureTitle } : {}),
    takeaway: takeaway(chartRows),
    summary,
    summaryInChart: data.length === 2,
    views: [periodChartView(data, chartRows, { id, title: measureTitle, description: summary.join(' ') }, ours)],
    table: periodTable(dataset, data, measure, measureTitle),
    csv: obsCsv(data),
    checked: claim ? checkedClaims(dataset, claim, 'exact', shown) : [],
    agreed: claim ? checkedClaims(dataset, claim, 'direction', shown) : [],
  });
}

const count = (r: PeriodBarRow | undefined) => formatValue(r?.value ?? 0, 'count');
const values = (r: PeriodBarRow[]) => r.map((x) => x.value);

/** Domestic abuse incidents and crimes by year. */
export function domesticAbuseIncidents(): FigureParts {
  return periodFigure(
    'domestic-abuse-incidents',
    'domestic-abuse',
    'domestic-abuse',
    'da-incidents-crimes',
    'Domestic abuse incidents and crimes reported, by year',
    (r) =>
      `Reported domestic abuse ${endedAt(values(r), `${count(r[r.length - 1])} incidents and crimes`)} in ${r[r.length - 1]?.periodLabel}; the report says under-reporting remains a significant issue.`,
    (claimId, stated, c) =>
      claimId === 'da-incidents-increase-526'
        ? `The report's stated ${c.stated_direction ? bareNoun(statedStep(c.stated_direction)) : 'change'} of ${stated} agrees with the figures.`
        : undefined,
  );
}

/** Cases heard at MARAC by year. */
export function maracCases(): FigureParts {
  return periodFigure(
    'marac-cases',
    'domestic-abuse',
    'domestic-abuse',
    'marac-cases',
    'Cases heard at MARAC, by year',
    (r) => {
      const first = r[0];
      const last = r[r.length - 1];
      if (!first || !last || first === last) return `${count(last)} cases were heard at MARAC in ${last?.periodLabel}.`;
      const step = stepOf(first.value, last.value);
      const more = comparative(step, 'count');
      return step === 'same'
        ? `The same number of cases was heard at MARAC in ${last.periodLabel} as in ${first.periodLabel}: ${count(last)}.`
        : `${more.charAt(0).toUpperCase()}${more.slice(1)} cases were heard at MARAC: ${count(last)} in ${last.periodLabel}, ${updown(step)} from ${count(first)}${r.length > 2 ? ` in ${first.periodLabel}` : ''}.`;
    },
    (claimId, _, c) =>
      claimId === 'marac-cases-decrease' && c.stated_direction
        ? `The report gives both numbers and says cases ${verb(statedStep(c.stated_direction))}; the data agrees. The size of the ${bareNoun(statedStep(c.stated_direction))} is our calculation.`
        : undefined,
  );
}

/** Referrals to Channel by year. */
export function channelReferrals(): FigureParts {
  return periodFigure(
    'channel-referrals',
    'prevent',
    'prevent-channel',
    'channel-referrals',
    'Referrals to Channel, by year',
    (r) =>
      `Channel referrals ${movement(
        r.map((x) => ({ value: x.value, label: x.periodLabel })),
        { format: (v) => formatValue(v, 'count') },
      )}.`,
  );
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [
  { id: 'domestic-abuse-incidents', order: 30, build: domesticAbuseIncidents },
  { id: 'marac-cases', order: 40, build: maracCases },
  { id: 'channel-referrals', order: 60, build: channelReferrals },
];
