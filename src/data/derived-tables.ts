/**
 * Tables made at build time from the validated datasets, offered beside them as downloads (CSV,
 * JSON, a workbook sheet, a `datapackage.json` resource), never typed by hand:
 *
 *  - `all-observations`: every value of every figure dataset (kinds `observations` and `spending`) in
 *    one long table, the table most journalists want first. One row per value: dataset, area and its
 *    official code, period with its ISO start and end dates, measure (for spending: `spending-<line>`,
 *    with the funder and actual/budget in `breakdown`), value, unit, status, the source document's id,
 *    its section and lines. Claims (the report's statements about its own numbers) are not values and
 *    are left out.
 *  - `periods`: every period any dataset uses, with its kind and ISO start and end dates, so a
 *    spreadsheet can sort and filter by date and any table can be joined to it by `period`.
 *
 * Period rules (src/lib/period.ts, docs/data-versions.md): a financial year `2016/17` runs from
 * 1 April 2016 to 31 March 2017; a calendar quarter `2017-Q1` from 1 January to 31 March 2017; a month
 * span `2014-02/2015-02` from the first day of the first month to the last day of the last month.
 *
 * Columns are read by name, so a dataset that gains columns (such as `source`) changes nothing here;
 * a row's source is its `source` cell when the dataset has one, else the one report.
 */
import { comparePeriods, parsePeriod } from '../lib/period.ts';
import type { ColumnMeta, DatasetMeta } from '../schemas/meta.ts';
import type { LoadedRow } from './catalog.ts';
import type { ExportableDataset } from './downloads.ts';
import { dataDir } from './index.ts';
import { sourceCredits } from './source-files.ts';
import { documentsCredit, publishedWords, titleParts, type SourceCredit } from '../lib/source-credit.ts';
import { joinList } from '../lib/words.ts';

/** "community-safety-overview-2018 is the 2018 Community Safety overview": each document's id, in words. */
function documentIds(docs: readonly SourceCredit[]): string {
  return docs.map((d) => `${d.id} is the ${publishedWords(d.published)} ${titleParts(d.title).main}`).join('; ');
}

/** The id of the report every row comes from unless it says otherwise (`source` column). */
export const DEFAULT_SOURCE = 'community-safety-overview-2018';
export const DERIVED_TABLE_IDS = ['all-observations', 'periods'] as const;

const col = (name: string, type: ColumnMeta['type'], description: string, extra: Partial<ColumnMeta> = {}): ColumnMeta => ({ name, type, description, required: true, ...extra });

function baseMeta(id: string, title: string, description: string, columns: ColumnMeta[], primaryKey: string[], span: { start: string; end: string; label: string }, caveats: string[], lastChecked: string): DatasetMeta {
  return {
    id,
    title,
    description,
    file: `${id}.csv`,
    kind: 'reference',
    units: [],
    primaryKey,
    columns,
    period: span,
    geography: 'Worcestershire, its two community safety partnership areas, and West Mercia',
    source: { document: documentsCredit(sourceCredits(dataDir())), section: 'Made from the other datasets' },
    licence: 'OGL-UK-3.0',
    caveats,
    footnotes: [],
    lastChecked,
  };
}

const row = (raw: Record<string, string | undefined>, line: number): LoadedRow => ({ line, raw, value: raw });

/** Every period used by any dataset (any column of type `period`), sorted by start and end date. */
function periodsTable(datasets: readonly ExportableDataset[], lastChecked: string): ExportableDataset {
  const uses = new Map<string, Set<string>>();
  for (const d of datasets)
    for (const c of d.meta.columns.filter((c) => c.type === 'period'))
      for (const r of d.rows) {
        const p = r.raw[c.name];
        if (p !== undefined) (uses.get(p) ?? uses.set(p, new Set()).get(p)!).add(d.meta.id);
      }
  const periods = [...uses.keys()].map((id) => parsePeriod(id)!).sort(comparePeriods);
  const columns = [
    col('id', 'string', 'The period exactly as the datasets write it (join on their period column).'),
    col('kind', 'string', 'financial-year (1 April to 31 March), quarter (a calendar quarter) or month-span (first day of the first month to the last day of the last month).'),
    col('start', 'string', 'First day of the period, ISO 8601 (YYYY-MM-DD).'),
    col('end', 'string', 'Last day of the period, inclusive, ISO 8601 (YYYY-MM-DD).'),
    col('label', 'string', 'The period in words, as the site shows it.'),
    col('datasets', 'id-list', 'The datasets that use the period, separated by semicolons.'),
  ];
  return {
    meta: baseMeta('periods', 'Periods with their start and end dates', 'Every period the datasets use, with ISO start and end dates so that tables can be sorted and filtered by date.', columns, ['id'], span(periods), ['A period is what the report prints, read by the rules in the column descriptions; where the report is unclear, the dataset rows say so in their status and notes.'], lastChecked),
    rows: periods.map((p, i) => row({ id: p.id, kind: p.kind, start: p.start, end: p.end, label: p.label, datasets: [...uses.get(p.id)!].sort().join(';') }, i + 2)),
  };
}

function span(periods: ReadonlyArray<{ start: string; end: string }>) {
  const start = periods.map((p) => p.start).sort()[0] ?? '2014-02-01';
  const end = periods.map((p) => p.end).sort().at(-1) ?? start;
  return { start, end, label: `${start} to ${end}` };
}

/** The long table of every value (see the module comment). */
function observationsTable(datasets: readonly ExportableDataset[], lastChecked: string): ExportableDataset {
  const areas = datasets.find((d) => d.meta.id === 'areas');
  const codes = new Map((areas?.rows ?? []).map((r) => [r.raw.id!, r.raw.gss_code]));
  const figures = datasets.filter((d) => d.meta.kind === 'observations' || d.meta.kind === 'spending').sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const rows: LoadedRow[] = [];
  for (const d of figures)
    for (const r of d.rows) {
      const raw = r.raw;
      const period = parsePeriod(raw.period ?? '');
      const spending = d.meta.kind === 'spending';
      rows.push(
        row(
          {
            dataset: d.meta.id,
            area: raw.area,
            area_code: raw.area ? codes.get(raw.area) : undefined,
            period: raw.period,
            period_start: period?.start,
            period_end: period?.end,
            measure: spending ? `spending-${raw.line}` : raw.measure,
            breakdown: spending ? `funder: ${raw.funder}; basis: ${raw.basis}` : undefined,
            value: raw.value,
            unit: raw.unit,
            status: raw.status,
            source: raw.source ?? DEFAULT_SOURCE,
            source_section: raw.source_section,
            source_lines: raw.source_lines,
          },
          rows.length + 2,
        ),
      );
    }
  const docs = sourceCredits(dataDir());
  const columns = [
    col('dataset', 'id', 'The dataset the value comes from (its own download has the notes and every column).'),
    col('area', 'id', 'The area the value describes; empty for spending, which the report gives for the council, not an area.', { required: false, references: 'areas' }),
    col('area_code', 'string', "The area's official ONS GSS code, from the areas table; empty where there is none or it could not be checked.", { required: false }),
    col('period', 'period', 'The period the value covers, as the datasets write it.'),
    col('period_start', 'string', 'First day of the period, ISO 8601 (YYYY-MM-DD); see the periods table for the rules.'),
    col('period_end', 'string', 'Last day of the period, inclusive, ISO 8601 (YYYY-MM-DD).'),
    col('measure', 'id', 'What is measured: an id in the measures table, or spending-<line> for the spending lines.'),
    col('breakdown', 'string', 'For spending: who pays (funder) and whether the amount is money spent (actual) or planned (budget). Empty otherwise.', { required: false }),
    col('value', 'number', 'The value as printed in the report, in unit.', { unit: 'see the unit column' }),
    col('unit', 'string', 'count, percent, percent-change, gbp (whole pounds) or fte (full-time equivalents).'),
    col('status', 'string', 'What a reader should know before using the value: reported, under-reported, definition-changed, snapshot or period-unclear.'),
    col('source', 'id', `The source document (${documentIds(docs)}).`),
    col('source_section', 'id', 'The section of the source report; an id in the sections table.', { references: 'sections' }),
    col('source_lines', 'string', `The lines of ${docs.length === 1 ? "the report's text" : "the source document's text"} (${joinList(docs.map((d) => `source/${d.file}`))} in the zip${docs.length === 1 ? '' : ', by the source column'}) that print the value; several ranges are separated by semicolons.`),
  ];
  const used = rows.map((r) => parsePeriod(r.raw.period ?? '')).filter((p) => p !== undefined);
  return {
    meta: baseMeta('all-observations', 'All observations in one table', 'Every value of every figure dataset in one long table: dataset, area and its code, period with start and end dates, measure, value, unit, status and source.', columns, ['dataset', 'area', 'period', 'measure', 'breakdown', 'source'], span(used), ["Values from different datasets measure different things: filter on measure before adding or comparing values.", 'Each dataset\'s own download carries its footnotes (notes column) and caveats, which this table leaves out.'], lastChecked),
    rows,
  };
}

/** The derived tables for a set of validated datasets, sorted by id. */
export function derivedTables(datasets: readonly ExportableDataset[], lastChecked: string): ExportableDataset[] {
  return [observationsTable(datasets, lastChecked), periodsTable(datasets, lastChecked)];
}

/** The datasets plus their derived tables: what the downloads are made from. */
export function withDerivedTables(datasets: readonly ExportableDataset[], lastChecked: string): ExportableDataset[] {
  if (datasets.some((d) => (DERIVED_TABLE_IDS as readonly string[]).includes(d.meta.id))) return [...datasets];
  return [...datasets, ...derivedTables(datasets, lastChecked)];
}
