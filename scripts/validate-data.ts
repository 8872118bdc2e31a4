/**
 * `npm run validate`: load and validate every dataset; print every problem and exit 1 if there are any.
 * The build runs this first, so a bad file never reaches `astro build`.
 */
import { getCatalog, dataDir } from '../src/data/index.ts';
import { DataValidationError } from '../src/data/problems.ts';

try {
  const catalog = getCatalog();
  const rows = [...catalog.values()].reduce((n, d) => n + d.rows.length, 0);
  console.log(`Data valid: ${catalog.size} datasets, ${rows} rows in ${dataDir()}`);
} catch (error) {
  if (error instanceof DataValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
