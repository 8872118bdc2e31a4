/** Channel referrals in which autism, a learning difficulty or mental health played a part, as a waffle. */
import { shareSummary } from '../charts/summaries.ts';
import { waffle, type ShareRow } from '../charts/waffle.ts';
import { formatValue } from '../lib/format.ts';
import { cite, must, obs, obsCsv, observationFigure, render } from './helpers.ts';
import type { FigureParts } from './types.ts';

export function channelVulnerabilities(): FigureParts {
  const id = 'channel-vulnerabilities';
  const data = obs('prevent-channel', (r) => r.measure === 'channel-referrals-vulnerability-share');
  // The latest period the data holds (rows are in period order).
  const r = must(data[data.length - 1], 'vulnerability share');
  // The waffle at its true size: one square per referral of the same year (the share's period is not
  // stated exactly, so the count of squares is our calculation and says so).
  const referrals = obs('prevent-channel', (x) => x.measure === 'channel-referrals' && x.period.id === r.period.id)[0];
  const chartRows: ShareRow[] = [
    {
      key: r.measure,
      label: 'Channel referrals in which autism, a learning difficulty or mental health played a part',
      partKey: 'autism, a learning difficulty or mental health played a part',
      restLabel: 'other referrals',
      value: r.value,
      periodLabel: r.status === 'period-unclear' ? `${r.period.label}, period not stated exactly` : r.period.label,
      ...(referrals ? { total: referrals.value, unitLabel: 'referral' } : {}),
    },
  ];
  const title = 'Channel referrals involving autism, learning difficulty or mental health';
  const summary = shareSummary(chartRows);
  return observationFigure('prevent-channel', data, {
    id,
    theme: 'prevent',
    title,
    takeaway: `Autism, a learning difficulty or mental health played a part in ${formatValue(r.value, 'percent')} of Channel referrals: more than half.${referrals ? ` Of the ${formatValue(referrals.value, 'count')} referrals in ${referrals.period.label}, that would be about ${formatValue(Math.round((r.value / 100) * referrals.value), 'count')} (our calculation; the report does not say exactly which period the share covers).` : ''}`,
    summary,
    views: [
      { id: 'chart', label: 'Chart', svg: render(waffle, chartRows, { id, title, description: summary.join(' ') }) },
    ],
    table: {
      caption: title,
      columns: [
        { key: 'part', label: 'Referrals' },
        { key: 'value', label: 'Share', numeric: true },
      ],
      rows: [
        {
          part: 'Autism, a learning difficulty or mental health played a part',
          value: formatValue(r.value, 'percent'),
        },
        { part: 'Other referrals', value: formatValue(100 - r.value, 'percent') },
      ],
      rowSources: [cite(r), cite(r)],
    },
    csv: obsCsv(data),
    checked: [],
  });
}
