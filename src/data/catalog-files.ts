/**
 * Every file of the data catalogue, as the site serves it, made once per build: the pages, the
 * endpoints and `/data/SHA256SUMS` all read the same bytes from here, so a size or SHA-256 shown on
 * a page is the size or SHA-256 of the file served.
 *
 * The downloads are the validated datasets plus the tables derived from them (src/data/derived-tables.ts:
 * `all-observations`, `periods`), and the report texts that travel with them (src/data/source-files.ts).
 */
import { buildZip, WORKBOOK_FILE } from './bundle.ts';
import { sha256sums } from './checksums.ts';
import { buildDataPackage } from './datapackage.ts';
import { withDerivedTables } from './derived-tables.ts';
import { stringifyJson, toCsv, toJson, type ExportableDataset } from './downloads.ts';
import { dataDir } from './index.ts';
import type { Release } from './release.ts';
import { sourceTexts, type SourceText } from './source-files.ts';
import { cachedWorkbook } from './workbook.ts';

/** Base of the zip's top-level folder (`worcestershire-community-safety-data-v3.0.0/`). */
export const PACKAGE_FILE_BASE = 'worcestershire-community-safety-data';

export interface CatalogFiles {
  workbook: Uint8Array;
  zip: Uint8Array;
  /** `/datapackage.json` (paths from the site root, as in the zip). */
  datapackage: Uint8Array;
  /** `/data/datapackage.json` (paths of the files beside it, as a browser saves them). */
  datapackageFlat: Uint8Array;
  /** `/data/<id>.csv` and `/data/<id>.json`, by table id (datasets and derived tables). */
  datasets: Map<string, { csv: Uint8Array; json: Uint8Array }>;
  /** The report texts, served at `/data/<file>` and `/data/source/<file>`. */
  sources: SourceText[];
}

const encoder = new TextEncoder();
const made = new WeakMap<object, Map<string, Promise<CatalogFiles>>>();

/** The tables offered for download: the datasets and the tables derived from them. */
export function downloadTables(datasets: readonly ExportableDataset[], release: Pick<Release, 'date'>): ExportableDataset[] {
  return withDerivedTables(datasets, release.date);
}

async function make(datasets: readonly ExportableDataset[], release: Release, homepage: string): Promise<CatalogFiles> {
  const tables = downloadTables(datasets, release);
  const sources = sourceTexts(dataDir());
  const workbook = await cachedWorkbook(tables, release, { homepage });
  return {
    workbook,
    zip: buildZip(tables, release, { homepage, sources }, workbook),
    datapackage: encoder.encode(stringifyJson(buildDataPackage(tables, release, { homepage, sources }))),
    datapackageFlat: encoder.encode(stringifyJson(buildDataPackage(tables, release, { homepage, sources, layout: 'flat' }))),
    datasets: new Map(tables.map((d) => [d.meta.id, { csv: encoder.encode(toCsv(d)), json: encoder.encode(toJson(d, release)) }])),
    sources,
  };
}

/** The catalogue's files for a build (`homepage`: absolute URL of `/data/`). */
export function catalogFiles(datasets: readonly ExportableDataset[], release: Release, homepage: string): Promise<CatalogFiles> {
  const anchor = datasets[0]?.meta ?? made;
  const byKey = made.get(anchor) ?? new Map<string, Promise<CatalogFiles>>();
  made.set(anchor, byKey);
  const key = `${release.version}|${homepage}|${datasets.map((d) => d.meta.id).join(',')}`;
  let files = byKey.get(key);
  if (!files) {
    files = make(datasets, release, homepage);
    byKey.set(key, files);
  }
  return files;
}

/**
 * `/data/SHA256SUMS`: every file of /data/ under its name on the site, which is also the name a
 * browser saves it with and the name `curl -O` gives it. Sorted by name.
 */
export function downloadsSha256sums(files: CatalogFiles): string {
  const entries: Array<readonly [string, Uint8Array]> = [
    ['all-data.zip', files.zip],
    [WORKBOOK_FILE, files.workbook],
    ['datapackage.json', files.datapackageFlat],
    ...files.sources.map((s) => [s.file, s.bytes] as const),
  ];
  for (const [id, f] of files.datasets) entries.push([`${id}.csv`, f.csv], [`${id}.json`, f.json]);
  return sha256sums([...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
