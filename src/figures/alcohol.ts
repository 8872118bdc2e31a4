/** Alcohol-related violence with injury as a share of violent crime (definition changed between periods). */
import { alcoholViolenceShare, type AlcoholShareRow } from '../charts/alcohol.ts';
import { alcoholSummary } from '../charts/summaries.ts';
import { formatValue } from '../lib/format.ts';
import { STATUS_LABELS } from '../schemas/common.ts';
import { checkedClaims, cite, must, obs, obsCsv, observationFigure, render } from './helpers.ts';
import type { FigureParts } from './types.ts';

export function alcohol(): FigureParts {
  const id = 'alcohol-violence-share';
  const data = obs('alcohol-violence', () => true);
  const chartRows: AlcoholShareRow[] = data.map((r) => ({
    period: r.period.id,
    periodLabel: r.period.label,
    value: r.value,
  }));
  const caveat =
    'Definition changed: more offence categories were added to the violent-crime total between the two periods, so part of the fall may come from the bigger total rather than less alcohol-related violence.';
  const title = 'Alcohol-related violence with injury as a share of violent crime';
  const summary = alcoholSummary(chartRows, caveat);
  const first = must(chartRows[0], 'first');
  const last = must(chartRows[chartRows.length - 1], 'last');
  return observationFigure('alcohol-violence', data, {
    id,
    theme: 'drugs-and-alcohol',
    title,
    takeaway: `The alcohol-marked share fell from ${formatValue(first.value, 'percent', 1)} to ${formatValue(last.value, 'percent', 1)}, but the definition of violent crime changed in between, so the two are not like for like.`,
    summary,
    views: [
      {
        id: 'chart',
        label: 'Chart',
        svg: render(alcoholViolenceShare, chartRows, {
          id,
          title,
          description: summary.join(' '),
          annotation:
            'Definition changed: more offence categories were added to the violent-crime total, so these two shares are not like for like.',
        }),
      },
    ],
    table: {
      caption: title,
      columns: [
        { key: 'period', label: 'Period' },
        { key: 'value', label: 'Share of violent crime', numeric: true },
        { key: 'status', label: 'Status' },
      ],
      rows: data.map((r) => ({
        period: r.period.label,
        value: formatValue(r.value, 'percent', 1),
        status: STATUS_LABELS[r.status],
      })),
      rowSources: data.map((r) => cite(r)),
    },
    csv: obsCsv(data),
    checked: [],
    agreed: checkedClaims(
      'alcohol-violence',
      () =>
        `The report says only that the share has been reducing, without a figure for the fall; the data agrees. The size of the fall is our calculation.`,
      'direction',
    ),
  });
}
