import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
import { cpSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '/work/wt/validation/src/data/load.ts';
import { claimsSchema } from '/work/wt/validation/src/schemas/claims.ts';
import { observationSchema } from '/work/wt/validation/src/schemas/observation.ts';
import { areasSchema, measuresSchema } from '/work/wt/validation/src/schemas/reference.ts';
const V = '/work/wt/validation/tests/fixtures/validation';
const schemas: any = { areas: areasSchema, measures: measuresSchema, claims: claimsSchema, counts: observationSchema(['count', 'percent'] as const) };
const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(join(V, 'cases'));
for (const name of [...names, 'symlink-to-passwd']) {
  const dir = mkdtempSync(join(tmpdir(), 'before-'));
  cpSync(join(V, 'base'), dir, { recursive: true });
  if (name === 'symlink-to-passwd') { require('node:fs').rmSync(join(dir, 'counts.csv')); symlinkSync('/etc/passwd', join(dir, 'counts.csv')); }
  else cpSync(join(V, 'cases', name), dir, { recursive: true });
  let out: string;
  try { const c = loadCatalog(dir, schemas); out = `ACCEPTED (counts: ${JSON.stringify(c.get('counts')?.rows.at(-1)?.value.value ?? null)})`; }
  catch (e: any) { out = e.name === 'DataValidationError' ? e.message.split('\n').slice(1).join('\n') : `CRASH ${e.name}: ${e.message.split('\n')[0]}`; }
  console.log(`### ${name}\n${out.replaceAll(dir, 'data')}`);
}
