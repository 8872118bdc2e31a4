/** One measure by year as bars (domestic abuse incidents, MARAC cases, Channel referrals). */
import { changeStatement } from '../charts/change-statement.ts';
import { periodBars, type PeriodBarRow } from '../charts/period-bars.ts';
import { periodBarsSummary } from '../charts/summaries.ts';
import { difference, percentChange } from '../data/derive.ts';
import { formatChange, formatValue } from '../lib/format.ts';
import { STATUS_LABELS } from '../schemas/common.ts';
import { checkedClaims, cite, measureLabel, must, obs, obsCsv, observationFigure, render } from './helpers.ts';
import type { FigureParts } from './types.ts';

export function periodFigure(
  id: string,
  theme: string,
  dataset: string,
  measure: string,
  title: string,
  takeaway: (rows: PeriodBarRow[]) => string,
  claim?: (claimId: string, stated: string) => string | undefined,
): FigureParts {
  const data = obs(dataset, (r) => r.measure === measure);
  const chartRows: PeriodBarRow[] = data.map((r) => ({
    period: r.period.id,
    periodLabel: r.period.label,
    measureLabel: measureLabel(measure),
    value: r.value,
    unit: 'count',
  }));
  const summary = periodBarsSummary(chartRows);
  const first = must(data[0], `${measure} rows`);
  const last = must(data[data.length - 1], `${measure} rows`);
  const diff = difference(first.value, last.value);
  const annotation =
    data.length > 1
      ? `Change since ${first.period.label}: ${formatChange(diff, 'count')} (${formatChange(percentChange(first.value, last.value), 'percent', 1)})`
      : undefined;
  return observationFigure(dataset, data, {
    id,
    theme,
    title,
    takeaway: takeaway(chartRows),
    summary,
    summaryInChart: data.length === 2,
    // Two periods: say the numbers (two bars add nothing to the sentence beside them).
    views: [
      data.length === 2
        ? {
            id: 'chart',
            label: 'Chart',
            svg: render(changeStatement, chartRows, { id, title, description: summary.join(' ') }),
          }
        : {
            id: 'chart',
            label: 'Chart',
            svg: render(periodBars, chartRows, {
              id,
              title,
              description: summary.join(' '),
              ...(annotation ? { annotation } : {}),
            }),
          },
    ],
    table: {
      caption: title,
      columns: [
        { key: 'period', label: 'Year' },
        { key: 'value', label: measureLabel(measure), numeric: true },
        { key: 'status', label: 'Status' },
      ],
      rows: data.map((r) => ({
        period: r.period.label,
        value: formatValue(r.value, 'count'),
        status: STATUS_LABELS[r.status],
      })),
      rowSources: data.map((r) => cite(r)),
    },
    csv: obsCsv(data),
    checked: claim ? checkedClaims(dataset, claim) : [],
    agreed: claim ? checkedClaims(dataset, claim, 'direction') : [],
  });
}

/** Domestic abuse incidents and crimes by year. */
export function domesticAbuseIncidents(): FigureParts {
  return periodFigure(
    'domestic-abuse-incidents',
    'domestic-abuse',
    'domestic-abuse',
    'da-incidents-crimes',
    'Domestic abuse incidents and crimes reported, by year',
    (r) =>
      `Reported domestic abuse rose to ${formatValue(r[r.length - 1]?.value ?? 0, 'count')} incidents and crimes in ${r[r.length - 1]?.periodLabel}; the report says under-reporting remains a significant issue.`,
    (claimId, stated) =>
      claimId === 'da-incidents-increase-526'
        ? `The report's stated increase of ${stated} agrees with the figures.`
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
    (r) =>
      `Fewer high-risk cases were heard at MARAC: ${formatValue(r[r.length - 1]?.value ?? 0, 'count')} in ${r[r.length - 1]?.periodLabel}, down from ${formatValue(r[0]?.value ?? 0, 'count')}.`,
    (claimId) =>
      claimId === 'marac-cases-decrease'
        ? `The report says only that cases went down, without a figure; the data agrees. The size of the fall is our calculation.`
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
      `Channel referrals rose from ${formatValue(r[0]?.value ?? 0, 'count')} in ${r[0]?.periodLabel} to ${formatValue(r[r.length - 1]?.value ?? 0, 'count')} in ${r[r.length - 1]?.periodLabel}.`,
  );
}
