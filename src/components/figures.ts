/**
 * The figure registry: for each figure id, everything the Figure component, the embed page and the
 * download routes need, computed from the validated datasets at build time: theme, title, takeaway,
 * summary, the rendered SVG views (wide and narrow), the table and CSV of exactly the plotted data,
 * sources (dataset + report section and page), status markers, footnotes and checked claims.
 *
 * Every number in a takeaway or summary is interpolated from the data here; none is typed by hand.
 */
import { activitiesBoard, STATUS_ORDER, type ActivityItem } from '../charts/activities.ts';
import { alcoholViolenceShare, type AlcoholShareRow } from '../charts/alcohol.ts';
import { governanceDiagram, type GovNode } from '../charts/governance.ts';
import { hateCrimeChange, hateCrimeCounts, type HateCrimeChangeRow, type HateCrimeCountRow } from '../charts/hate-crime.ts';
import { changeStatement } from '../charts/change-statement.ts';
import { periodBars, type PeriodBarRow } from '../charts/period-bars.ts';
import type { ChartOptions, Layout } from '../charts/render.ts';
import { reoffendingCohort, type ReoffendingRow } from '../charts/reoffending.ts';
import { spendingLines, type SpendingRow } from '../charts/spending.ts';
import { statTiles, statText, type StatRow } from '../charts/stat-tiles.ts';
import {
  activitiesSummary,
  alcoholSummary,
  governanceSummary,
  hateCrimeSummary,
  periodBarsSummary,
  reoffendingSummary,
  shareSummary,
  spendingSummary,
  statSummary,
} from '../charts/summaries.ts';
import { waffle, type ShareRow } from '../charts/waffle.ts';
import { difference, offencesPerOffender, percentChange, spendingTotals } from '../data/derive.ts';
import { getClaims, getDataset } from '../data/index.ts';
import { formatChange, formatNumber, formatValue } from '../lib/format.ts';
import type { Period } from '../lib/period.ts';
import { comparePeriods } from '../lib/period.ts';
import { isSmallCount, SMALL_NUMBERS_NOTE } from '../lib/comparison.ts';
import { withBase } from '../lib/url.ts';
import { STATUS_LABELS, type Status } from '../schemas/common.ts';
import type { ActivityRow, BodyRow, RelationshipRow } from '../schemas/governance.ts';
import type { AreaRow, MeasureRow, SectionRow, ThemeRow } from '../schemas/reference.ts';
import type { SpendingRow as SpendingDataRow } from '../schemas/spending.ts';

export const FIGURE_IDS = [
  'hate-crime-trend',
  'reoffending-cohort',
  'domestic-abuse-incidents',
  'marac-cases',
  'domestic-abuse-single-year',
  'channel-referrals',
  'channel-vulnerabilities',
  'alcohol-violence-share',
  'spending-lines',
  'governance-diagram',
  'activities-board',
  // The same two figures narrowed to one theme, for that theme's page (each with its own downloads).
  'governance-diagram-pcc-and-panel',
  'governance-diagram-child-exploitation',
  'activities-board-pcc-and-panel',
  'activities-board-child-exploitation',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface FigureView {
  id: string;
  label: string;
  svg: Record<Layout, string>;
}

export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface FigureTable {
  caption: string;
  columns: TableColumn[];
  /** Formatted cells (en-GB), one object per row keyed by column. */
  rows: Record<string, string>[];
  /** Optional attributes per row for the client filters (e.g. data-theme). */
  rowData?: Record<string, string>[];
}

export interface FigureCsv {
  columns: string[];
  rows: (string | number)[][];
}

export interface FigureSource {
  dataset: string;
  datasetTitle: string;
  /** Section id, or empty when several sections are summarised as one entry. */
  section: string;
  sectionTitle: string;
  page: number;
  /** Last page, when the entry spans several sections. */
  pageEnd?: number;
}

export interface FigureMarker {
  status: Status;
  label: string;
}

export interface FigureFootnote {
  id: string;
  text: string;
}

export interface FilterControl {
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface GovernanceEntry {
  id: string;
  name: string;
  chair?: string;
  statutory?: string;
  remit: string;
  links: { direction: 'out' | 'in'; other: string; otherName: string; type: string; description: string }[];
}

export interface FigureSpec {
  id: FigureId;
  theme: string;
  themeTitle: string;
  /** Theme page URL (with base) and the figure's permalink. */
  themeUrl: string;
  permalink: string;
  title: string;
  takeaway: string;
  summary: string[];
  views: FigureView[];
  table: FigureTable;
  csv: FigureCsv;
  sources: FigureSource[];
  markers: FigureMarker[];
  footnotes: FigureFootnote[];
  /** Stated claims from the report that the build recomputed and found to agree. */
  checked: string[];
  filters?: FilterControl[];
  governance?: { lanes: { label: string; bodies: GovernanceEntry[] }[] };
  licence: string;
}

// ---------------------------------------------------------------------------------------------
// Data access helpers

interface Obs {
  area: string;
  period: Period;
  measure: string;
  value: number;
  unit: string;
  status: Status;
  notes?: string[];
  source_section: string;
}

function rows<T>(id: string): T[] {
  return getDataset<T>(id).rows.map((r) => r.value);
}

const lookups = new Map<string, Map<string, unknown>>();

/** Rows of a reference dataset by id (built once per build). */
function lookup<T extends { id: string }>(id: string): Map<string, T> {
  let map = lookups.get(id);
  if (!map) {
    map = new Map(rows<T>(id).map((r) => [r.id, r]));
    lookups.set(id, map);
  }
  return map as Map<string, T>;
}

let claims: ReturnType<typeof getClaims> | undefined;

function checkedResults(): ReturnType<typeof getClaims> {
  claims ??= getClaims();
  return claims;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Figure data missing: ${what}`);
  return value;
}

function measureLabel(id: string): string {
  return must(lookup<MeasureRow>('measures').get(id), `measure ${id}`).label;
}

function areaName(id: string): string {
  return must(lookup<AreaRow>('areas').get(id), `area ${id}`).name;
}

function obs(dataset: string, filter: (r: Obs) => boolean): Obs[] {
  return rows<Obs>(dataset)
    .filter(filter)
    .sort((a, b) => comparePeriods(a.period, b.period));
}

function sourcesFor(pairs: { dataset: string; section: string }[]): FigureSource[] {
  const sections = lookup<SectionRow>('sections');
  const out: FigureSource[] = [];
  for (const dataset of [...new Set(pairs.map((p) => p.dataset))]) {
    const ids = [...new Set(pairs.filter((p) => p.dataset === dataset).map((p) => p.section))];
    const own = ids.map((id) => must(sections.get(id), `section ${id}`));
    const datasetTitle = getDataset(dataset).meta.title;
    if (own.length > 3) {
      // Many sections (governance, activities): one entry naming how many and the page range.
      const pages = own.map((x) => x.page);
      out.push({ dataset, datasetTitle, section: '', sectionTitle: `${own.length} sections of the report`, page: Math.min(...pages), pageEnd: Math.max(...pages) });
    } else {
      for (const x of own) out.push({ dataset, datasetTitle, section: x.id, sectionTitle: x.title, page: x.page });
    }
  }
  return out;
}

function markersFor(statuses: Status[]): FigureMarker[] {
  return [...new Set(statuses)].filter((s) => s !== 'reported').map((s) => ({ status: s, label: STATUS_LABELS[s] }));
}

function footnotesFor(dataset: string, ids: (string[] | undefined)[]): FigureFootnote[] {
  const all = new Map(getDataset(dataset).meta.footnotes.map((f) => [f.id, f.text]));
  const wanted = [...new Set(ids.flatMap((x) => x ?? []))];
  return wanted.map((id) => ({ id, text: must(all.get(id), `footnote ${id} in ${dataset}`) }));
}

function checkedClaims(dataset: string, describe: (claimId: string, stated: string) => string | undefined): string[] {
  return checkedResults()
    .filter((c) => c.ok && c.claim.dataset === dataset)
    .flatMap((c) => {
      const stated = c.claim.stated_value === undefined ? (c.claim.stated_direction ?? '') : c.claim.unit === 'percent-change' ? formatChange(c.claim.stated_value, 'percent', 1) : c.claim.unit === 'percent' ? formatValue(c.claim.stated_value, 'percent', 1) : formatValue(c.claim.stated_value, c.claim.unit === 'gbp' ? 'gbp' : 'count');
      const text = describe(c.claim.id, stated);
      return text ? [text] : [];
    });
}

function themeInfo(theme: string): { themeTitle: string; themeUrl: string } {
  const t = must(lookup<ThemeRow>('themes').get(theme), `theme ${theme}`);
  return { themeTitle: t.title, themeUrl: withBase(`/themes/${theme}/`) };
}

function render<Row>(fn: (rows: readonly Row[], o: ChartOptions) => string, data: readonly Row[], base: Omit<ChartOptions, 'layout'>): Record<Layout, string> {
  return { wide: fn(data, { ...base, layout: 'wide' }), narrow: fn(data, { ...base, layout: 'narrow' }) };
}

function obsCsv(list: Obs[]): FigureCsv {
  return {
    columns: ['area', 'period', 'measure', 'value', 'unit', 'status', 'source_section'],
    rows: list.map((r) => [r.area, r.period.id, r.measure, r.value, r.unit, r.status, r.source_section]),
  };
}

type Base = Pick<FigureSpec, 'id' | 'theme' | 'title' | 'takeaway' | 'summary' | 'views' | 'table' | 'csv' | 'sources' | 'markers' | 'footnotes' | 'checked'> &
  Partial<Pick<FigureSpec, 'filters' | 'governance'>>;

// ---------------------------------------------------------------------------------------------
// The figures

function hateCrime(): Base {
  const id = 'hate-crime-trend';
  const data = obs('hate-crime', () => true);
  // Bars grouped by area, years in order within each area.
  const byArea = [...data].sort((a, b) => a.area.localeCompare(b.area) || comparePeriods(a.period, b.period));
  const counts: HateCrimeCountRow[] = byArea.map((r) => ({ area: r.area, areaLabel: areaName(r.area), measure: r.measure, measureLabel: measureLabel(r.measure), period: r.period.label, value: r.value }));
  const groups = [...new Set(data.map((r) => `${r.measure}|${r.area}`))];
  const changes: (HateCrimeChangeRow & { before: Obs; after: Obs })[] = groups.map((g) => {
    const own = data.filter((r) => `${r.measure}|${r.area}` === g);
    const before = must(own[0], g);
    const after = must(own[own.length - 1], g);
    return {
      area: before.area,
      areaLabel: areaName(before.area),
      measure: before.measure,
      measureLabel: measureLabel(before.measure),
      change: percentChange(before.value, after.value),
      difference: difference(before.value, after.value),
      span: `${before.period.label} to ${after.period.label}`,
      before,
      after,
    };
  });
  const title = 'Hate crime in North and South Worcestershire';
  const summary = hateCrimeSummary(counts);
  const offences = changes.filter((c) => c.measure === 'hate-offences');
  const crimed = changes.filter((c) => c.measure === 'hate-incidents-crimed');
  // Every percentage with its absolute change; small counts flagged (src/lib/comparison.ts).
  const both = (c: (typeof changes)[number]) => `${c.areaLabel.split(' ')[0]} ${formatChange(c.difference ?? 0, 'count')}, ${formatChange(c.change, 'percent', 1)}`;
  const smallCounts = changes.some((c) => isSmallCount('count', c.before.value, c.after.value));
  const takeaway = `Recorded hate offences rose in both areas (${offences.map(both).join('; ')}), while hate incidents recorded as crimes fell (${crimed.map(both).join('; ')})${smallCounts ? ': small numbers, so a few cases move the percentage a lot' : ''}.`;
  const base = { id, title, description: summary.join(' ') };
  const hateChecked = checkedClaims('hate-crime', (_, stated) => stated);
  return {
    id,
    theme: 'hate-crime',
    title,
    takeaway,
    summary,
    views: [
      { id: 'count', label: 'Counts', svg: render(hateCrimeCounts, counts, { ...base, view: 'count' }) },
      { id: 'percent', label: '% change', svg: render(hateCrimeChange, changes, { ...base, view: 'percent', ...(smallCounts ? { annotation: SMALL_NUMBERS_NOTE } : {}) }) },
    ],
    table: {
      caption: `${title}: recorded counts and percentage change`,
      columns: [
        { key: 'area', label: 'Area' },
        { key: 'measure', label: 'Measure' },
        { key: 'before', label: must(changes[0], 'change').before.period.label, numeric: true },
        { key: 'after', label: must(changes[0], 'change').after.period.label, numeric: true },
        { key: 'difference', label: 'Change', numeric: true },
        { key: 'change', label: '% change', numeric: true },
      ],
      rows: changes.map((c) => ({ area: c.areaLabel, measure: c.measureLabel, before: formatValue(c.before.value, 'count'), after: formatValue(c.after.value, 'count'), difference: formatChange(c.difference ?? 0, 'count'), change: formatChange(c.change, 'percent', 1) })),
    },
    csv: {
      columns: ['area', 'measure', 'period_before', 'value_before', 'period_after', 'value_after', 'percent_change', 'status'],
      rows: changes.map((c) => [c.area, c.measure, c.before.period.id, c.before.value, c.after.period.id, c.after.value, Number(c.change.toFixed(4)), c.after.status]),
    },
    sources: sourcesFor(data.map((r) => ({ dataset: 'hate-crime', section: r.source_section }))),
    markers: markersFor(data.map((r) => r.status)),
    footnotes: footnotesFor('hate-crime', data.map((r) => r.notes)),
    checked: hateChecked.length ? [`The four percentage changes agree with the ones printed in the report (${hateChecked.join(', ')}).`] : [],
  };
}

function reoffending(): Base {
  const id = 'reoffending-cohort';
  const data = obs('reoffending-cohort', () => true);
  const periods = [...new Map(data.map((r) => [r.period.id, r.period])).values()];
  const value = (p: string, m: string) => must(data.find((r) => r.period.id === p && r.measure === m), `${p} ${m}`).value;
  const chartRows: ReoffendingRow[] = periods.map((p) => {
    const offenders = value(p.id, 'cohort-offenders');
    const offences = value(p.id, 'cohort-offences');
    return { period: p.id, periodLabel: p.label, offenders, offences, offencesPerOffender: offencesPerOffender(offences, offenders) };
  });
  const first = must(chartRows[0], 'first quarter');
  const last = must(chartRows[chartRows.length - 1], 'last quarter');
  const title = 'Offenders on the reducing-reoffending cohort and their offences';
  const summary = reoffendingSummary(chartRows);
  return {
    id,
    theme: 'reducing-reoffending',
    title,
    takeaway: `Between ${first.periodLabel} and ${last.periodLabel} the cohort shrank from ${first.offenders} to ${last.offenders} offenders, and offences per offender fell from ${formatNumber(first.offencesPerOffender, 2)} to ${formatNumber(last.offencesPerOffender, 2)}.`,
    summary,
    views: [{ id: 'chart', label: 'Chart', svg: render(reoffendingCohort, chartRows, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: `${title}, by quarter`,
      columns: [
        { key: 'period', label: 'Quarter' },
        { key: 'offenders', label: 'Offenders', numeric: true },
        { key: 'offences', label: 'Offences', numeric: true },
        { key: 'ratio', label: 'Offences per offender', numeric: true },
      ],
      rows: chartRows.map((r) => ({ period: r.periodLabel, offenders: formatValue(r.offenders, 'count'), offences: formatValue(r.offences, 'count'), ratio: formatNumber(r.offencesPerOffender, 2) })),
    },
    csv: { columns: ['period', 'offenders', 'offences', 'offences_per_offender'], rows: chartRows.map((r) => [r.period, r.offenders, r.offences, Number(r.offencesPerOffender.toFixed(4))]) },
    sources: sourcesFor(data.map((r) => ({ dataset: 'reoffending-cohort', section: r.source_section }))),
    markers: markersFor(data.map((r) => r.status)),
    footnotes: footnotesFor('reoffending-cohort', data.map((r) => r.notes)),
    checked: [],
  };
}

function periodFigure(id: FigureId, theme: string, dataset: string, measure: string, title: string, takeaway: (rows: PeriodBarRow[]) => string, claim?: (claimId: string, stated: string) => string | undefined): Base {
  const data = obs(dataset, (r) => r.measure === measure);
  const chartRows: PeriodBarRow[] = data.map((r) => ({ period: r.period.id, periodLabel: r.period.label, measureLabel: measureLabel(measure), value: r.value, unit: 'count' }));
  const summary = periodBarsSummary(chartRows);
  const first = must(data[0], `${measure} rows`);
  const last = must(data[data.length - 1], `${measure} rows`);
  const diff = difference(first.value, last.value);
  const annotation = data.length > 1 ? `Change since ${first.period.label}: ${formatChange(diff, 'count')} (${formatChange(percentChange(first.value, last.value), 'percent', 1)})` : undefined;
  return {
    id,
    theme,
    title,
    takeaway: takeaway(chartRows),
    summary,
    // Two periods: say the numbers (two bars add nothing to the sentence beside them).
    views: [
      data.length === 2
        ? { id: 'chart', label: 'Chart', svg: render(changeStatement, chartRows, { id, title, description: summary.join(' ') }) }
        : { id: 'chart', label: 'Chart', svg: render(periodBars, chartRows, { id, title, description: summary.join(' '), ...(annotation ? { annotation } : {}) }) },
    ],
    table: {
      caption: title,
      columns: [
        { key: 'period', label: 'Year' },
        { key: 'value', label: measureLabel(measure), numeric: true },
        { key: 'status', label: 'Status' },
      ],
      rows: data.map((r) => ({ period: r.period.label, value: formatValue(r.value, 'count'), status: STATUS_LABELS[r.status] })),
    },
    csv: obsCsv(data),
    sources: sourcesFor(data.map((r) => ({ dataset, section: r.source_section }))),
    markers: markersFor(data.map((r) => r.status)),
    footnotes: footnotesFor(dataset, data.map((r) => r.notes)),
    checked: claim ? checkedClaims(dataset, claim) : [],
  };
}

function domesticAbuseSingleYear(): Base {
  const id = 'domestic-abuse-single-year';
  const wanted: { measure: string; kind: StatRow['kind'] }[] = [
    { measure: 'dvpos', kind: 'count' },
    { measure: 's42-da-referrals-over-50-share', kind: 'share' },
    { measure: 'children-exposed-change', kind: 'change' },
    { measure: 'domestic-homicide-reviews', kind: 'count' },
  ];
  const data = wanted.map((w) => must(obs('domestic-abuse', (r) => r.measure === w.measure)[0], w.measure));
  const periodText = (r: Obs) =>
    r.measure === 'children-exposed-change' ? `${r.period.label}, against the same months a year earlier` : r.status === 'snapshot' ? `${r.period.label}, at the time of the report` : r.period.label;
  const chartRows: StatRow[] = data.map((r, i) => ({ key: r.measure, label: measureLabel(r.measure), value: r.value, kind: must(wanted[i], 'kind').kind, periodLabel: periodText(r) }));
  const title = 'Domestic abuse: single-year figures';
  const summary = statSummary(chartRows);
  const dv = must(chartRows[0], 'dvpos');
  const s42 = must(chartRows[1], 's42');
  return {
    id,
    theme: 'domestic-abuse',
    title,
    takeaway: `${formatValue(dv.value, 'count')} Domestic Violence Protection Orders were taken out in ${dv.periodLabel}, and ${statText(s42)} of adult safeguarding referrals linked to domestic abuse involved someone over 50. Each is a single figure, not a trend.`,
    summary,
    views: [{ id: 'chart', label: 'Chart', svg: render(statTiles, chartRows, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: title,
      columns: [
        { key: 'measure', label: 'Measure' },
        { key: 'period', label: 'Period' },
        { key: 'value', label: 'Value', numeric: true },
        { key: 'status', label: 'Status' },
      ],
      rows: data.map((r, i) => ({ measure: measureLabel(r.measure), period: r.period.label, value: statText(must(chartRows[i], 'row')), status: STATUS_LABELS[r.status] })),
    },
    csv: obsCsv(data),
    sources: sourcesFor(data.map((r) => ({ dataset: 'domestic-abuse', section: r.source_section }))),
    markers: markersFor(data.map((r) => r.status)),
    footnotes: footnotesFor('domestic-abuse', data.map((r) => r.notes)),
    checked: [],
  };
}

function channelVulnerabilities(): Base {
  const id = 'channel-vulnerabilities';
  const data = obs('prevent-channel', (r) => r.measure === 'channel-referrals-vulnerability-share');
  const r = must(data[0], 'vulnerability share');
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
  return {
    id,
    theme: 'prevent',
    title,
    takeaway: `Autism, a learning difficulty or mental health played a part in ${formatValue(r.value, 'percent')} of Channel referrals: more than half.${referrals ? ` Of the ${formatValue(referrals.value, 'count')} referrals in ${referrals.period.label}, that would be about ${formatValue(Math.round((r.value / 100) * referrals.value), 'count')} (our calculation; the report does not say exactly which period the share covers).` : ''}`,
    summary,
    views: [{ id: 'chart', label: 'Chart', svg: render(waffle, chartRows, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: title,
      columns: [
        { key: 'part', label: 'Referrals' },
        { key: 'value', label: 'Share', numeric: true },
      ],
      rows: [
        { part: 'Autism, a learning difficulty or mental health played a part', value: formatValue(r.value, 'percent') },
        { part: 'Other referrals', value: formatValue(100 - r.value, 'percent') },
      ],
    },
    csv: obsCsv(data),
    sources: sourcesFor(data.map((x) => ({ dataset: 'prevent-channel', section: x.source_section }))),
    markers: markersFor(data.map((x) => x.status)),
    footnotes: footnotesFor('prevent-channel', data.map((x) => x.notes)),
    checked: [],
  };
}

function alcohol(): Base {
  const id = 'alcohol-violence-share';
  const data = obs('alcohol-violence', () => true);
  const chartRows: AlcoholShareRow[] = data.map((r) => ({ period: r.period.id, periodLabel: r.period.label, value: r.value }));
  const caveat = 'Definition changed: more offence categories were added to the violent-crime total between the two periods, so part of the fall may come from the bigger total rather than less alcohol-related violence.';
  const title = 'Alcohol-related violence with injury as a share of violent crime';
  const summary = alcoholSummary(chartRows, caveat);
  const first = must(chartRows[0], 'first');
  const last = must(chartRows[chartRows.length - 1], 'last');
  return {
    id,
    theme: 'drugs-and-alcohol',
    title,
    takeaway: `The alcohol-marked share fell from ${formatValue(first.value, 'percent', 1)} to ${formatValue(last.value, 'percent', 1)}, but the definition of violent crime changed in between, so the two are not like for like.`,
    summary,
    views: [{ id: 'chart', label: 'Chart', svg: render(alcoholViolenceShare, chartRows, { id, title, description: summary.join(' '), annotation: 'Definition changed: more offence categories were added to the violent-crime total, so these two shares are not like for like.' }) }],
    table: {
      caption: title,
      columns: [
        { key: 'period', label: 'Period' },
        { key: 'value', label: 'Share of violent crime', numeric: true },
        { key: 'status', label: 'Status' },
      ],
      rows: data.map((r) => ({ period: r.period.label, value: formatValue(r.value, 'percent', 1), status: STATUS_LABELS[r.status] })),
    },
    csv: obsCsv(data),
    sources: sourcesFor(data.map((r) => ({ dataset: 'alcohol-violence', section: r.source_section }))),
    markers: markersFor(data.map((r) => r.status)),
    footnotes: footnotesFor('alcohol-violence', data.map((r) => r.notes)),
    checked: checkedClaims('alcohol-violence', () => `The report's statement that the share has been reducing agrees with the figures.`),
  };
}

const LINE_LABELS: Record<string, string> = {
  staffing: 'Staffing',
  'substance-misuse-contract': 'Alcohol and substance misuse contract',
  'domestic-abuse-contract': 'Domestic abuse contract',
};
const FUNDER_LABELS: Record<string, string> = { 'wcc-public-health': 'public health grant', 'west-mercia-pcc': 'Police and Crime Commissioner' };

function spending(): Base {
  const id = 'spending-lines';
  const data = rows<SpendingDataRow>('spending');
  const chartRows: SpendingRow[] = data.map((r) => ({
    line: r.line,
    lineLabel: LINE_LABELS[r.line] ?? r.line,
    column: `${r.period.id}|${r.basis}`,
    columnLabel: `${r.period.label} ${r.basis}`,
    funder: r.funder,
    funderLabel: FUNDER_LABELS[r.funder] ?? r.funder,
    value: r.value,
  }));
  const totals = spendingTotals(data);
  const title = 'Public health community safety spending, 2017/18 actual and 2018/19 budget';
  const summary = spendingSummary(chartRows);
  const substance = totals.filter((t) => t.line === 'substance-misuse-contract');
  const pcc = substance[0]?.byFunder['west-mercia-pcc'];
  return {
    id,
    theme: 'funding',
    title,
    takeaway: `Almost all the money goes on the alcohol and substance misuse contract${pcc ? `, to which the Police and Crime Commissioner adds ${formatValue(pcc, 'gbp')} a year` : ''}.`,
    summary,
    views: [{ id: 'chart', label: 'Chart', svg: render(spendingLines, chartRows, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: title,
      columns: [
        { key: 'line', label: 'Spending line' },
        { key: 'year', label: 'Year' },
        { key: 'ph', label: 'Public health', numeric: true },
        { key: 'pcc', label: 'PCC', numeric: true },
        { key: 'total', label: 'Total', numeric: true },
      ],
      rows: totals.map((t) => ({
        line: LINE_LABELS[t.line] ?? t.line,
        year: `${t.period} ${t.basis}`,
        ph: formatValue(t.byFunder['wcc-public-health'] ?? 0, 'gbp'),
        pcc: t.byFunder['west-mercia-pcc'] === undefined ? '–' : formatValue(t.byFunder['west-mercia-pcc'], 'gbp'),
        total: formatValue(t.total, 'gbp'),
      })),
    },
    csv: {
      columns: ['line', 'funder', 'period', 'basis', 'value', 'unit', 'status'],
      rows: data.map((r) => [r.line, r.funder, r.period.id, r.basis, r.value, r.unit, r.status]),
    },
    sources: sourcesFor(data.map((r) => ({ dataset: 'spending', section: r.source_section }))),
    markers: markersFor(data.map((r) => r.status)),
    footnotes: footnotesFor('spending', data.map((r) => r.notes)),
    checked: checkedClaims('spending', (_, stated) => `The report's ${stated} from the Police and Crime Commissioner matches the spending rows.`),
  };
}

const LEVEL_LABELS: Record<string, string> = { national: 'National', 'west-mercia': 'West Mercia', county: 'County', local: 'Local', other: 'Other' };
const RELATION_LABELS: Record<string, [string, string]> = {
  oversees: ['oversees', 'overseen by'],
  'reports-to': ['reports to', 'receives reports from'],
  chairs: ['chairs', 'chaired by'],
  leads: ['leads', 'led by'],
  attends: ['attends', 'attended by'],
  'member-of': ['member of', 'has as a member'],
  funds: ['funds', 'funded by'],
  commissions: ['commissions', 'commissioned by'],
  supports: ['supports', 'supported by'],
  scrutinises: ['scrutinises', 'scrutinised by'],
  inspects: ['inspects', 'inspected by'],
  'presents-to': ['presents to', 'receives reports from'],
};

function bodyLabel(b: BodyRow): string {
  return b.name.replace(/^Worcestershire (?!County Council)/, '').replace(/, Worcestershire County Council$/, ' (WCC)');
}

/**
 * The governance diagram; with a theme, only the bodies working on it (per bodies.csv) and the bodies
 * directly linked to them, with the links that touch the theme's bodies.
 */
function governance(theme?: string): Base {
  const id = (theme ? `governance-diagram-${theme}` : 'governance-diagram') as FigureId;
  const allBodies = rows<BodyRow>('bodies');
  const allLinks = rows<RelationshipRow>('relationships');
  const core = new Set(allBodies.filter((b) => !theme || b.themes.includes(theme)).map((b) => b.id));
  const links = allLinks.filter((l) => !theme || core.has(l.from_body) || core.has(l.to_body));
  const shown = new Set([...core, ...links.flatMap((l) => [l.from_body, l.to_body])]);
  const bodies = allBodies.filter((b) => shown.has(b.id));
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const levels = Object.keys(LEVEL_LABELS);
  const ordered = [...bodies].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  const degree = (bid: string) => links.filter((l) => l.from_body === bid || l.to_body === bid).length;
  const nodes: GovNode[] = ordered.map((b) => ({
    id: b.id,
    label: bodyLabel(b),
    ...(b.short_name ? { shortLabel: b.short_name } : {}),
    name: b.name,
    lane: b.level,
    laneLabel: LEVEL_LABELS[b.level] ?? b.level,
    links: links.filter((l) => l.from_body === b.id).map((l) => ({ to: l.to_body, type: l.type })),
    degree: degree(b.id),
  }));
  const themeTitle = theme ? lookup<ThemeRow>('themes').get(theme)?.title : undefined;
  const title = themeTitle ? `Who does what: ${themeTitle}` : 'Who does what: the bodies in the report and how they connect';
  const summary = governanceSummary(nodes, themeTitle ? { themeTitle, core: core.size } : undefined);
  const lanes = levels
    .filter((l) => ordered.some((b) => b.level === l))
    .map((l) => ({
      label: LEVEL_LABELS[l] ?? l,
      bodies: ordered
        .filter((b) => b.level === l)
        .map((b): GovernanceEntry => ({
          id: b.id,
          name: b.name,
          ...(b.chair ? { chair: b.chair } : {}),
          ...(b.statutory ? { statutory: b.statutory } : {}),
          remit: b.remit,
          links: links
            .filter((x) => x.from_body === b.id || x.to_body === b.id)
            .map((x) => {
              const out = x.from_body === b.id;
              const other = out ? x.to_body : x.from_body;
              const words = RELATION_LABELS[x.type] ?? [x.type, x.type];
              return { direction: out ? 'out' : 'in', other, otherName: byId.get(other)?.name ?? other, type: out ? words[0] : words[1], description: x.description };
            }),
        })),
    }));
  const scb = byId.get('safer-communities-board');
  const overseen = links.filter((l) => l.from_body === 'safer-communities-board' && l.type === 'oversees').length;
  return {
    id,
    theme: theme ?? 'governance',
    title,
    takeaway: theme
      ? `${core.size} bodies work on this theme and ${bodies.length - core.size} more are linked to them; select a body to see its remit and links.`
      : scb ? `The ${scb.name} sits at the centre, chaired by the ${scb.chair ?? 'Director of Public Health'} and overseeing ${overseen} sub-groups; select a body to see its remit and links.` : summary[0] ?? '',
    summary,
    views: [{ id: 'chart', label: 'Diagram', svg: render(governanceDiagram, nodes, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: 'Links between bodies',
      columns: [
        { key: 'from', label: 'Body' },
        { key: 'type', label: 'Link' },
        { key: 'to', label: 'Other body' },
      ],
      rows: links.map((l) => ({ from: byId.get(l.from_body)?.name ?? l.from_body, type: RELATION_LABELS[l.type]?.[0] ?? l.type, to: byId.get(l.to_body)?.name ?? l.to_body })),
    },
    csv: { columns: ['from_body', 'type', 'to_body', 'source_section'], rows: links.map((l) => [l.from_body, l.type, l.to_body, l.source_section]) },
    sources: sourcesFor([...bodies.map((b) => ({ dataset: 'bodies', section: b.source_section })), ...links.map((l) => ({ dataset: 'relationships', section: l.source_section }))]),
    markers: [],
    footnotes: [],
    checked: [],
    governance: { lanes },
  };
}

const STATUS_WORDS: Record<ActivityItem['status'], string> = { done: 'Done (2017/18)', underway: 'Under way (2018/19)', planned: 'Planned (2018/19)' };

/** The activities board; with a theme, only that theme's activities (and no theme filter). */
function activities(theme?: string): Base {
  const id = (theme ? `activities-board-${theme}` : 'activities-board') as FigureId;
  const data = rows<ActivityRow>('activities').filter((a) => !theme || a.theme === theme);
  const themes = [...rows<ThemeRow>('themes')].sort((a, b) => a.sort_order - b.sort_order);
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  const bodies = lookup<BodyRow>('bodies');
  const ordered = [...data].sort((a, b) => themes.findIndex((t) => t.id === a.theme) - themes.findIndex((t) => t.id === b.theme) || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const items: ActivityItem[] = ordered.map((a) => ({
    id: a.id,
    theme: a.theme,
    themeLabel: themeTitle.get(a.theme) ?? a.theme,
    status: a.status,
    statusLabel: STATUS_WORDS[a.status],
    description: a.description,
    bodyLabel: bodies.get(a.body)?.name ?? a.body,
  }));
  const forTheme = theme ? themeTitle.get(theme) : undefined;
  const title = forTheme ? `2017/18 outcomes and 2018/19 activities: ${forTheme}` : '2017/18 outcomes and 2018/19 activities, by theme and status';
  const summary = activitiesSummary(items, forTheme);
  const usedThemes = themes.filter((t) => items.some((i) => i.theme === t.id));
  return {
    id,
    theme: theme ?? 'governance',
    title,
    takeaway: `${items.filter((i) => i.status === 'done').length} pieces of work were done in 2017/18 and ${items.filter((i) => i.status !== 'done').length} were under way or planned for 2018/19; filter by ${theme ? 'status' : 'theme or status'}.`,
    summary,
    views: [{ id: 'chart', label: 'Board', svg: render(activitiesBoard, items, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: title,
      columns: [
        { key: 'theme', label: 'Theme' },
        { key: 'status', label: 'Status' },
        { key: 'body', label: 'Who' },
        { key: 'description', label: 'What' },
      ],
      rows: items.map((i) => ({ theme: i.themeLabel, status: i.statusLabel, body: i.bodyLabel, description: i.description })),
      rowData: items.map((i) => ({ theme: i.theme, status: i.status })),
    },
    csv: { columns: ['id', 'theme', 'body', 'period', 'status', 'date', 'description', 'source_section'], rows: ordered.map((a) => [a.id, a.theme, a.body, a.period.id, a.status, a.date ?? '', a.description, a.source_section]) },
    sources: sourcesFor(ordered.map((a) => ({ dataset: 'activities', section: a.source_section }))),
    markers: [],
    footnotes: [],
    checked: [],
    filters: [
      ...(theme ? [] : [{ key: 'theme', label: 'Theme', options: [{ value: '', label: 'All themes' }, ...usedThemes.map((t) => ({ value: t.id, label: t.title }))] }]),
      { key: 'status', label: 'Status', options: [{ value: '', label: 'Any status' }, ...STATUS_ORDER.map((s) => ({ value: s, label: STATUS_WORDS[s] }))] },
    ],
  };
}

const BUILDERS: Record<FigureId, () => Base> = {
  'hate-crime-trend': hateCrime,
  'reoffending-cohort': reoffending,
  'domestic-abuse-incidents': () =>
    periodFigure(
      'domestic-abuse-incidents',
      'domestic-abuse',
      'domestic-abuse',
      'da-incidents-crimes',
      'Domestic abuse incidents and crimes reported, by year',
      (r) => `Reported domestic abuse rose to ${formatValue(r[r.length - 1]?.value ?? 0, 'count')} incidents and crimes in ${r[r.length - 1]?.periodLabel}; the true level is likely higher.`,
      (claimId, stated) => (claimId === 'da-incidents-increase-526' ? `The report's stated increase of ${stated} agrees with the figures.` : undefined),
    ),
  'marac-cases': () =>
    periodFigure(
      'marac-cases',
      'domestic-abuse',
      'domestic-abuse',
      'marac-cases',
      'Cases heard at MARAC, by year',
      (r) => `Fewer high-risk cases were heard at MARAC: ${formatValue(r[r.length - 1]?.value ?? 0, 'count')} in ${r[r.length - 1]?.periodLabel}, down from ${formatValue(r[0]?.value ?? 0, 'count')}.`,
      (claimId) => (claimId === 'marac-cases-decrease' ? `The report's statement that cases went down agrees with the figures.` : undefined),
    ),
  'domestic-abuse-single-year': domesticAbuseSingleYear,
  'channel-referrals': () =>
    periodFigure(
      'channel-referrals',
      'prevent',
      'prevent-channel',
      'channel-referrals',
      'Referrals to Channel, by year',
      (r) => `Channel referrals rose from ${formatValue(r[0]?.value ?? 0, 'count')} in ${r[0]?.periodLabel} to ${formatValue(r[r.length - 1]?.value ?? 0, 'count')} in ${r[r.length - 1]?.periodLabel}: small numbers, so a change of a few cases moves the percentage a lot.`,
    ),
  'channel-vulnerabilities': channelVulnerabilities,
  'alcohol-violence-share': alcohol,
  'spending-lines': spending,
  'governance-diagram': () => governance(),
  'activities-board': () => activities(),
  'governance-diagram-pcc-and-panel': () => governance('pcc-and-panel'),
  'governance-diagram-child-exploitation': () => governance('child-exploitation'),
  'activities-board-pcc-and-panel': () => activities('pcc-and-panel'),
  'activities-board-child-exploitation': () => activities('child-exploitation'),
};

const cache = new Map<FigureId, FigureSpec>();

export function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}

/** The figure with this id, built once per build from the datasets. */
export function getFigure(id: string): FigureSpec {
  if (!isFigureId(id)) throw new Error(`Unknown figure "${id}". Known: ${FIGURE_IDS.join(', ')}`);
  let spec = cache.get(id);
  if (!spec) {
    const base = BUILDERS[id]();
    const theme = themeInfo(base.theme);
    spec = { ...base, ...theme, permalink: `${theme.themeUrl}#${id}`, licence: getDataset(base.sources[0]?.dataset ?? 'hate-crime').meta.licence };
    cache.set(id, spec);
  }
  return spec;
}

export function getFigures(): FigureSpec[] {
  return FIGURE_IDS.map((id) => getFigure(id));
}
