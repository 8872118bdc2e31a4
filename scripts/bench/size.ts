/**
 * The size run (`npm run bench -- --size [N,...]`): how the data loader copes with a large file.
 *
 * For each N (default 10,000, 100,000 and 1,000,000 rows) a synthetic data folder is written to a
 * temporary directory: an `areas` reference table and one observation dataset of N valid rows, each
 * with its metadata. A fresh Node process (scripts/bench/size-worker.ts) then loads and validates the
 * folder with the site's own loader, so each run starts with an empty heap and its peak memory (max
 * RSS) is its own. Printed per N: file size, time, rows per second, peak memory, and time per row
 * relative to the smallest N (about 1.0 at every N when time grows linearly).
 *
 * Rows are kept short so that one million of them stay under the loader's file-size limit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from './table.ts';

export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];

const META = (id: string, kind: string, file: string, units: string[], primaryKey: string[], columns: object[]) => ({
  id,
  title: `Synthetic ${id}`,
  description: 'Synthetic data for the size run.',
  file,
  kind,
  units,
  primaryKey,
  columns,
  period: { start: '2017-04-01', end: '2018-03-31', label: '2017/18' },
  geography: 'Nowhere',
  source: { document: 'Synthetic', section: 'None' },
  licence: 'OGL-UK-3.0',
  caveats: ['Synthetic.'],
  lastChecked: '2026-11-30',
});

/** Write a data folder with one observation dataset of `rows` rows; return its path. */
export function writeSyntheticData(rows: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'wcsn-size-'));
  writeFileSync(join(dir, 'areas.csv'), 'id,name,type,parent,description\na,Area A,county,,A synthetic area.\n');
  writeFileSync(
    join(dir, 'areas.meta.json'),
    JSON.stringify(
      META(
        'areas',
        'reference',
        'areas.csv',
        [],
        ['id'],
        [
          { name: 'id', type: 'id', description: 'Id.' },
          { name: 'name', type: 'string', description: 'Name.' },
          { name: 'type', type: 'enum', description: 'Type.' },
          { name: 'parent', type: 'id', description: 'Parent.', required: false, references: 'areas' },
          { name: 'description', type: 'string', description: 'Description.' },
        ],
      ),
    ),
  );
  const lines = ['area,period,measure,value,unit,status,notes,source_section'];
  for (let i = 0; i < rows; i++) lines.push(`a,2017/18,m${i},${i},count,reported,,s`);
  writeFileSync(join(dir, 'counts.csv'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(dir, 'counts.meta.json'),
    JSON.stringify(
      META(
        'counts',
        'observations',
        'counts.csv',
        ['count'],
        ['area', 'period', 'measure'],
        [
          { name: 'area', type: 'id', description: 'Area.', references: 'areas' },
          { name: 'period', type: 'period', description: 'Period.' },
          { name: 'measure', type: 'id', description: 'Measure.' },
          { name: 'value', type: 'number', description: 'Value.' },
          { name: 'unit', type: 'enum', description: 'Unit.' },
          { name: 'status', type: 'enum', description: 'Status.' },
          { name: 'notes', type: 'id-list', description: 'Notes.', required: false },
          { name: 'source_section', type: 'id', description: 'Section.' },
        ],
      ),
    ),
  );
  return dir;
}

export interface SizeResult {
  rows: number;
  bytes: number;
  ms: number;
  maxRssBytes: number;
}

/** Load one synthetic folder in a fresh process; undefined if it failed or ran out of time. */
export function sizeRun(rows: number, timeoutMs: number): SizeResult | { rows: number; error: string } {
  const dir = writeSyntheticData(rows);
  try {
    const bytes = statSync(join(dir, 'counts.csv')).size;
    const run = spawnSync(
      process.execPath,
      ['--max-old-space-size=8192', join(import.meta.dirname, 'size-worker.ts'), dir],
      { encoding: 'utf8', timeout: timeoutMs },
    );
    if (run.error || run.status !== 0)
      return {
        rows,
        error: run.error
          ? `${run.error.message}`
          : (run.stderr || run.stdout).trim().split('\n').slice(0, 3).join(' / '),
      };
    const { ms, maxRssBytes, loaded } = JSON.parse(run.stdout) as { ms: number; maxRssBytes: number; loaded: number };
    if (loaded !== rows) return { rows, error: `loaded ${loaded} rows, expected ${rows}` };
    return { rows, bytes, ms, maxRssBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sizeReport(sizes: number[], timeoutMs = 15 * 60 * 1000): string {
  const results = sizes.map((n) => {
    const r = sizeRun(n, timeoutMs);
    console.error(`  size run: ${n} rows ${'error' in r ? `failed: ${r.error}` : `${(r.ms / 1000).toFixed(2)} s`}`);
    return r;
  });
  const ok = results.filter((r): r is SizeResult => !('error' in r));
  const basePerRow = ok[0] ? ok[0].ms / ok[0].rows : NaN;
  return table(
    ['rows', 'file', 'time', 'rows/s', 'peak memory (RSS)', 'time per row vs first'],
    results.map((r) =>
      'error' in r
        ? [r.rows.toLocaleString('en-GB'), '', '', '', '', r.error]
        : [
            r.rows.toLocaleString('en-GB'),
            `${(r.bytes / 1024 / 1024).toFixed(1)} MB`,
            `${(r.ms / 1000).toFixed(2)} s`,
            Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-GB'),
            `${Math.round(r.maxRssBytes / 1024 / 1024)} MB`,
            `${(r.ms / r.rows / basePerRow).toFixed(2)}×`,
          ],
    ),
  );
}
