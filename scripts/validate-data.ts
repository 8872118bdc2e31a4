/**
 * `npm run validate`: load and validate every dataset, then check the theme pages against the data
 * (src/content-checks.ts); print every problem and exit 1 if there are any. The build runs this first,
 * so a bad file never reaches `astro build` and every message is a plain file:line:column line
 * (docs/validation.md).
 */
import { resolve } from 'node:path';
import { formatContentProblem } from '../src/content-checks.ts';
import { checkThemeFolder } from '../src/theme-checks.ts';
import { dataDir, getCatalog } from '../src/data/index.ts';
import { DataValidationError, escapeForMessage } from '../src/data/problems.ts';

let catalog;
try {
  catalog = getCatalog();
} catch (error) {
  if (error instanceof DataValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const rows = [...catalog.values()].reduce((n, d) => n + d.rows.length, 0);
console.log(`Data valid: ${catalog.size} datasets, ${rows} rows in ${dataDir()}`);

const contentDir = resolve(process.env.CONTENT_DIR ?? 'content/themes');
const { pages, problems } = checkThemeFolder(contentDir, catalog);
if (problems.length > 0) {
  console.error(
    `Theme pages failed their checks: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  ${escapeForMessage(formatContentProblem(p))}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`Theme pages valid: ${pages} pages in ${contentDir}`);
