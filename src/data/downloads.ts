/**
 * Download serialisation: the CSV and JSON files offered for every dataset, made at build time from
 * the validated rows (`LoadedRow.raw`), never by copying the files in `data/`.
 *
 * The file conventions (CSV: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, formula
 * neutralisation; JSON: metadata + rows, `\u` escapes for `<`, `>`, `&`) are written once, for
 * readers, in docs/downloads.md; the functions below implement them.
 *
 * The writer is csv-stringify, the sister package of the csv-parse the loader reads files with
 * (same project, csv.js.org): well kept, RFC 4180 quoting, a synchronous API for build time.
 */
import { stringify } from 'csv-stringify/sync';
import { LICENCE } from '../lib/site.ts';
import { dataDir } from './index.ts';
import { dataAttribution } from './source-files.ts';
import type { ColumnMeta, DatasetMeta } from '../schemas/meta.ts';
import type { LoadedDataset } from './catalog.ts';
import type { Release } from './release.ts';

/** What the writers need from a dataset. */
export type ExportableDataset = Pick<LoadedDataset, 'meta' | 'rows'>;

export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';
/** First characters that make a spreadsheet treat a cell as a formula (OWASP: CSV injection). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;
/** The prefix that neutralises a text cell. */
export const NEUTRALISING_PREFIX = "'";

/** Whether a column holds numbers (never neutralised, never altered). */
export function isNumericColumn(column: Pick<ColumnMeta, 'type'>): boolean {
  return column.type === 'integer' || column.type === 'number';
}

/** Neutralise one text cell for a spreadsheet (see the module comment). */
export function neutraliseText(text: string): string {
  const first = text.charAt(0);
  return (FORMULA_TRIGGERS as readonly string[]).includes(first) || first === NEUTRALISING_PREFIX ? NEUTRALISING_PREFIX + text : text;
}

/** Undo `neutraliseText`: what a reader of the CSV does to get the validated text back. */
export function restoreText(text: string): string {
  return text.startsWith(NEUTRALISING_PREFIX) ? text.slice(NEUTRALISING_PREFIX.length) : text;
}

/** A CSV cell for a validated raw value: empty for missing, numbers as validated, text neutralised. */
export function csvCell(column: Pick<ColumnMeta, 'type'>, raw: string | undefined): string {
  if (raw === undefined) return '';
  return isNumericColumn(column) ? raw : neutraliseText(raw);
}

/** The CSV download of a dataset (a string; encode as UTF-8). */
export function toCsv(dataset: ExportableDataset): string {
  const columns = dataset.meta.columns;
  return writeCsv([columns.map((c) => c.name), ...dataset.rows.map((row) => columns.map((c) => csvCell(c, row.raw[c.name])))]);
}

/**
 * A CSV of any table (e.g. the data a figure plots), with the same conventions as the dataset
 * downloads: numbers written as they are, text cells neutralised, BOM, CRLF.
 */
export function tableToCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v === '' ? '' : neutraliseText(v));
  return writeCsv([[...columns], ...rows.map((r) => r.map(cell))]);
}

function writeCsv(records: string[][]): string {
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    eof: true,
    // csv-stringify quotes cells holding the delimiter or a quote; RFC 4180 also requires quoting a
    // cell holding a line break, whatever the record delimiter.
    quoted_match: /[\r\n]/,
  });
}

/** A JSON value for a validated raw cell (see the module comment). */
export function jsonCell(column: Pick<ColumnMeta, 'type'>, raw: string | undefined): string | number | boolean | string[] | null {
  if (raw === undefined) return null;
  switch (column.type) {
    case 'integer':
    case 'number':
      return Number(raw);
    case 'boolean':
      return raw === 'yes';
    case 'id-list':
      return raw.split(';');
    default:
      return raw;
  }
}

/** The metadata carried in a JSON download and the zip's README. */
export function describeDataset(meta: DatasetMeta) {
  return {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    period: meta.period,
    geography: meta.geography,
    source: meta.source,
    licence: { id: meta.licence, title: LICENCE.title, url: LICENCE.url },
    attribution: dataAttribution(dataDir()),
    lastChecked: meta.lastChecked,
    primaryKey: meta.primaryKey,
    columns: meta.columns,
    caveats: meta.caveats,
    footnotes: meta.footnotes,
  };
}

/** Serialise JSON with HTML-significant characters escaped (same values once parsed). */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

/** The JSON download of a dataset. */
export function toJson(dataset: ExportableDataset, release: Pick<Release, 'version' | 'date'>): string {
  const columns = dataset.meta.columns;
  return stringifyJson({
    dataVersion: release.version,
    released: release.date,
    ...describeDataset(dataset.meta),
    rows: dataset.rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, jsonCell(c, row.raw[c.name])]))),
  });
}

/** Site paths of a dataset's downloads (pass through `withBase`). */
export function downloadPaths(id: string): { csv: string; json: string; page: string } {
  return { csv: `/data/${id}.csv`, json: `/data/${id}.json`, page: `/data/${id}/` };
}

/**
 * The name of a downloaded file: its name on the site, which is also what a browser saves it as (the
 * `download` attribute) and what `curl -O` gives, so a recipe's file name works whichever way the file
 * was fetched. The data version is inside the files (JSON `dataVersion`, `datapackage.json`, the
 * zip's folder name), not in their names.
 */
export function downloadFileName(id: string, extension: string): string {
  return `${id}.${extension}`;
}

/** A versioned name (`hate-crime-v2.0.0.csv`), as data versions before 3.0.0 suggested; kept for old links and tests. */
export function versionedFileName(id: string, version: string, extension: string): string {
  return `${id}-v${version}.${extension}`;
}

const encoder = new TextEncoder();
/** Size in bytes of a text file written as UTF-8. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}
