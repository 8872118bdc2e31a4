/**
 * Binding prose to data. The prose components (Value, Change, Sum, Ratio, Count, KeyFigure, Term…)
 * look rows up here by dataset id and primary key, so an MDX page names a row and never types its
 * number. Every lookup that fails throws with the page author's mistake spelt out (dataset, key and
 * the keys that do exist), which fails the build.
 */
import { MONTHS } from '../lib/words.ts';
import type { ClaimResult } from './claims.ts';
import { findByKey } from './editions.ts';
import { dataDir, getCatalog, getClaims, getDataset } from './index.ts';
import { sourceCredits } from './source-files.ts';
import type { SourceCredit } from '../lib/source-credit.ts';
import { factKey, type LoadedDataset, type LoadedRow } from './catalog.ts';
import { formatChange, formatNumber, formatValue } from '../lib/format.ts';
import { parsePeriod, type Period } from '../lib/period.ts';
import { reportWords } from '../lib/period-words.ts';
import { STATUS_LABELS, type Status } from '../schemas/common.ts';
import type { GlossaryRow } from '../schemas/glossary.ts';
import type { AreaRow, MeasureRow, SectionRow } from '../schemas/reference.ts';

/** A row of a figure dataset (observations or spending) as the prose components need it. */
export interface BoundRow {
  dataset: string;
  key: string;
  value: number;
  unit: string;
  status: Status;
  period: Period;
  notes: string[];
  section: string;
  raw: Record<string, string | undefined>;
}

function preview(list: string[]): string {
  return list.length <= 8 ? list.join(', ') : `${list.slice(0, 8).join(', ')}, … (${list.length} in all)`;
}

/** The dataset, or an error naming the component and the known ids. */
export function dataset(id: string, who: string): LoadedDataset {
  try {
    return getDataset(id);
  } catch {
    throw new Error(`${who}: there is no dataset "${id}" in data/.`);
  }
}

/**
 * One row of a dataset by its primary key (`area|period|measure`, or `line|funder|period|basis`): the
 * current edition's row, or one edition's when the key ends with its source id.
 */
export function findRow(datasetId: string, key: string, who: string): BoundRow {
  const d = dataset(datasetId, who);
  const found: LoadedRow | undefined = findByKey(d, key, getCatalog());
  if (!found) {
    const keys = [...new Set(d.rows.map((r) => factKey(r.raw, d.meta.primaryKey)))];
    throw new Error(
      `${who}: dataset "${datasetId}" has no row "${key}" (key columns ${d.meta.primaryKey.filter((k) => k !== 'source').join('|')}; rows: ${preview(keys)}).`,
    );
  }
  const v = found.value as {
    value?: unknown;
    unit?: unknown;
    status?: unknown;
    period?: unknown;
    notes?: unknown;
    source_section?: unknown;
  };
  if (typeof v.value !== 'number' || typeof v.unit !== 'string')
    throw new Error(`${who}: dataset "${datasetId}" is not a figure dataset (its rows have no value and unit).`);
  return {
    dataset: datasetId,
    key,
    value: v.value,
    unit: v.unit,
    status: v.status as Status,
    period: v.period as Period,
    notes: (v.notes as string[] | undefined) ?? [],
    section: String(v.source_section),
    raw: found.raw,
  };
}

/** A value in its unit, en-GB: "10,947", "8.2%", "£3,780,100", "3 FTE", "+11%". */
export function formatRow(row: Pick<BoundRow, 'value' | 'unit'>): string {
  switch (row.unit) {
    case 'count':
      return formatValue(row.value, 'count');
    case 'percent':
      return formatValue(row.value, 'percent');
    case 'percent-change':
      return formatChange(row.value, 'percent');
    case 'gbp':
      return formatValue(row.value, 'gbp');
    case 'fte':
      return formatValue(row.value, 'fte');
    default:
      return formatNumber(row.value);
  }
}

/** The unit a difference between two rows is expressed in. */
export function differenceUnit(unit: string): 'count' | 'gbp' | 'fte' {
  return unit === 'gbp' ? 'gbp' : unit === 'fte' ? 'fte' : 'count';
}

/** Short label for what a row measures: the measure's label, or the spending line's. */
export function rowLabel(row: BoundRow): string {
  const measure = row.raw.measure;
  if (measure) {
    const m = getDataset<MeasureRow>('measures').rows.find((r) => r.value.id === measure);
    if (m) return m.value.label;
  }
  const line = row.raw.line;
  if (line) return SPENDING_LINES[line] ?? line;
  return row.dataset;
}

/** Labels for spending lines (the dataset's enum), as a reader would say them. */
export const SPENDING_LINES: Record<string, string> = {
  staffing: 'Public health community safety staff',
  'substance-misuse-contract': 'Alcohol and substance misuse contract',
  'domestic-abuse-contract': 'Domestic abuse contract',
};

/** Who pays, for spending rows. */
export const FUNDERS: Record<string, string> = {
  'wcc-public-health': 'the county council’s public health team',
  'west-mercia-pcc': 'the West Mercia Police and Crime Commissioner',
};

/** How the report's text names each funder, to tell whether a passage says who paid. */
export const FUNDER_WORDS: Record<string, RegExp> = {
  'wcc-public-health': /public health|Worcestershire CC|county council/i,
  'west-mercia-pcc': /\bPCC\b|Police and Crime Commissioner/i,
};

export function areaName(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return getDataset<AreaRow>('areas').rows.find((r) => r.value.id === id)?.value.name;
}

export function section(id: string): SectionRow | undefined {
  return getDataset<SectionRow>('sections').rows.find((r) => r.value.id === id)?.value;
}

/** The text of a dataset footnote. */
export function footnote(datasetId: string, id: string): string | undefined {
  return getDataset(datasetId).meta.footnotes.find((f) => f.id === id)?.text;
}

/**
 * The status marker's label for a row of this dataset: the dataset's own wording where its metadata
 * gives one (`statusLabels`, when the report names who holds the view), else the general label.
 */
export function statusLabel(datasetId: string, status: Status): string {
  return getDataset(datasetId).meta.statusLabels?.[status] ?? STATUS_LABELS[status];
}

/** The report's stated claim about these rows, if there is one (matched on dataset, subject, baseline). */
export function claimFor(datasetId: string, subject: string, baseline?: string): ClaimResult | undefined {
  return getClaims().find(
    (c) => c.claim.dataset === datasetId && c.claim.subject === subject && (c.claim.baseline ?? undefined) === baseline,
  );
}

/** A period by id, checked: "2017/18", "2017-Q1", "2014-02/2015-02". */
export function period(id: string, who: string): Period {
  const p = parsePeriod(id);
  if (!p)
    throw new Error(
      `${who}: "${id}" is not a period (a financial year like 2017/18, a quarter like 2017-Q1 or a month span like 2014-02/2015-02).`,
    );
  return p;
}

/**
 * A period in words for prose: "2017/18", "February 2014 to February 2015"; a period the report
 * counts in quarters in the report's words with our reading visible ("the first quarter of 2017 (read
 * as January to March)", src/lib/period-words.ts), on cards and in sentences alike.
 */
export function longPeriodLabel(p: Period): string {
  const words = reportWords(p);
  if (words) return words;
  const month = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
  if (p.kind === 'financial-year') return p.label;
  if (p.kind === 'quarter') return `${MONTHS[Number(p.start.slice(5, 7)) - 1]} to ${month(p.end)}`;
  return `${month(p.start)} to ${month(p.end)}`;
}

/** The periods the activities dataset covers, oldest first: the report's review year and its current year. */
export function activityPeriods(): Period[] {
  const seen = new Map<string, Period>();
  for (const r of getDataset<{ period: Period }>('activities').rows) seen.set(r.value.period.id, r.value.period);
  return [...seen.values()].sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The source documents (data/sources.csv) in edition order, earliest first: what every "Source:"
 * line, attribution and "looking back on … describing …" is made from, never a typed title.
 */
export function sourceDocuments(): Array<SourceCredit & { file: string }> {
  return sourceCredits(dataDir());
}

/** An activity date (`2017-10` or `2018`) in words: "October 2017", "2018". */
export function formatActivityDate(date: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return date;
}

/** A glossary entry by id. */
export function glossaryEntry(id: string, who: string): GlossaryRow {
  const rows = getDataset<GlossaryRow>('glossary').rows;
  const entry = rows.find((r) => r.value.id === id)?.value;
  if (!entry)
    throw new Error(`${who}: no term "${id}" in data/glossary.csv (known: ${preview(rows.map((r) => r.value.id))}).`);
  return entry;
}

/** Rows of any dataset whose raw cells equal every given filter. */
export function matchingRows(datasetId: string, filters: Record<string, string>, who: string): LoadedRow[] {
  const d = dataset(datasetId, who);
  const names = d.meta.columns.map((c) => c.name);
  for (const column of Object.keys(filters)) {
    if (!names.includes(column))
      throw new Error(`${who}: dataset "${datasetId}" has no column "${column}" (columns: ${names.join(', ')}).`);
  }
  return d.rows.filter((r) => Object.entries(filters).every(([column, want]) => r.raw[column] === want));
}
