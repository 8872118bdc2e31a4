/**
 * The referrals in which autism, learning difficulty and mental health plays a part, as a waffle of
 * 100 squares: the report gives the share (55% "of referrals", in its Prevent paragraph) with no base
 * and no period, so it is not turned into a count of any year's Channel referrals.
 */
import { upperFirst } from '../charts/summaries.ts';
import { OUR_CALCULATION } from '../lib/basis.ts';
import { waffle, type ShareRow } from '../charts/waffle.ts';
import { formatValue } from '../lib/format.ts';
import { NO_PERIOD_GIVEN } from '../lib/period-words.ts';
import { cite, must, obs, obsCsv, observationFigure, render } from './helpers.ts';
import type { FigureEntry, FigureParts } from './types.ts';

export function channelVulnerabilities(): FigureParts {
  const id = 'channel-vulnerabilities';
  const data = obs('prevent-channel', (r) => r.measure === 'channel-referrals-vulnerability-share');
  // The latest period the data holds (rows are in period order).
  const r = must(data[data.length - 1], 'vulnerability share');
  // Per cent, not a count: the report gives no base or period for the share (docs/data-rules.md).
  const chartRows: ShareRow[] = [
    {
      key: r.measure,
      label: 'Referrals in which autism, learning difficulty and mental health plays a part',
      partKey: 'autism, learning difficulty and mental health plays a part',
      restLabel: 'other referrals',
      value: r.value,
      periodLabel: r.status === 'period-unclear' ? NO_PERIOD_GIVEN : r.period.label,
    },
  ];
  const title = 'Referrals in which autism, learning difficulty and mental health plays a part';
  const summary = shareSummary(chartRows);
  return observationFigure('prevent-channel', data, {
    id,
    theme: 'prevent',
    title,
    takeaway: `The report says autism, learning difficulty and mental health plays a part in ${formatValue(r.value, 'percent')} of referrals, in its section on Prevent; it does not say which referrals, how many, or over what period.`,
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
          part: 'Autism, learning difficulty and mental health plays a part',
          value: formatValue(r.value, 'percent'),
        },
        // The rest is 100 minus the printed share: the report does not print it.
        { part: 'Other referrals', value: `${formatValue(100 - r.value, 'percent')} (${OUR_CALCULATION})` },
      ],
      rowSources: [cite(r), cite(r)],
    },
    csv: obsCsv(data),
    checked: [],
  });
}

export function shareSummary(rows: readonly ShareRow[]): string[] {
  return rows.map(
    (r) =>
      `${r.label}: ${formatValue(r.value, 'percent')} (${r.periodLabel}). ${upperFirst(r.restLabel)}: ${formatValue(100 - r.value, 'percent')} (${OUR_CALCULATION}).`,
  );
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [
  { id: 'channel-vulnerabilities', order: 70, build: channelVulnerabilities },
];
