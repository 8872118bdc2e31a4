/**
 * The site's one entry to the data: every dataset is read, parsed and validated once per process
 * (once per build) and cached here. Pages and components ask this module; nothing re-parses files.
 */
import { resolve } from 'node:path';
import { DATASET_SCHEMAS } from '../schemas/index.ts';
import { checkClaims, type ClaimResult } from './claims.ts';
import type { Catalog, LoadedDataset } from './catalog.ts';
import { loadCatalog } from './load.ts';

let cached: Catalog | undefined;

/**
 * `astro build` evaluates this module twice in one process (once for the content config's checks,
 * once inside the bundled pages), and each copy would parse every file again. In a production build
 * the catalogue is therefore also kept on `globalThis`, keyed by data folder, so the whole build
 * parses once per process. Not in dev (edits to data/ must be picked up) or tests (they vary DATA_DIR).
 */
const SHARED = Symbol.for('worcestershire-community-safety.catalog');
type Shared = { [SHARED]?: Map<string, Catalog> };

/** Folder holding the datasets: `DATA_DIR` if set (tests, benchmarks), else `data/` in the project. */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? 'data');
}

export function getCatalog(): Catalog {
  if (cached) return cached;
  const dir = dataDir();
  if (process.env.NODE_ENV !== 'production') return (cached = loadCatalog(dir, DATASET_SCHEMAS));
  const shared = ((globalThis as Shared)[SHARED] ??= new Map());
  cached = shared.get(dir) ?? loadCatalog(dir, DATASET_SCHEMAS);
  shared.set(dir, cached);
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
