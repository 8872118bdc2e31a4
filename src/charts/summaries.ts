/**
 * Text summaries generated from exactly the rows a chart plots: which way each figure moved and by how
 * much, in plain en-GB sentences. Used as the figure's visible summary and as the SVG's description.
 * Differences and percentages are computed here from the plotted values with the same arithmetic as
 * src/data/derive.ts (the charts layer does not import the data layer).
 *
 * This is the shared phrasing (`movementOf`, `changeOf`, `inSentence`, `OUR_CALCULATION`…) and the
 * summaries of the figures that have not moved yet. A figure's own summary belongs in its file in
 * src/figures/ (as alcohol, reoffending, stat tiles, waffle and governance do): issue #28, so a new
 * figure never edits this file.
 */
import { formatChange, formatNumber, formatValue, type Unit } from '../lib/format.ts';
import { movement as seriesMovement, stepOf, updown, type Point } from '../lib/direction.ts';
import { statusWords } from '../lib/status-verbs.ts';
import { countWork, joinList, plural } from '../lib/words.ts';
import { OUR_CALCULATION } from '../lib/basis.ts';
import type { ActivityItem } from './activities.ts';
import type { HateCrimeCountRow } from './hate-crime.ts';
import type { PeriodBarRow } from './period-bars.ts';
import type { SpendingRow } from './spending.ts';

function pct(before: number, after: number): number {
  return ((after - before) / before) * 100;
}

/** The percentage change between two counts, as the summaries print it ("+6.3%"). */
function pctText(before: number, after: number): string {
  return before === 0 ? '' : formatChange(pct(before, after), 'percent', 1);
}

/**
 * How one series moved, every period named where it turns: direction words from src/lib/direction.ts.
 * The percentage change says "our calculation" unless `stated` (the report prints that exact change).
 */
export function movementOf(points: readonly Point[], unit: Unit, withPercent = true, stated = false): string {
  return seriesMovement(points, {
    format: (v) => formatValue(v, unit),
    ...(withPercent && unit === 'count'
      ? { percent: pctText, ...(stated ? {} : { percentNote: OUR_CALCULATION }) }
      : {}),
  });
}

/** "rose from 318 in 2016/17 to 338 in 2017/18 (+6.3%)" */
export function movement(
  before: number,
  after: number,
  unit: Unit,
  fromLabel: string,
  toLabel: string,
  withPercent = true,
  stated = false,
): string {
  return movementOf(
    [
      { value: before, label: fromLabel },
      { value: after, label: toLabel },
    ],
    unit,
    withPercent,
    stated,
  );
}

/** "fell from 80 to 60 (−25.0%)"; ratios (digits given) without a percentage. */
export function change(before: number, after: number, digits?: number): string {
  return changeOf([before, after], digits);
}

/** `change` over a whole series (values only, no periods named). */
export function changeOf(values: readonly number[], digits?: number): string {
  return seriesMovement(
    values.map((value) => ({ value })),
    {
      format: (v) => (digits === undefined ? formatValue(v, 'count') : formatNumber(v, digits)),
      ...(digits === undefined ? { percent: pctText, percentNote: OUR_CALCULATION } : {}),
    },
  );
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `stated(area, measure)`: the report prints the percentage change from that series' first to last period. */
export function hateCrimeSummary(
  rows: readonly HateCrimeCountRow[],
  stated: (area: string, measure: string) => boolean = () => false,
): string[] {
  const areas = [...new Set(rows.map((r) => r.area))];
  const measures = [...new Set(rows.map((r) => r.measure))];
  return areas.map((area) => {
    const series = measures.flatMap((m) => {
      const own = rows
        .filter((r) => r.area === area && r.measure === m)
        .sort((a, b) => a.period.localeCompare(b.period));
      return own.length ? [own] : [];
    });
    const name = rows.find((r) => r.area === area)?.areaLabel ?? area;
    // One period each: the values, with no direction.
    if (series.every((own) => own.length === 1))
      return `In ${name}, ${joinList(series.map((own) => `${lowerFirst(own[0]!.measureLabel)}: ${formatValue(own[0]!.value, 'count')} in ${own[0]!.period}`))}.`;
    const parts = series
      .filter((own) => own.length > 1)
      .map(
        (own) =>
          `${lowerFirst(own[0]!.measureLabel)} ${movementOf(
            own.map((r) => ({ value: r.value, label: r.period })),
            'count',
            true,
            stated(area, own[0]!.measure),
          )}`,
      );
    return `In ${name}, ${parts.join(', while ')}.`;
  });
}

/** `stated`: the report prints the percentage change from the first to the last period. */
export function periodBarsSummary(rows: readonly PeriodBarRow[], stated = false): string[] {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return [];
  if (first === last)
    return [`${first.measureLabel}: ${formatValue(first.value, first.unit)} in ${first.periodLabel}.`];
  const diff = last.value - first.value;
  const oneWay =
    new Set(
      rows
        .slice(1)
        .map((r, i) => stepOf(rows[i]!.value, r.value))
        .filter((s) => s !== 'same'),
    ).size <= 1;
  const by =
    diff === 0 || !oneWay
      ? ''
      : `, ${updown(stepOf(first.value, last.value))} ${formatValue(Math.abs(diff), last.unit)}`;
  return [
    `${first.measureLabel} ${movementOf(
      rows.map((r) => ({ value: r.value, label: r.periodLabel })),
      first.unit,
      true,
      stated,
    )}${by}.`,
  ];
}

export function spendingSummary(rows: readonly SpendingRow[]): string[] {
  const columns = [...new Set(rows.map((r) => r.column))];
  const sentences = columns.map((c) => {
    const own = rows.filter((r) => r.column === c);
    const ph = own.filter((r) => r.funder === 'wcc-public-health').reduce((s, r) => s + r.value, 0);
    const pccRows = own.filter((r) => r.funder === 'west-mercia-pcc');
    const pcc = pccRows.reduce((s, r) => s + r.value, 0);
    const label = own[0]?.columnLabel ?? c;
    // Where the report prints the amount without naming who pays, the funder is said as our reading.
    const from = pccRows.some((r) => r.funderAssumed)
      ? ', which the report does not say who pays (our reading: the Police and Crime Commissioner)'
      : ' from the Police and Crime Commissioner';
    return `${upperFirst(label)}: ${formatValue(ph, 'gbp')} from public health across the ${new Set(own.map((r) => r.line)).size} lines (our calculation)${pcc ? `, plus ${formatValue(pcc, 'gbp')}${from}` : ''}.`;
  });
  const largest = [...rows].sort((a, b) => b.value - a.value)[0];
  if (largest) sentences.push(`The ${lowerFirst(largest.lineLabel)} is by far the largest line.`);
  return sentences;
}

/**
 * A label inside a sentence: the first letter lowered ("Drugs and alcohol" -> "drugs and alcohol"),
 * unless a later word is capitalised too, which marks a name ("West Mercia", "Police and Crime
 * Commissioner and Panel").
 */
export function inSentence(label: string): string {
  return /\s\p{Lu}/u.test(label) ? label : lowerFirst(label);
}

/** "1 body", "3 bodies" */
function count(n: number, one: string, many: string): string {
  return plural(n, one, many);
}

/** Per period (the report's column), in order, the count for each status present: period first, then status. */
export function countsByPeriod(
  rows: readonly ActivityItem[],
): { period: string; periodLabel: string; total: number; statuses: { status: ActivityItem['status']; n: number }[] }[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return periods.map((p) => {
    const own = rows.filter((r) => r.period === p);
    const statuses = (['done', 'underway', 'planned'] as const)
      .map((s) => ({ status: s, n: own.filter((r) => r.status === s).length }))
      .filter((x) => x.n > 0);
    return { period: p, periodLabel: own[0]?.periodLabel ?? p, total: own.length, statuses };
  });
}

/** "in 2017/18, 24 done and 1 planned or being considered; in 2018/19, 14 under way, 6 planned or being considered and 2 done" */
export function periodStatusPhrase(rows: readonly ActivityItem[]): string {
  return countsByPeriod(rows)
    .map((p) => `listed for ${p.periodLabel}, ${joinList(p.statuses.map((s) => `${s.n} ${statusWords(s.status)}`))}`)
    .join('; ');
}

/** With `themeTitle`, the rows are that one theme's work and the summary says so. */
export function activitiesSummary(rows: readonly ActivityItem[], themeTitle?: string): string[] {
  const bullets = new Set(rows.map((r) => r.bullet ?? r.id)).size;
  const head = countWork(rows.length, bullets);
  const split = periodStatusPhrase(rows);
  if (themeTitle !== undefined) return [`${head} on ${inSentence(themeTitle)}: ${split}.`];
  const themes = [...new Set(rows.map((r) => r.theme))];
  const top = themes.map((t) => ({ t, n: rows.filter((r) => r.theme === t).length })).sort((a, b) => b.n - a.n)[0];
  const topLabel = rows.find((r) => r.theme === top?.t)?.themeLabel ?? '';
  return [
    `${head} across ${count(themes.length, 'theme', 'themes')}: ${split}.`,
    ...(top ? [`The theme with the most is ${inSentence(topLabel)}, with ${top.n}.`] : []),
  ];
}
