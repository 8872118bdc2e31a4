/** Alcohol-related violence with injury as a share of violent crime (definition changed between periods). */
import { alcoholViolenceShare, type AlcoholShareRow } from '../charts/alcohol.ts';
import { OUR_CALCULATION } from '../lib/basis.ts';
import { bareNoun, changedBy, movement, seriesVerb, statedStep, stepOf, updown, verb } from '../lib/direction.ts';
import { formatNumber, formatValue } from '../lib/format.ts';
import { joinList } from '../lib/words.ts';
import { statusLabel } from '../data/lookup.ts';
import { checkedClaims, cite, must, obs, obsCsv, observationFigure, render, shownChanges } from './helpers.ts';
import type { FigureEntry, FigureParts } from './types.ts';

export function alcohol(): FigureParts {
  const id = 'alcohol-violence-share';
  const data = obs('alcohol-violence', () => true);
  const chartRows: AlcoholShareRow[] = data.map((r) => ({
    period: r.period.id,
    periodLabel: r.period.label,
    value: r.value,
  }));
  const first = must(chartRows[0], 'first');
  const last = must(chartRows[chartRows.length - 1], 'last');
  const step = stepOf(first.value, last.value);
  const two = chartRows.length === 2;
  // A bigger total can explain a smaller share, not a larger one: the caveat says only what follows.
  // The report's own hedge (lines 381-382): "an element of this may be in the inclusion of additional categories".
  const label = statusLabel('alcohol-violence', 'definition-changed');
  const included = 'the report says additional categories in the violent-crime total may account for part of';
  const caveat = `${label}: ${
    chartRows.length < 2
      ? 'the report mentions additional categories in the violent-crime total, so this share may not be like for like with earlier ones'
      : step === 'down'
        ? `${included} the ${bareNoun(step)}, rather than less alcohol-related violence`
        : 'the report mentions additional categories in the violent-crime total, so the shares may not be like for like'
  }.`;
  const measureTitle = 'Alcohol-related violence with injury as a share of violent crime';
  // The finding, direction only (the report says the share has reduced; the size is our calculation).
  const moved = seriesVerb(chartRows.map((r) => r.value));
  const title = moved ? `Alcohol-related violence with injury ${moved} as a share of violent crime` : measureTitle;
  const summary = alcoholSummary(chartRows, caveat);
  return observationFigure('alcohol-violence', data, {
    id,
    theme: 'drugs-and-alcohol',
    title,
    ...(moved ? { subtitle: measureTitle } : {}),
    takeaway:
      chartRows.length < 2
        ? `The alcohol-marked share was ${formatValue(first.value, 'percent', 1)} of violent crime in ${first.periodLabel}.`
        : `The alcohol-marked share ${movement(
            chartRows.map((r) => ({ value: r.value, ...(two ? {} : { label: r.periodLabel }) })),
            { format: (v) => formatValue(v, 'percent', 1) },
          )}, but ${included} the ${bareNoun(step)}, so ${two ? 'the two' : 'the shares'} may not be like for like.`,
    summary,
    views: [
      {
        id: 'chart',
        label: 'Chart',
        svg: render(alcoholViolenceShare, chartRows, {
          id,
          title: measureTitle,
          description: summary.join(' '),
          annotation: `${label}: the report says additional categories in the violent-crime total may account for part of the change between ${two ? 'these two shares' : 'these shares'}.`,
        }),
      },
    ],
    table: {
      caption: measureTitle,
      columns: [
        { key: 'period', label: 'Period' },
        { key: 'value', label: 'Share of violent crime', numeric: true },
        { key: 'status', label: 'Status' },
      ],
      rows: data.map((r) => ({
        period: r.period.label,
        value: formatValue(r.value, 'percent', 1),
        status: statusLabel('alcohol-violence', r.status),
      })),
      rowSources: data.map((r) => cite(r)),
    },
    csv: obsCsv(data),
    checked: [],
    agreed: checkedClaims(
      'alcohol-violence',
      (_, __, c) =>
        c.stated_direction
          ? `The report states the direction (the share ${verb(statedStep(c.stated_direction), 'perfect')}) but not the size of the ${bareNoun(statedStep(c.stated_direction))}; the data agrees, and the size is our calculation.`
          : undefined,
      'direction',
      shownChanges('alcohol-violence', [data]),
    ),
  });
}

export function alcoholSummary(rows: readonly AlcoholShareRow[], caveat: string): string[] {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return [];
  const shares = joinList(
    rows.map(
      (r, i) => `${formatValue(r.value, 'percent', 1)}${i === 0 ? ' of violent crime' : ''} in ${r.periodLabel}`,
    ),
  );
  if (first === last) return [`Violence with injury carrying an alcohol marker made up ${shares}.`, caveat];
  const step = stepOf(first.value, last.value);
  // The report prints only the shares, never the size of the change: it is our calculation.
  const points = `${formatNumber(Math.abs(last.value - first.value), 1)} percentage points (${OUR_CALCULATION})`;
  const moved =
    rows.length === 2
      ? changedBy(first.value, last.value, points)
      : `${seriesVerb(rows.map((r) => r.value))}${step === 'same' ? '' : `, ${updown(step)} ${points} from the first period to the last`}`;
  return [`Violence with injury carrying an alcohol marker made up ${shares}: the share ${moved}.`, caveat];
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [{ id: 'alcohol-violence-share', order: 80, build: alcohol }];
