/**
 * The fictional second edition (tests/fixtures/editions/fictional-2019/, never published): drop it
 * onto a copy of `data/` exactly as docs/adding-an-edition.md tells a council officer to, with no
 * TypeScript change: its text (and reading order) into `data/source/`, one row appended to
 * `data/sources.csv` with the text's SHA-256, its sections and its data rows appended to the
 * files of the same name.
 */
import { appendFileSync, copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

export const FICTIONAL_EDITION = resolve(import.meta.dirname, '../fixtures/editions/fictional-2019');
export const FICTIONAL_SOURCE_ID = 'fictional-overview-2019';
export const FICTIONAL_TEXT = 'fictional-overview-2019.txt';

/** Append CSV rows to a data file, keeping one row per line. */
function appendRows(file: string, rows: string): void {
  const text = readFileSync(file, 'utf8');
  appendFileSync(file, (text.endsWith('\n') ? '' : '\n') + rows);
}

/** Add the fictional edition to a data folder (a copy: never the real `data/`). Returns the folder. */
export function withFictionalEdition(dataDir: string): string {
  if (resolve(dataDir) === resolve(import.meta.dirname, '../../data'))
    throw new Error('withFictionalEdition: use a copy of data/, never data/ itself');
  for (const file of readdirSync(join(FICTIONAL_EDITION, 'source')))
    copyFileSync(join(FICTIONAL_EDITION, 'source', file), join(dataDir, 'source', file));
  const digest = createHash('sha256')
    .update(readFileSync(join(dataDir, 'source', FICTIONAL_TEXT)))
    .digest('hex');
  appendRows(
    join(dataDir, 'sources.csv'),
    readFileSync(join(FICTIONAL_EDITION, 'sources.csv'), 'utf8').replace(',SHA,', `,${digest},`),
  );
  for (const file of readdirSync(FICTIONAL_EDITION)) {
    if (!file.endsWith('.csv') || file === 'sources.csv') continue;
    appendRows(join(dataDir, file), readFileSync(join(FICTIONAL_EDITION, file), 'utf8'));
  }
  return dataDir;
}
