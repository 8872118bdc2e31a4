/**
 * Released data versions: the committed record of each earlier release, the difference between two
 * versions (rows added, changed and removed per dataset, columns added and removed), and the
 * column-order rule (docs/data-versions.md).
 *
 * The record of a release is `data/releases/<version>/`: every dataset's CSV exactly as it was in
 * `data/` when that version was published, and a `manifest.json` with each dataset's column order,
 * primary key and number columns (`scripts/record-release.ts` writes both). Git stores a CSV that did
 * not change between two versions once, so the records cost little. The newest version in
 * `data/CHANGELOG.md` is the live data and has no record yet; every earlier version must have one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ExportableDataset } from './downloads.ts';
import { isNumericColumn } from './downloads.ts';

/** One dataset of a snapshot: its columns in file order, key, number columns and rows (missing cells undefined). */
export interface SnapshotTable {
  columns: string[];
  primaryKey: string[];
  numeric: string[];
  rows: Array<Record<string, string | undefined>>;
}
/** Every dataset of one data version, by id. */
export type Snapshot = Map<string, SnapshotTable>;

export interface ManifestEntry {
  columns: string[];
  primaryKey: string[];
  numeric: string[];
}
export interface ReleaseManifest {
  version: string;
  date: string;
  /** Where the record was taken from (a git commit, or "data/"). */
  from: string;
  datasets: Record<string, ManifestEntry>;
}

export const RELEASES_DIR = 'releases';

/** The snapshot of the live, validated data. */
export function snapshotOf(datasets: readonly ExportableDataset[]): Snapshot {
  return new Map(
    [...datasets]
      .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
      .map((d) => [
        d.meta.id,
        {
          columns: d.meta.columns.map((c) => c.name),
          primaryKey: [...d.meta.primaryKey],
          numeric: d.meta.columns.filter(isNumericColumn).map((c) => c.name),
          rows: d.rows.map((r) => ({ ...r.raw })),
        },
      ]),
  );
}

/** Parse a recorded CSV (as committed in `data/`: UTF-8, a header row) into rows keyed by column name. */
export function parseRecordCsv(text: string): { columns: string[]; rows: Array<Record<string, string | undefined>> } {
  const records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
  const [header = [], ...body] = records;
  return {
    columns: header,
    rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] === '' || cells[i] === undefined ? undefined : cells[i]]))),
  };
}

/** The versions recorded under `<dataDir>/releases/`, each with its manifest. */
export function recordedVersions(dataDir: string): ReleaseManifest[] {
  const root = join(dataDir, RELEASES_DIR);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => JSON.parse(readFileSync(join(root, e.name, 'manifest.json'), 'utf8')) as ReleaseManifest)
    .sort((a, b) => compareVersions(b.version, a.version));
}

/** Read the record of one version. */
export function readRecord(dataDir: string, version: string): { manifest: ReleaseManifest; snapshot: Snapshot; files: Map<string, string> } {
  const dir = join(dataDir, RELEASES_DIR, version);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ReleaseManifest;
  const snapshot: Snapshot = new Map();
  const files = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.datasets).sort(([a], [b]) => a.localeCompare(b))) {
    const text = readFileSync(join(dir, `${id}.csv`), 'utf8');
    files.set(id, text);
    const { columns, rows } = parseRecordCsv(text);
    if (columns.join(',') !== entry.columns.join(','))
      throw new Error(`data/${RELEASES_DIR}/${version}/${id}.csv: expected the columns of manifest.json (${entry.columns.join(',')}), found ${columns.join(',')}`);
    snapshot.set(id, { ...entry, rows });
  }
  return { manifest, snapshot, files };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export interface TableDiff {
  dataset: string;
  status: 'added' | 'removed' | 'changed';
  columnsAdded: string[];
  columnsRemoved: string[];
  rowsAdded: number;
  rowsRemoved: number;
  rowsChanged: number;
}

const keyOf = (table: SnapshotTable, row: Record<string, string | undefined>) => JSON.stringify(table.primaryKey.map((k) => row[k] ?? ''));

/**
 * What changed from one version to the next, per dataset. Rows are matched by each version's own
 * primary key (a renamed key column keeps its values, so rows still match); a row is changed when a
 * cell of a column both versions have differs. Datasets with no change are left out.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): TableDiff[] {
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: TableDiff[] = [];
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    if (!a || !b) {
      const t = (a ?? b)!;
      out.push({ dataset: id, status: a ? 'removed' : 'added', columnsAdded: a ? [] : [...t.columns], columnsRemoved: a ? [...t.columns] : [], rowsAdded: a ? 0 : t.rows.length, rowsRemoved: a ? t.rows.length : 0, rowsChanged: 0 });
      continue;
    }
    const common = b.columns.filter((c) => a.columns.includes(c));
    const oldRows = new Map(a.rows.map((r) => [keyOf(a, r), r]));
    const newKeys = new Set<string>();
    let rowsAdded = 0;
    let rowsChanged = 0;
    for (const row of b.rows) {
      const key = keyOf(b, row);
      newKeys.add(key);
      const old = oldRows.get(key);
      if (!old) rowsAdded++;
      else if (common.some((c) => (old[c] ?? '') !== (row[c] ?? ''))) rowsChanged++;
    }
    const rowsRemoved = [...oldRows.keys()].filter((k) => !newKeys.has(k)).length;
    const columnsAdded = b.columns.filter((c) => !a.columns.includes(c));
    const columnsRemoved = a.columns.filter((c) => !b.columns.includes(c));
    if (rowsAdded + rowsRemoved + rowsChanged + columnsAdded.length + columnsRemoved.length > 0)
      out.push({ dataset: id, status: 'changed', columnsAdded, columnsRemoved, rowsAdded, rowsRemoved, rowsChanged });
  }
  return out;
}

/**
 * The column-order rule: a script that reads a table by position must keep working within a major
 * version. Every column of the previous release stays, in the same position; new columns go at the
 * end. A dataset withdrawn, a column removed, renamed or moved is allowed only with a new MAJOR version.
 * Returns one message per breach (empty when the rule holds).
 */
export function columnOrderProblems(previous: { version: string; snapshot: Snapshot }, current: { version: string; snapshot: Snapshot }): string[] {
  if (Number(current.version.split('.')[0]) > Number(previous.version.split('.')[0])) return [];
  const problems: string[] = [];
  for (const [id, old] of previous.snapshot) {
    const now = current.snapshot.get(id);
    if (!now) {
      problems.push(`${id}: withdrawn since ${previous.version}; withdrawing a dataset needs a new major version`);
      continue;
    }
    const prefix = now.columns.slice(0, old.columns.length);
    if (prefix.join(',') !== old.columns.join(',')) {
      const at = old.columns.findIndex((c, i) => prefix[i] !== c);
      problems.push(
        `${id}: column ${at + 1} was "${old.columns[at]}" in ${previous.version}, found "${prefix[at] ?? '(none)'}": keep the columns of ${previous.version} in their order and add new ones at the end (${old.columns.join(',')}), or release a new major version`,
      );
    }
  }
  return problems;
}
