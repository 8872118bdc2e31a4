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
