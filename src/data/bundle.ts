/**
 * The "all data" download: one zip made at build time with fflate (well kept, no dependencies, a
 * synchronous API), holding every dataset's CSV and JSON, `datapackage.json`, the all-data workbook
 * (`all-data.xlsx`), the data CHANGELOG, a README.txt (sources, licence, caveats, column
 * dictionaries, data version, file conventions, how to open the files in each tool) and a SHA256SUMS
 * of every other entry, with the paths as unzipped.
 *
 * Deterministic: entries in a fixed order, every timestamp the release date, fixed compression level,
 * so two builds of the same data give the same bytes. Zip timestamps are local "DOS" times: the date is
 * built with the local-time constructor so its local fields (what fflate writes) are the same in
 * every time zone.
 */
import { zipSync, type Zippable } from 'fflate';
import { sha256sums } from './checksums.ts';
import { buildDataPackage, type PackageOptions } from './datapackage.ts';
import { LICENCE } from '../lib/site.ts';
import { byteLength, stringifyJson, toCsv, toJson, type ExportableDataset } from './downloads.ts';
import { numberColumns, recipesText } from './recipes.ts';
import type { Release } from './release.ts';
import { sourceCredits, sourcePath, type SourceText } from './source-files.ts';
import { dataDir } from './index.ts';
import { attribution, documentsCovering, editionsNote, type SourceCredit } from '../lib/source-credit.ts';

/**
 * Where each file sits inside the zip's one top-level folder (`zipFolder`): the README, changelog,
 * checksums, data package and workbook, then every table's CSV and JSON under `data/` and the report
 * texts under `data/source/`, as on the site.
 */
export function zipEntryNames(ids: readonly string[], sourceFiles: readonly string[] = []): string[] {
  return [
    'README.txt',
    'CHANGELOG.md',
    'SHA256SUMS',
    'datapackage.json',
    WORKBOOK_FILE,
    ...[...ids].sort().flatMap((id) => [`data/${id}.csv`, `data/${id}.json`]),
    ...[...sourceFiles].sort().map(sourcePath),
  ];
}

/** The zip's top-level folder, so that unzipping makes one folder named after the data version. */
export const zipFolder = (version: string) => `worcestershire-community-safety-data-v${version}`;

/** The workbook's name inside the zip (and on the site, under `/data/`). */
export const WORKBOOK_FILE = 'all-data.xlsx';
/** The dataset the README's recipes use as their example. */
export const RECIPE_EXAMPLE = 'hate-crime';

function columnLine(col: ExportableDataset['meta']['columns'][number]): string {
  const facts = [col.type, col.required ? 'required' : 'may be empty', col.unit ? `unit: ${col.unit}` : '', col.references ? `ids in ${col.references}` : ''].filter(Boolean);
  return `    ${col.name} (${facts.join('; ')}): ${col.description}`;
}

/** The README's "Source" paragraph: every document of data/sources.csv with the years it covers. */
function sourceParagraph(docs: readonly SourceCredit[]): string {
  return [
    `${documentsCovering(docs)}.`,
    editionsNote(docs, { sources: 'data/sources.csv' }),
    'Every row names the section of the report it comes from (the source_section column, an id in data/sections.csv).',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The zip's README.txt: plain text, UTF-8, LF line ends. */
export function buildReadme(datasets: readonly ExportableDataset[], release: Pick<Release, 'version' | 'date'>): string {
  const sorted = [...datasets].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const docs = sourceCredits(dataDir());
  const lines: string[] = [
    'Worcestershire Community Safety in Numbers: all data',
    '====================================================',
    '',
    `Data version ${release.version}, released ${release.date}. See CHANGELOG.md for what changed in each version.`,
    '',
    'Source',
    '------',
    sourceParagraph(docs),
    '',
    'Licence',
    '-------',
    `The data is published under the ${LICENCE.title} (${LICENCE.id}): ${LICENCE.url}`,
    'You may copy, publish, adapt and use it, also commercially, if you give this attribution:',
    `  ${attribution(docs)}`,
    '',
    'Files',
    '-----',
    '  README.txt          this file',
    '  CHANGELOG.md        data changes by version (added, corrected, changed, withdrawn)',
    '  SHA256SUMS          SHA-256 of every other file here: check them with  sha256sum -c SHA256SUMS',
    '  datapackage.json    Frictionless Data Package: every CSV with its Table Schema (types, units, keys) and the report text, each with its SHA-256',
    '  all-data.xlsx       every dataset as a sheet of one Excel workbook, with a README, Columns and Footnotes sheet',
    '  data/<id>.csv       one table per dataset',
    '  data/<id>.json      the same table with its metadata, as JSON',
    '  data/all-observations.csv   every value of every figure dataset in one long table, with area codes and period dates',
    '  data/periods.csv    every period with its ISO start and end dates (join on period)',
    '  data/source/*.txt   the report\'s text: every source_lines cell counts its lines (1 is the first), so each row can be checked offline',
    '',
    'CSV conventions',
    '---------------',
    '  - UTF-8 with a byte-order mark (so that Excel reads the characters correctly); RFC 4180.',
    '  - Line ends are CRLF (carriage return + line feed). A line break inside a quoted text cell is kept as in the data.',
    '  - A header row; comma separators; a cell is quoted with " only when it holds a comma, a quote or a line break.',
    '  - Numbers are plain: no thousands separators, a full stop for decimals, money in whole pounds.',
    '  - Periods are written one way: a financial year 2017/18 (1 April to 31 March), a quarter 2017-Q1, or an inclusive month span 2014-02/2015-02.',
    '  - A missing value is an empty cell. Status markers (reported, under-reported, definition-changed, snapshot, period-unclear) are in their own status column; footnote ids in the notes column.',
    "  - Formula neutralisation: a text cell starting with = + - @, a tab or a carriage return, or with ' itself, has a ' added in front so a spreadsheet cannot run it as a formula. To undo, remove the first character of any text cell that starts with '. Number columns are never changed.",
    '',
    'JSON conventions',
    '----------------',
    '  - UTF-8, LF line ends. Each file holds dataVersion, the metadata (source, licence, period, columns, caveats, footnotes) and rows: one object per row.',
    '  - Numbers are JSON numbers, lists of ids are arrays, missing values null. Text is exactly as in the data (no neutralisation).',
    '',
    'Using the data',
    '--------------',
    `Run these from inside the folder the zip unpacks into (${zipFolder(release.version)}), where the paths below start.`,
    ...recipesText(recipeFiles(sorted)),
    '',
    'Datasets',
    '--------',
  ];
  for (const { meta, rows } of sorted) {
    const csv = toCsv({ meta, rows });
    lines.push(
      '',
      `${meta.id}: ${meta.title}`,
      `  Files: data/${meta.id}.csv (${byteLength(csv)} bytes), data/${meta.id}.json`,
      `  Rows: ${rows.length}. Columns: ${meta.columns.length}. Primary key: ${meta.primaryKey.join(', ')}.`,
      `  Period: ${meta.period.label} (${meta.period.start} to ${meta.period.end}). Geography: ${meta.geography}.`,
      `  Source: ${meta.source.document}; section: ${meta.source.section}${meta.source.page ? `; page ${meta.source.page}` : ''}.`,
      `  Licence: ${meta.licence}. Last checked against the source: ${meta.lastChecked}.`,
      `  ${meta.description}`,
      '  Columns:',
      ...meta.columns.map(columnLine),
    );
    if (meta.caveats.length > 0) lines.push('  Caveats:', ...meta.caveats.map((c) => `    - ${c}`));
    if (meta.footnotes.length > 0) lines.push('  Footnotes (ids used in the notes column):', ...meta.footnotes.map((f) => `    [${f.id}] ${f.text}`));
  }
  lines.push('');
  return lines.join('\n');
}

/** The files the README's recipes open, with their paths inside the zip. */
function recipeFiles(datasets: readonly ExportableDataset[]) {
  const example = datasets.find((d) => d.meta.id === RECIPE_EXAMPLE) ?? datasets[0]!;
  const id = example.meta.id;
  return { id, csv: `data/${id}.csv`, json: `data/${id}.json`, xlsx: WORKBOOK_FILE, numberColumns: numberColumns(example.meta) };
}

/** The local-time midnight of an ISO date: the same DOS timestamp in every time zone. */
export function zipTimestamp(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0);
}

/**
 * The all-data zip, as bytes. `workbook` is the bytes of `all-data.xlsx` (made by `buildWorkbook`,
 * which is asynchronous; pass the same bytes the site serves).
 */
export function buildZip(datasets: readonly ExportableDataset[], release: Pick<Release, 'version' | 'date' | 'markdown'>, options: PackageOptions, workbook: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const mtime = zipTimestamp(release.date);
  const sources = options.sources ?? [];
  const files = new Map<string, Uint8Array>([
    ['README.txt', encoder.encode(buildReadme(datasets, release))],
    ['CHANGELOG.md', encoder.encode(release.markdown)],
    ['datapackage.json', encoder.encode(stringifyJson(buildDataPackage(datasets, release, { ...options, layout: 'site' })))],
    [WORKBOOK_FILE, workbook],
  ]);
  for (const dataset of datasets) {
    files.set(`data/${dataset.meta.id}.csv`, encoder.encode(toCsv(dataset)));
    files.set(`data/${dataset.meta.id}.json`, encoder.encode(toJson(dataset, release)));
  }
  for (const text of sources) files.set(sourcePath(text.file), text.bytes);
  const names = zipEntryNames(
    datasets.map((d) => d.meta.id),
    sources.map((t: SourceText) => t.file),
  );
  files.set('SHA256SUMS', encoder.encode(sha256sums(names.filter((n) => n !== 'SHA256SUMS').map((n) => [n, files.get(n)!] as const))));
  const folder = zipFolder(release.version);
  const zippable: Zippable = {};
  for (const name of names) zippable[`${folder}/${name}`] = [files.get(name)!, { mtime, level: 9 }];
  return zipSync(zippable, { mtime, level: 9 });
}
