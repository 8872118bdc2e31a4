/**
 * Every file of the data catalogue, as the site serves it, made once per build: the pages, the
 * endpoints and `/data/SHA256SUMS` all read the same bytes from here, so a size or SHA-256 shown on
 * a page is the size or SHA-256 of the file served.
 */
import { buildZip, WORKBOOK_FILE } from './bundle.ts';
import { sha256sums } from './checksums.ts';
import { buildDataPackage } from './datapackage.ts';
import { stringifyJson, toCsv, toJson, versionedFileName, type ExportableDataset } from './downloads.ts';
import type { Release } from './release.ts';
import { cachedWorkbook } from './workbook.ts';

/** Base of the suggested file names of the zip and the workbook (`…-v2.0.0.zip`). */
export const PACKAGE_FILE_BASE = 'worcestershire-community-safety-data';

export interface CatalogFiles {
  workbook: Uint8Array;
  zip: Uint8Array;
  datapackage: Uint8Array;
  /** `/data/<id>.csv` and `/data/<id>.json`, by dataset id. */
  datasets: Map<string, { csv: Uint8Array; json: Uint8Array }>;
}

const encoder = new TextEncoder();
const made = new WeakMap<object, Map<string, Promise<CatalogFiles>>>();

async function make(datasets: readonly ExportableDataset[], release: Release, homepage: string): Promise<CatalogFiles> {
  const workbook = await cachedWorkbook(datasets, release, { homepage });
  return {
    workbook,
    zip: buildZip(datasets, release, { homepage }, workbook),
    datapackage: encoder.encode(stringifyJson(buildDataPackage(datasets, release, { homepage }))),
    datasets: new Map(datasets.map((d) => [d.meta.id, { csv: encoder.encode(toCsv(d)), json: encoder.encode(toJson(d, release)) }])),
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
 * `/data/SHA256SUMS`: every file of /data/ (and datapackage.json) under the name a browser saves it
 * with (the link's suggested, versioned name) and under its name on the site. Sorted by name.
 */
export function downloadsSha256sums(files: CatalogFiles, version: string): string {
  const entries: Array<readonly [string, Uint8Array]> = [
    ['all-data.zip', files.zip],
    [versionedFileName(PACKAGE_FILE_BASE, version, 'zip'), files.zip],
    [WORKBOOK_FILE, files.workbook],
    [versionedFileName(PACKAGE_FILE_BASE, version, 'xlsx'), files.workbook],
    ['datapackage.json', files.datapackage],
  ];
  for (const [id, f] of files.datasets) {
    entries.push([`${id}.csv`, f.csv], [versionedFileName(id, version, 'csv'), f.csv], [`${id}.json`, f.json], [versionedFileName(id, version, 'json'), f.json]);
  }
  return sha256sums([...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
