/**
 * The shapes the loader produces and the checks consume: a loaded row, a loaded dataset, the catalog,
 * and a row's primary-key string. Kept apart from load.ts so that the loader, the cross-dataset checks
 * (integrity.ts, claims.ts) and the content checks all depend on this module rather than on each other.
 */
import type { DatasetMeta } from '../schemas/meta.ts';

export interface LoadedRow<T = Record<string, unknown>> {
  /** Physical line in the file where the row starts. */
  line: number;
  /** The validated cells as written (empty cells as `undefined`): what downloads are made from. */
  raw: Record<string, string | undefined>;
  /** The typed row produced by the dataset's schema. */
  value: T;
}

export interface LoadedDataset<T = Record<string, unknown>> {
  meta: DatasetMeta;
  /** Path of the data file relative to the project root (for messages and source links). */
  path: string;
  rows: LoadedRow<T>[];
}

export type Catalog = Map<string, LoadedDataset>;

/** Primary-key string of a raw row: key column values joined by `|`. */
export function rowKey(raw: Record<string, string | undefined>, primaryKey: readonly string[]): string {
  return primaryKey.map((k) => raw[k] ?? '').join('|');
}

/** The column that says which source (edition) a row is from; part of the primary key of figure datasets. */
export const EDITION_COLUMN = 'source';

/**
 * A row's key without its edition: the primary key minus `source` (`worcestershire|2017/18|marac-cases`).
 * Two editions that print a value for the same area, period and measure share it; MDX, claims and
 * row anchors name rows by it (docs/data-contract.md, "Editions and revisions").
 */
export function factKey(raw: Record<string, string | undefined>, primaryKey: readonly string[]): string {
  return rowKey(
    raw,
    primaryKey.filter((k) => k !== EDITION_COLUMN),
  );
}

/** Whether a row has the key given, written with its edition (the whole primary key) or without. */
export function hasKey(raw: Record<string, string | undefined>, primaryKey: readonly string[], key: string): boolean {
  return rowKey(raw, primaryKey) === key || factKey(raw, primaryKey) === key;
}
