/**
 * Editions and revisions. Each report-drawn row names its source (a row of data/sources.csv); the
 * figure datasets' primary key ends with `source`, so two editions may print a value for the same
 * area, period and measure and both rows are kept. The current row of a fact is the one from the
 * latest edition (by `published`, then by order in sources.csv); the others are its earlier
 * editions, and where their value differs, revisions. Also the checks that a section and its parent
 * belong to one source, and that a row's section belongs to the row's source.
 */
import { EDITION_COLUMN, factKey, hasKey, type Catalog, type LoadedDataset, type LoadedRow } from './catalog.ts';
import { parsePeriod, type Period } from '../lib/period.ts';
import { describeCell, type Problem } from './problems.ts';

/** The first report's id: the edition of a row that has no `source` column. */
const FIRST = 'community-safety-overview-2018';

/** Source id -> rank (0 the earliest), by `published` then by position in sources.csv. */
export function editionRanks(catalog: Catalog): Map<string, number> {
  const rows = (catalog.get('sources')?.rows ?? []).map((r, i) => ({ id: r.raw.id!, published: r.raw.published ?? '', i }));
  rows.sort((a, b) => (a.published === b.published ? a.i - b.i : a.published < b.published ? -1 : 1));
  return new Map(rows.map((r, rank) => [r.id, rank]));
}

function editionOf(row: LoadedRow): string {
  return row.raw[EDITION_COLUMN] ?? FIRST;
}

/** The rows of one fact (same key but the edition), earliest edition first. */
export function editionsOf(dataset: Pick<LoadedDataset, 'meta' | 'rows'>, row: LoadedRow, catalog: Catalog): LoadedRow[] {
  const ranks = editionRanks(catalog);
  const key = factKey(row.raw, dataset.meta.primaryKey);
  return dataset.rows
    .filter((r) => factKey(r.raw, dataset.meta.primaryKey) === key)
    .sort((a, b) => (ranks.get(editionOf(a)) ?? 0) - (ranks.get(editionOf(b)) ?? 0));
}

/** Whether a row is its fact's current row (no later edition prints the same fact). */
export function isCurrent(dataset: Pick<LoadedDataset, 'meta' | 'rows'>, row: LoadedRow, catalog: Catalog): boolean {
  return editionsOf(dataset, row, catalog).at(-1) === row;
}

/** Every current row, in file order: what a figure shows when it shows one value per fact. */
export function currentRows(dataset: Pick<LoadedDataset, 'meta' | 'rows'>, catalog: Catalog): LoadedRow[] {
  const ranks = editionRanks(catalog);
  const best = new Map<string, LoadedRow>();
  for (const row of dataset.rows) {
    const key = factKey(row.raw, dataset.meta.primaryKey);
    const held = best.get(key);
    if (!held || (ranks.get(editionOf(row)) ?? 0) >= (ranks.get(editionOf(held)) ?? 0)) best.set(key, row);
  }
  const keep = new Set(best.values());
  return dataset.rows.filter((r) => keep.has(r));
}

export interface Revision {
  /** The earlier edition's row and its source id. */
  row: LoadedRow;
  source: string;
  value: number;
}

/** Earlier editions of a row's fact that printed a different value (earliest first); empty when none did. */
export function revisionsOf(dataset: Pick<LoadedDataset, 'meta' | 'rows'>, row: LoadedRow, catalog: Catalog): Revision[] {
  const value = (row.value as { value?: unknown }).value;
  const rows = editionsOf(dataset, row, catalog);
  return rows
    .slice(0, rows.indexOf(row))
    .map((r) => ({ row: r, source: editionOf(r), value: (r.value as { value?: unknown }).value }))
    .filter((r): r is Revision => typeof r.value === 'number' && r.value !== value);
}

/** The current row with a key (written with or without its edition), or the row of one edition. */
export function findByKey(dataset: LoadedDataset, key: string, catalog: Catalog): LoadedRow | undefined {
  const matches = dataset.rows.filter((r) => hasKey(r.raw, dataset.meta.primaryKey, key));
  if (matches.length <= 1) return matches[0];
  return currentRows({ ...dataset, rows: matches }, catalog)[0];
}

/** The key a row's anchor (`#row-…`) is made from: its key without the edition, unless a later edition supersedes it. */
export function anchorKey(dataset: Pick<LoadedDataset, 'meta' | 'rows'>, row: LoadedRow, catalog: Catalog): string {
  const pk = dataset.meta.primaryKey;
  if (!pk.includes(EDITION_COLUMN)) return factKey(row.raw, pk);
  return isCurrent(dataset, row, catalog) ? factKey(row.raw, pk) : `${factKey(row.raw, pk)}|${editionOf(row)}`;
}

/** A section and its parent belong to one source; a row's `source_section` belongs to the row's source. */
export function checkEditions(catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const sections = catalog.get('sections');
  if (!sections || !sections.meta.columns.some((c) => c.name === EDITION_COLUMN)) return problems;
  const sourceOf = new Map(sections.rows.map((r) => [r.raw.id!, r.raw[EDITION_COLUMN] ?? FIRST]));
  const names = sections.meta.columns.map((c) => c.name);
  for (const row of sections.rows) {
    const parent = row.raw.parent;
    if (parent && sourceOf.has(parent) && sourceOf.get(parent) !== sourceOf.get(row.raw.id!))
      problems.push({ file: sections.path, line: row.line, column: 'parent', columnNumber: names.indexOf('parent') + 1, expected: `a parent section of the same source ("${sourceOf.get(row.raw.id!)}")`, found: `"${parent}", a section of "${sourceOf.get(parent)}"` });
  }
  for (const [id, dataset] of catalog) {
    if (id === 'sections') continue;
    const cols = dataset.meta.columns.map((c) => c.name);
    if (!cols.includes(EDITION_COLUMN) || !cols.includes('source_section')) continue;
    for (const row of dataset.rows) {
      const section = row.raw.source_section!;
      const has = sourceOf.get(section);
      if (has !== undefined && has !== editionOf(row))
        problems.push({ file: dataset.path, line: row.line, column: 'source_section', columnNumber: cols.indexOf('source_section') + 1, expected: `a section of the row's source "${editionOf(row)}"`, found: `"${section}", a section of "${has}"` });
    }
  }
  return problems;
}

/** The financial years each source covers (sources.csv `covers`), parsed. */
function coveredBy(catalog: Catalog): Map<string, Period[]> {
  return new Map((catalog.get('sources')?.rows ?? []).map((r) => [r.raw.id!, (r.raw.covers ?? '').split(';').map(parsePeriod).filter((p): p is Period => p !== undefined)]));
}

/**
 * Periods of rows that name their edition: inside the dataset's period (its metadata) or inside a
 * year their source covers. A later edition's rows extend the dataset's period, so metadata never has
 * to be edited to match an edition: `meta.period` is widened to every row's period (and its label
 * rewritten from the rows) when an edition reaches past it.
 */
export function checkEditionPeriods(catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const covers = coveredBy(catalog);
  for (const dataset of catalog.values()) {
    const { meta } = dataset;
    const names = meta.columns.map((c) => c.name);
    if (!names.includes(EDITION_COLUMN)) continue;
    const periodColumns = meta.columns.filter((c) => c.type === 'period').map((c) => c.name);
    if (periodColumns.length === 0) continue;
    const seen: Period[] = [];
    const kept: LoadedRow[] = [];
    for (const row of dataset.rows) {
      let ok = true;
      for (const column of periodColumns) {
        const p = (row.value as Record<string, Period | undefined>)[column];
        if (!p) continue;
        const inMeta = p.start >= meta.period.start && p.end <= meta.period.end;
        const inSource = (covers.get(editionOf(row)) ?? []).some((c) => p.start >= c.start && p.end <= c.end);
        if (inMeta || inSource) seen.push(p);
        else {
          ok = false;
          problems.push({ file: dataset.path, line: row.line, column, columnNumber: names.indexOf(column) + 1, expected: `a period inside the dataset's period ${meta.period.start} to ${meta.period.end} (${meta.id}.meta.json) or a year its source "${editionOf(row)}" covers`, found: `${describeCell(row.raw[column])} (${p.start} to ${p.end})` });
        }
      }
      if (ok) kept.push(row);
    }
    dataset.rows = kept;
    meta.period = periodFromRows(meta.period, seen);
  }
  return problems;
}

/** The ways a period may be written in a label: its id ("2017/18", "2017-Q1") and its label ("Jan–Mar 2017"), plus its years. */
function namesOf(p: Period): string[] {
  return [p.id, p.label, p.start.slice(0, 4)];
}

/**
 * A dataset's period, checked against its rows' periods: the span grows to every row's period, and
 * the typed label is kept only while it still names the first and the last period the rows hold
 * (their id, label or, for a span of months, the year); otherwise the label is made from the rows
 * ("2016/17 to 2018/19"). So a label typed for one edition never outlives the rows it described.
 */
export function periodFromRows(typed: { start: string; end: string; label: string }, periods: readonly Period[]): { start: string; end: string; label: string } {
  if (periods.length === 0) return typed;
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const first = sorted[0]!;
  const last = sorted.reduce((m, p) => (p.end > m.end || (p.end === m.end && p.start > m.start) ? p : m), first);
  const start = first.start < typed.start ? first.start : typed.start;
  const end = last.end > typed.end ? last.end : typed.end;
  const names = (p: Period) => namesOf(p).some((n) => typed.label.includes(n));
  if (start === typed.start && end === typed.end && names(first) && names(last)) return typed;
  return { start, end, label: first.id === last.id ? first.label : `${first.label} to ${last.label}` };
}

/**
 * The document a dataset's rows come from is derived from its rows, never typed to match one edition:
 * `meta.source.document` becomes the publisher and title of each source its rows cite (in edition
 * order, joined by "; "). A page number belongs to one document, so it is dropped when the rows cite
 * several.
 */
export function deriveSourceDocuments(catalog: Catalog): void {
  const sources = new Map((catalog.get('sources')?.rows ?? []).map((r) => [r.raw.id!, r.raw]));
  const ranks = editionRanks(catalog);
  const credit = (id: string) => [sources.get(id)!.publisher, sources.get(id)!.title].filter(Boolean).join(', ');
  const all = [...sources.keys()].sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
  const sectionTitles = new Map((catalog.get('sections')?.rows ?? []).map((r) => [r.raw.id!, r.raw.title ?? r.raw.id!]));
  for (const dataset of catalog.values()) {
    const typed = dataset.meta.source;
    if (!dataset.meta.columns.some((c) => c.name === EDITION_COLUMN)) {
      // A reference table cites no lines: where its metadata names the first document, it names every one.
      const first = all[0];
      if (first && all.length > 1 && typed.document.includes(credit(first)))
        dataset.meta.source = { ...typed, document: typed.document.replace(credit(first), all.map(credit).join('; ')) };
      continue;
    }
    const cited = [...new Set(dataset.rows.map(editionOf))].filter((id) => sources.has(id));
    if (cited.length === 0) continue;
    cited.sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
    // The typed section describes the earliest document's rows; a later document's are its rows' sections.
    const own = cited.map((id, i): DocumentPart => {
      if (i === 0) return { source: id, document: credit(id), section: typed.section, ...(typed.page === undefined ? {} : { page: typed.page }) };
      const ids = [...new Set(dataset.rows.filter((r) => editionOf(r) === id).map((r) => r.raw.source_section ?? ''))];
      return { source: id, document: credit(id), section: ids.map((s) => sectionTitles.get(s) ?? s).join('; ') };
    });
    parts.set(dataset.meta, own);
    const document = own.map((p) => p.document).join('; ');
    const { page, ...rest } = typed;
    if (cited.length === 1) dataset.meta.source = page !== undefined ? { ...rest, document, page } : { ...rest, document };
    else dataset.meta.source = { ...rest, document, section: own.map((p) => `${p.section}, in ${sources.get(p.source!)!.title}`).join('; ') };
  }
}

/** Where a dataset's rows come from, one entry per source document (edition order), with its section and, where known, page. */
export interface DocumentPart {
  /** The document's id, for a dataset whose rows name it. */
  source?: string;
  /** Its publisher and title. */
  document: string;
  section: string;
  page?: number;
}

// Kept on globalThis: a production build may load this module more than once (src/data/index.ts
// shares the catalogue the same way), and the parts belong to the shared catalogue's metadata.
const PARTS = Symbol.for('worcestershire-community-safety.document-parts');
const parts: WeakMap<object, DocumentPart[]> = ((globalThis as { [PARTS]?: WeakMap<object, DocumentPart[]> })[PARTS] ??= new WeakMap());

/**
 * The documents a dataset's rows come from, each with its section (deriveSourceDocuments), for the
 * citation and the data package; undefined for a table whose rows name no document (a reference
 * table, made from every document).
 */
export function documentParts(meta: object): DocumentPart[] | undefined {
  return parts.get(meta);
}
