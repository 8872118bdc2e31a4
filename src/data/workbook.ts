/**
 * `all-data.xlsx`: every dataset in one Excel workbook, made at build time from the validated rows
 * with exceljs (MIT, well kept; build-time only, nothing of it reaches readers' browsers).
 *
 * Sheets, in order:
 *  - `README`: title, data version and date, source, licence and attribution, how to cite, the
 *    sheets, how the cells are written, and every dataset's caveats;
 *  - one sheet per dataset (sheet name = dataset id), columns in file order: a bold header row that
 *    stays in view (frozen), each header cell carrying a note with the column's dictionary entry,
 *    and one row per validated row;
 *  - `Columns`: the column dictionary of every dataset (dataset, column, type, unit, may be empty,
 *    description);
 *  - `Footnotes`: every footnote (dataset, id, text) that a `notes` cell points to.
 *
 * Cells are typed from the column dictionary, so nothing is left to Excel's guessing:
 *  - `integer` and `number` cells are numbers;
 *  - every other cell is a text cell holding exactly the validated text, with the Text number format
 *    (`@`): a period such as 2017/18 or 2017-Q1, an id, a month such as 2017-10 or a list of ids
 *    cannot become a date or a number, not even when someone edits the cell;
 *  - a missing value is an empty cell.
 * Text is never neutralised here (unlike the CSV): an xlsx text cell is stored as a string, which
 * Excel never runs as a formula, whatever its first character.
 *
 * Deterministic bytes: the document properties carry the release date, and the package is re-zipped
 * with fflate with every entry stamped with the release date (exceljs's own zip writer stamps the
 * time of the build), so two builds of the same data give the same file.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { zipTimestamp } from './bundle.ts';
export { WORKBOOK_FILE } from './bundle.ts';
import { citePlain, packageCitation } from './citation.ts';
import { dataDir } from './index.ts';
import { sourceCredits } from './source-files.ts';
import { attribution, documentsCovering, documentsCredit, editionsNote } from '../lib/source-credit.ts';
import { LICENCE, PUBLISHER } from '../lib/site.ts';
import { isNumericColumn, type ExportableDataset } from './downloads.ts';
import type { Release } from './release.ts';


export const README_SHEET = 'README';
export const COLUMNS_SHEET = 'Columns';
export const FOOTNOTES_SHEET = 'Footnotes';
/** Excel's "Text" number format. */
export const TEXT_FORMAT = '@';

export type WorkbookCell = string | number | null;

export interface WorkbookOptions {
  /** Absolute URL of the data catalogue (`/data/`), for the citation and the README. */
  homepage: string;
}

/** The value a validated raw cell gets in the workbook: numbers as numbers, the rest as text, missing empty. */
export function workbookCell(column: { type: string }, raw: string | undefined): WorkbookCell {
  if (raw === undefined) return null;
  return isNumericColumn(column as Parameters<typeof isNumericColumn>[0]) ? Number(raw) : raw;
}

/** Sheet names in workbook order. */
export function sheetNames(ids: readonly string[]): string[] {
  return [README_SHEET, ...[...ids].sort(), COLUMNS_SHEET, FOOTNOTES_SHEET];
}

/** The README sheet's rows: [heading or label, text]. */
export function readmeRows(datasets: readonly ExportableDataset[], release: Pick<Release, 'version' | 'date'>, options: WorkbookOptions): Array<[string, string]> {
  const sorted = [...datasets].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const docs = sourceCredits(dataDir());
  const citation = citePlain(packageCitation({ key: 'data', title: `${PUBLISHER}: data`, url: options.homepage, release }, docs));
  const rows: Array<[string, string]> = [
    [`${PUBLISHER}: all data`, ''],
    ['Data version', `${release.version}, released ${release.date}. What changed in each version: ${options.homepage}changelog/`],
    ['Source', [`${documentsCovering(docs)}.`, editionsNote(docs, { sources: 'the sources sheet' }), 'Each row names the section of the report it comes from (source_section, an id in the sections sheet).'].filter(Boolean).join(' ')],
    ['Licence', `${LICENCE.title} (${LICENCE.id}): ${LICENCE.url}`],
    ['Attribution', attribution(docs)],
    ['How to cite', citation],
    ['Web page', options.homepage],
    ['', ''],
    ['How the cells are written', ''],
    ['Numbers', 'Number cells hold numbers (no thousands separators in the data; money in whole pounds).'],
    ['Text', 'Every other cell is text, formatted as Text: periods (2017/18 is a financial year, 2017-Q1 a quarter, 2014-02/2015-02 a month span), ids and months stay exactly as written and never become dates.'],
    ['Missing values', 'An empty cell is a missing value, never 0.'],
    ['Column notes', 'Hover over (or select) a column heading to read what the column holds; the Columns sheet lists every column of every sheet.'],
    ['Footnotes', 'The notes column holds footnote ids; the Footnotes sheet gives their text.'],
    ['', ''],
    ['Sheets', ''],
    ...sorted.map((d): [string, string] => [d.meta.id, `${d.meta.title} (${d.rows.length} ${d.rows.length === 1 ? 'row' : 'rows'}; ${d.meta.period.label}; ${d.meta.geography})`]),
    [COLUMNS_SHEET, 'The column dictionary of every sheet.'],
    [FOOTNOTES_SHEET, 'Footnotes by dataset and id.'],
    ['', ''],
    ['Caveats: what these numbers cannot tell you', ''],
  ];
  for (const d of sorted) for (const caveat of d.meta.caveats) rows.push([d.meta.id, caveat]);
  return rows;
}

/** The note on a dataset sheet's header cell: the column's dictionary entry. */
export function columnNote(column: ExportableDataset['meta']['columns'][number]): string {
  const facts = [column.type, column.unit ? `unit: ${column.unit}` : '', column.required ? 'never empty' : 'may be empty', column.references ? `ids in the ${column.references} sheet` : '']
    .filter(Boolean)
    .join('; ');
  return `${column.description} (${facts})`;
}

function width(values: Iterable<unknown>, min: number, max: number): number {
  let widest = min;
  for (const v of values) if (v !== null && v !== undefined) widest = Math.max(widest, ...String(v).split('\n').map((l) => l.length));
  return Math.min(widest + 2, max);
}

/** Build the workbook (exceljs object), before writing. */
export function buildWorkbookObject(datasets: readonly ExportableDataset[], release: Pick<Release, 'version' | 'date'>, options: WorkbookOptions): ExcelJS.Workbook {
  const sorted = [...datasets].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const names = sheetNames(sorted.map((d) => d.meta.id));
  const lower = names.map((n) => n.toLowerCase());
  if (new Set(lower).size !== names.length) throw new Error(`Workbook: two sheets would share a name (Excel ignores case): ${names.join(', ')}`);
  const tooLong = names.find((n) => n.length > 31);
  if (tooLong) throw new Error(`Workbook: sheet name "${tooLong}" is longer than Excel's 31 characters`);

  const date = new Date(`${release.date}T00:00:00Z`);
  const wb = new ExcelJS.Workbook();
  wb.creator = PUBLISHER;
  wb.lastModifiedBy = PUBLISHER;
  wb.created = date;
  wb.modified = date;
  wb.title = `${PUBLISHER}: all data, version ${release.version}`;
  const docs = sourceCredits(dataDir());
  wb.subject = documentsCredit(docs);
  wb.description = attribution(docs);

  const readme = wb.addWorksheet(README_SHEET);
  readme.columns = [{ width: 28 }, { width: 110 }];
  for (const [label, text] of readmeRows(sorted, release, options)) {
    const row = readme.addRow([label, text]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    if (text === '' && label !== '') row.getCell(1).font = { bold: true, size: label.startsWith(PUBLISHER) ? 14 : 12 };
  }

  for (const { meta, rows } of sorted) {
    const sheet = wb.addWorksheet(meta.id, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    sheet.columns = meta.columns.map((c) => ({
      key: c.name,
      width: width([c.name, ...rows.map((r) => r.raw[c.name])], 8, 60),
      style: isNumericColumn(c) ? {} : { numFmt: TEXT_FORMAT },
    }));
    const header = sheet.getRow(1);
    meta.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.name;
      cell.font = { bold: true };
      cell.numFmt = TEXT_FORMAT;
      cell.note = columnNote(c);
    });
    for (const row of rows) sheet.addRow(meta.columns.map((c) => workbookCell(c, row.raw[c.name])));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: meta.columns.length } };
  }

  const columns = wb.addWorksheet(COLUMNS_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  columns.columns = [
    { header: 'dataset', width: 20 },
    { header: 'column', width: 20 },
    { header: 'type', width: 10 },
    { header: 'unit', width: 16 },
    { header: 'may_be_empty', width: 14 },
    { header: 'references', width: 14 },
    { header: 'description', width: 100 },
  ];
  columns.getRow(1).font = { bold: true };
  for (const { meta } of sorted) {
    for (const c of meta.columns) columns.addRow([meta.id, c.name, c.type, c.unit ?? null, c.required ? 'no' : 'yes', c.references ?? null, c.description]);
  }

  const footnotes = wb.addWorksheet(FOOTNOTES_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  footnotes.columns = [
    { header: 'dataset', width: 20 },
    { header: 'id', width: 28 },
    { header: 'text', width: 110 },
  ];
  footnotes.getRow(1).font = { bold: true };
  for (const { meta } of sorted) for (const f of meta.footnotes) footnotes.addRow([meta.id, f.id, f.text]);
  for (const sheet of [columns, footnotes]) {
    sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = TEXT_FORMAT)));
  }
  return wb;
}

/** Re-zip an xlsx package with every entry stamped with the same date (same entry order). */
export function normaliseZip(bytes: Uint8Array, isoDate: string): Uint8Array {
  const entries = unzipSync(bytes);
  const mtime = zipTimestamp(isoDate);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { mtime, level: 9 }];
  return zipSync(zippable, { mtime, level: 9 });
}

/** The workbook's bytes: deterministic for the same data, release and homepage. */
export async function buildWorkbook(datasets: readonly ExportableDataset[], release: Pick<Release, 'version' | 'date'>, options: WorkbookOptions): Promise<Uint8Array> {
  const wb = buildWorkbookObject(datasets, release, options);
  const buffer = await wb.xlsx.writeBuffer();
  return normaliseZip(new Uint8Array(buffer), release.date);
}

const cache = new WeakMap<object, Map<string, Promise<Uint8Array>>>();

/** `buildWorkbook`, made once per process for the same dataset objects, release and homepage (the build asks for it several times). */
export function cachedWorkbook(datasets: readonly ExportableDataset[], release: Pick<Release, 'version' | 'date'>, options: WorkbookOptions): Promise<Uint8Array> {
  const anchor = datasets[0]?.meta ?? cache;
  const key = `${release.version}|${release.date}|${options.homepage}|${datasets.map((d) => d.meta.id).join(',')}`;
  const made = cache.get(anchor) ?? new Map<string, Promise<Uint8Array>>();
  cache.set(anchor, made);
  let bytes = made.get(key);
  if (!bytes) {
    bytes = buildWorkbook(datasets, release, options);
    made.set(key, bytes);
  }
  return bytes;
}
