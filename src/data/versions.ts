/**
 * Every data version, as the site offers it: what changed in each one (generated from the records in
 * `data/releases/`, src/data/releases.ts, beside the hand-written changelog) and a zip of each earlier
 * version at `/data/versions/<version>/all-data.zip`, listed with its SHA-256 in
 * `/data/versions/SHA256SUMS`.
 *
 * An earlier version's zip holds its tables as they were released, written with the download
 * conventions of today (docs/downloads.md: UTF-8 with BOM, CRLF, formula-neutralised text cells), a
 * README.txt, that version's part of the changelog and a SHA256SUMS, all inside one folder named after
 * the version. Deterministic: entries in a fixed order, every timestamp the version's release date.
 */
import { zipSync, type Zippable } from 'fflate';
import { stringify } from 'csv-stringify/sync';
import { sha256sums } from './checksums.ts';
import { neutraliseText, type ExportableDataset } from './downloads.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASES_DIR, readRecord, recordedVersions, snapshotOf, diffSnapshots, type Snapshot, type TableDiff } from './releases.ts';
import type { Release } from './release.ts';
import { zipTimestamp } from './bundle.ts';
import { LICENCE, PUBLISHER } from '../lib/site.ts';
import { attribution, type SourceCredit } from '../lib/source-credit.ts';
import { sourceCredits } from './source-files.ts';

/** The name of the folder inside every zip, and the base of the suggested file names. */
export const PACKAGE_FOLDER_BASE = 'worcestershire-community-safety-data';
export const packageFolder = (version: string) => `${PACKAGE_FOLDER_BASE}-v${version}`;

export interface VersionChanges {
  version: string;
  date: string;
  /** The version compared with (undefined for the first). */
  since?: string;
  tables: TableDiff[];
}

/**
 * The generated changes of every version in the changelog, newest first: the newest compares the live
 * data with the last record, each earlier version its record with the one before.
 */
export function versionChanges(release: Pick<Release, 'entries'>, dataDir: string, live: readonly ExportableDataset[]): VersionChanges[] {
  const snapshots = new Map<string, Snapshot>();
  const newest = release.entries[0];
  for (const entry of release.entries) {
    if (entry === newest) snapshots.set(entry.version, snapshotOf(live));
    else snapshots.set(entry.version, readRecord(dataDir, entry.version).snapshot);
  }
  return release.entries.map((entry, i) => {
    const previous = release.entries[i + 1];
    const before = previous ? snapshots.get(previous.version)! : new Map();
    return { version: entry.version, date: entry.date, ...(previous ? { since: previous.version } : {}), tables: diffSnapshots(before, snapshots.get(entry.version)!) };
  });
}

/** The CSV of a recorded table, with the download conventions (numbers as they are, text neutralised). */
export function recordCsv(table: { columns: string[]; numeric: string[]; rows: Array<Record<string, string | undefined>> }): string {
  const cell = (column: string, v: string | undefined) => (v === undefined ? '' : table.numeric.includes(column) ? v : neutraliseText(v));
  return stringify([table.columns, ...table.rows.map((r) => table.columns.map((c) => cell(c, r[c])))], { bom: true, record_delimiter: 'windows', eof: true, quoted_match: /[\r\n]/ });
}

/** The part of the changelog from a version down to the first (with the preamble). */
export function changelogUpTo(markdown: string, version: string): string {
  const lines = markdown.split('\n');
  const first = lines.findIndex((l) => l.startsWith('## '));
  const at = lines.findIndex((l) => l.startsWith(`## ${version} `));
  if (at < 0) return markdown;
  return [...lines.slice(0, first), ...lines.slice(at)].join('\n');
}

/**
 * The documents a recorded version was drawn from: its own copy of sources.csv, or, for a version
 * recorded before there was one, the earliest document (every version before editions drew on it alone).
 */
function versionDocuments(dataDir: string, version: string): SourceCredit[] {
  const own = join(dataDir, RELEASES_DIR, version);
  if (existsSync(join(own, 'sources.csv'))) return sourceCredits(own);
  return sourceCredits(dataDir).slice(0, 1);
}

/** The zip of one recorded version. */
export function buildVersionZip(dataDir: string, version: string, release: Pick<Release, 'markdown'>): Uint8Array {
  const { manifest, snapshot } = readRecord(dataDir, version);
  const folder = packageFolder(version);
  const encoder = new TextEncoder();
  const ids = [...snapshot.keys()].sort();
  const readme = [
    `${PUBLISHER}: data version ${manifest.version} (released ${manifest.date})`,
    '',
    'An earlier version of the data, kept so that work based on it can be checked and repeated.',
    'The newest version, with JSON, the workbook, datapackage.json and the report text, is at /data/ on the site.',
    `Recorded from: ${manifest.from}.`,
    '',
    'Files: CHANGELOG.md (changes up to this version), SHA256SUMS (check with: sha256sum -c SHA256SUMS), data/<id>.csv (one table per dataset).',
    'CSV: UTF-8 with a byte-order mark, CRLF line ends, a header row; a text cell starting with = + - @ or \' has a \' added in front (remove it to get the text back).',
    '',
    `Licence: ${LICENCE.title} (${LICENCE.url}). ${attribution(versionDocuments(dataDir, version))}`,
    '',
  ].join('\n');
  const files = new Map<string, Uint8Array>([
    ['README.txt', encoder.encode(readme)],
    ['CHANGELOG.md', encoder.encode(changelogUpTo(release.markdown, version))],
  ]);
  for (const id of ids) files.set(`data/${id}.csv`, encoder.encode(recordCsv(snapshot.get(id)!)));
  const names = ['README.txt', 'CHANGELOG.md', 'SHA256SUMS', ...ids.map((id) => `data/${id}.csv`)];
  files.set('SHA256SUMS', encoder.encode(sha256sums(names.filter((n) => n !== 'SHA256SUMS').map((n) => [n, files.get(n)!] as const))));
  const mtime = zipTimestamp(manifest.date);
  const zippable: Zippable = {};
  for (const name of names) zippable[`${folder}/${name}`] = [files.get(name)!, { mtime, level: 9 }];
  return zipSync(zippable, { mtime, level: 9 });
}

const cache = new Map<string, Uint8Array>();
/** Every recorded version's zip, newest first (made once per process). */
export function versionZips(dataDir: string, release: Pick<Release, 'markdown'>): Array<{ version: string; date: string; zip: Uint8Array }> {
  return recordedVersions(dataDir).map((m) => {
    const key = `${dataDir}|${m.version}`;
    let zip = cache.get(key);
    if (!zip) cache.set(key, (zip = buildVersionZip(dataDir, m.version, release)));
    return { version: m.version, date: m.date, zip };
  });
}

/** Site path of a version's zip. */
export const versionZipPath = (version: string) => `/data/versions/${version}/all-data.zip`;

/** `/data/versions/SHA256SUMS`: every version zip, by its path under /data/versions/. */
export function versionSha256sums(zips: ReadonlyArray<{ version: string; zip: Uint8Array }>): string {
  return sha256sums(zips.map((z) => [`${z.version}/all-data.zip`, z.zip] as const));
}
