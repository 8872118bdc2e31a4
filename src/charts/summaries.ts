/**
 * Text summaries generated from exactly the rows a chart plots: which way each figure moved and by how
 * much, in plain en-GB sentences. Used as the figure's visible summary and as the SVG's description.
 * Differences and percentages are computed here from the plotted values with the same arithmetic as
 * src/data/derive.ts (the charts layer does not import the data layer).
 */
import { formatChange, formatNumber, formatValue, type Unit } from '../lib/format.ts';
import { changedBy, movement as seriesMovement, seriesVerb, stepOf, updown, type Point } from '../lib/direction.ts';
import { countWork, joinList, plural } from '../lib/words.ts';
import { OUR_CALCULATION } from '../lib/basis.ts';
import type { ActivityItem } from './activities.ts';
import type { AlcoholShareRow } from './alcohol.ts';
import type { GovNode } from './governance.ts';
import type { HateCrimeCountRow } from './hate-crime.ts';
import type { PeriodBarRow } from './period-bars.ts';
import type { ReoffendingRow } from './reoffending.ts';
import type { SpendingRow } from './spending.ts';
import { statText, type StatRow } from './stat-tiles.ts';
import type { ShareRow } from './waffle.ts';

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

function upperFirst(s: string): string {
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

export function reoffendingSummary(rows: readonly ReoffendingRow[]): string[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  const out = [
    `In ${first.periodLabel}, ${formatValue(first.offenders, 'count')} offenders on the cohort committed ${formatValue(first.offences, 'count')} offences${rest.map((r) => `; in ${r.periodLabel}, ${formatValue(r.offenders, 'count')} offenders committed ${formatValue(r.offences, 'count')}`).join('')}.`,
  ];
  if (rest.length)
    out.push(
      `The number of offenders ${changeOf(rows.map((r) => r.offenders))} and offences ${changeOf(rows.map((r) => r.offences))}, so offences per offender ${changeOf(
        rows.map((r) => r.offencesPerOffender),
        2,
      )}.`,
    );
  return out;
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
    return `${upperFirst(label)}: ${formatValue(ph, 'gbp')} from public health across the ${new Set(own.map((r) => r.line)).size} lines${pcc ? `, plus ${formatValue(pcc, 'gbp')}${from}` : ''}.`;
  });
  const largest = [...rows].sort((a, b) => b.value - a.value)[0];
  if (largest) sentences.push(`The ${lowerFirst(largest.lineLabel)} is by far the largest line.`);
  return sentences;
}

export function statSummary(rows: readonly StatRow[]): string[] {
  return rows.map((r) => `${r.label}: ${statText(r)} (${r.periodLabel}).`);
}

export function shareSummary(rows: readonly ShareRow[]): string[] {
  return rows.map(
    (r) =>
      `${r.label}: ${formatValue(r.value, 'percent')} (${r.periodLabel}). ${upperFirst(r.restLabel)}: ${formatValue(100 - r.value, 'percent')} (${OUR_CALCULATION}).`,
  );
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

/** The part of the diagram a theme page shows: the bodies that work on the theme, and those linked to them. */
export interface GovernanceFocus {
  /** The theme's title, as written in themes.csv. */
  themeTitle: string;
  /** How many of the rows work on the theme (the others are shown because they are linked to them). */
  core: number;
}

export function governanceSummary(rows: readonly GovNode[], focus?: GovernanceFocus, inferred = 0): string[] {
  const links = rows.reduce((s, r) => s + r.links.length, 0);
  const lanes = [...new Set(rows.map((r) => r.laneLabel))];
  const counts = lanes.map((l) => `${rows.filter((r) => r.laneLabel === l).length} ${inSentence(l)}`);
  const busiest = [...rows].sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name))[0];
  const others = focus ? rows.length - focus.core : 0;
  const linkWords =
    inferred > 0
      ? `${count(links, 'link', 'links')} (${links - inferred} stated in the report, ${inferred} our reading)`
      : count(links, 'link', 'links');
  const out = focus
    ? [
        others > 0
          ? `${count(focus.core, 'body works', 'bodies work')} on ${inSentence(focus.themeTitle)} and ${count(others, 'other is', 'others are')} linked to them: ${count(rows.length, 'body', 'bodies')} in all (${joinList(counts)}), with ${linkWords}.`
          : `${count(focus.core, 'body works', 'bodies work')} on ${inSentence(focus.themeTitle)} (${joinList(counts)}), with ${linkWords} between them.`,
      ]
    : [
        `The report names ${count(rows.length, 'body', 'bodies')} (${joinList(counts)}); we show ${linkWords} between them.`,
      ];
  if (busiest)
    out.push(
      `${focus ? 'Of these, the' : 'The'} most connected is the ${busiest.name.replace(/^the /i, '')}, with ${count(busiest.degree, focus ? 'of the links' : 'link', focus ? 'of the links' : 'links')}.`,
    );
  return out;
}

const STATUS_PHRASES: Record<ActivityItem['status'], string> = {
  done: 'done',
  underway: 'under way',
  planned: 'planned or being considered',
};

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
    .map((p) => `listed for ${p.periodLabel}, ${joinList(p.statuses.map((s) => `${s.n} ${STATUS_PHRASES[s.status]}`))}`)
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
