/**
 * `npm run validate`: every check the build runs that can fail on content, before Astro runs:
 * every dataset (src/data/load.ts), the report's text and reading order (src/data/source-index.ts),
 * and the theme pages against the one frontmatter schema, the prose components and the data
 * (src/validate/theme-pages.ts, src/validate/scan-mdx.ts). Prints every problem as a plain file:line:column line
 * and exits 1 if there are any. The build runs this first, so a content problem never reaches
 * `astro build` (docs/validation.md).
 */
import { resolve } from 'node:path';
import { formatContentProblem } from '../src/validate/scan-mdx.ts';
import { checkThemeFolder } from '../src/validate/theme-pages.ts';
import { dataDir, getCatalog } from '../src/data/index.ts';
import { DataValidationError, escapeForMessage, formatProblem } from '../src/data/problems.ts';
import { checkSource } from '../src/data/source-index.ts';
import { printProblems } from './print-problems.ts';

function main(): number {
  let catalog;
  try {
    catalog = getCatalog();
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    const [heading = ''] = error.message.split('\n', 1);
    printProblems(heading, error.problems.map(formatProblem));
    return 1;
  }
  const rows = [...catalog.values()].reduce((n, d) => n + d.rows.length, 0);
  console.log(`Data valid: ${catalog.size} datasets, ${rows} rows in ${dataDir()}`);

  const source = checkSource(dataDir(), catalog);
  if (source.problems.length > 0) {
    const n = source.problems.length;
    printProblems(
      `The report's text or reading order failed its checks: ${n} problem${n === 1 ? '' : 's'}`,
      source.problems.map(formatProblem),
    );
    return 1;
  }

  const contentDir = resolve(process.env.CONTENT_DIR ?? 'content/themes');
  const { pages, problems } = checkThemeFolder(contentDir, catalog);
  if (problems.length > 0) {
    const n = problems.length;
    printProblems(
      `Theme pages failed their checks: ${n} problem${n === 1 ? '' : 's'}`,
      problems.map((p) => escapeForMessage(formatContentProblem(p))),
    );
    return 1;
  }
  console.log(`Theme pages valid: ${pages} pages in ${contentDir}`);
  return 0;
}

// Set the code and let Node exit on its own: process.exit() could cut off output still queued.
process.exitCode = main();
