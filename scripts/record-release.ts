/**
 * Record a released data version: `node scripts/record-release.ts <version> <date> [from] [dataDir]`
 * copies every dataset's CSV from `dataDir` (default `data/`) into `data/releases/<version>/` and
 * writes its `manifest.json` (column order, primary key and number columns of each dataset, read from
 * the `*.meta.json` beside each CSV). Run it for the version being superseded when you add a new
 * version heading to data/CHANGELOG.md (docs/data-versions.md). `from` says where the data came from
 * (a git commit, or "data/").
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [version, date, from = 'data/', source = 'data'] = process.argv.slice(2);
if (!version || !/^\d+\.\d+\.\d+$/.test(version) || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error('usage: node scripts/record-release.ts <version like 2.1.0> <date like 2026-12-01> [from] [dataDir]');
  process.exit(2);
}
const target = join('data', 'releases', version);
mkdirSync(target, { recursive: true });
const datasets: Record<string, { columns: string[]; primaryKey: string[]; numeric: string[] }> = {};
for (const file of readdirSync(source)
  .filter((f) => f.endsWith('.meta.json'))
  .sort()) {
  const meta = JSON.parse(readFileSync(join(source, file), 'utf8')) as {
    id: string;
    file: string;
    primaryKey: string[];
    columns: Array<{ name: string; type: string }>;
  };
  copyFileSync(join(source, meta.file), join(target, `${meta.id}.csv`));
  datasets[meta.id] = {
    columns: meta.columns.map((c) => c.name),
    primaryKey: meta.primaryKey,
    numeric: meta.columns.filter((c) => c.type === 'integer' || c.type === 'number').map((c) => c.name),
  };
}
writeFileSync(join(target, 'manifest.json'), `${JSON.stringify({ version, date, from, datasets }, null, 2)}\n`);
console.log(`${target}: ${Object.keys(datasets).length} datasets recorded`);
