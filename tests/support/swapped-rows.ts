/**
 * Figures built on made-up rows (issue #23's "any number of periods" tests): the data module with the
 * real catalog, except that the datasets a test names have their rows swapped. Use it as the factory
 * of `vi.mock('../../src/data/index.ts', …)`; then `swapRows` before each build and `realRows` for the
 * rows to start from. The state lives on `globalThis` because the tests rebuild each figure after
 * `vi.resetModules()`, which loads this module (and the mocked data module) again.
 */
import type { Catalog, LoadedRow } from '../../src/data/catalog.ts';

type DataModule = typeof import('../../src/data/index.ts');

const store = globalThis as { __swappedRows?: Map<string, LoadedRow[]>; __realCatalog?: Catalog };

/** The data module as the site has it, whose catalog has the swapped rows in place of the real ones. */
export async function dataWithSwappedRows(real: DataModule): Promise<DataModule> {
  const { checkClaims } = await import('../../src/data/claims.ts');
  store.__realCatalog ??= real.getCatalog();
  const catalog = (): Catalog => {
    const out: Catalog = new Map(store.__realCatalog);
    for (const [id, rows] of store.__swappedRows ?? []) out.set(id, { ...out.get(id)!, rows });
    return out;
  };
  const getDataset = ((id: string) => {
    const d = catalog().get(id);
    if (!d) throw new Error(`No dataset "${id}"`);
    return d;
  }) as DataModule['getDataset'];
  return { ...real, getCatalog: catalog, getDataset, getClaims: () => checkClaims(catalog()).results };
}

/** From the next build on, these datasets have these rows (none: every dataset has its real rows). */
export function swapRows(swaps: Iterable<[string, LoadedRow[]]> = []): void {
  store.__swappedRows = new Map(swaps);
}

/** A dataset's real rows (the catalog is read on the first build). */
export function realRows(id: string): LoadedRow[] {
  const dataset = store.__realCatalog?.get(id);
  if (!dataset) throw new Error(`realRows("${id}"): no such dataset, or no figure built yet`);
  return dataset.rows;
}
