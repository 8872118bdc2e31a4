/**
 * The site's one entry to the data: every dataset is read, parsed and validated once per process
 * (once per build) and cached here. Pages and components ask this module; nothing re-parses files.
 */
import { resolve } from 'node:path';
import { DATASET_SCHEMAS } from '../schemas/index.ts';
import { checkClaims, type ClaimResult } from './claims.ts';
import { loadCatalog, type Catalog, type LoadedDataset } from './load.ts';

let cached: Catalog | undefined;

/** Folder holding the datasets: `DATA_DIR` if set (tests, benchmarks), else `data/` in the project. */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? 'data');
}

export function getCatalog(): Catalog {
  cached ??= loadCatalog(dataDir(), DATASET_SCHEMAS);
  return cached;
}

export function getDataset<T = Record<string, unknown>>(id: string): LoadedDataset<T> {
  const dataset = getCatalog().get(id);
  if (!dataset) throw new Error(`No dataset "${id}" in ${dataDir()}`);
  return dataset as LoadedDataset<T>;
}

export function getClaims(): ClaimResult[] {
  return checkClaims(getCatalog()).results;
}
