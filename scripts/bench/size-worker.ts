/** Child of the size run (scripts/bench/size.ts): load one data folder, print time and peak memory as JSON. */
import { loadCatalog } from '../../src/data/load.ts';
import { schemaFor, type DatasetSchema } from '../../src/schemas/index.ts';
import { observationSchema } from '../../src/schemas/observation.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: size-worker.ts <data folder>');
const schemas = { areas: schemaFor('areas')!, counts: observationSchema(['count'] as const) } as unknown as Record<
  string,
  DatasetSchema
>;
const started = performance.now();
const catalog = loadCatalog(dir, schemas);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    loaded: catalog.get('counts')?.rows.length ?? 0,
  }),
);
