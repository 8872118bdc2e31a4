/**
 * Measures a figure dataset declares in its own metadata (`measures` in data/<id>.meta.json) join the
 * `measures` dataset here, as rows whose `dataset` is that dataset, so a new figure dataset needs no
 * row in data/measures.csv (docs/data-contract.md, "Adding a dataset"). Each is validated with the
 * measures row schema, as a row of measures.csv would be; a problem names the metadata file and the
 * entry (`measures[0].unit`), with expected and found. Joined measures are published with the others.
 */
import { join } from 'node:path';
import type { DatasetSchema } from '../schemas/index.ts';
import type { Catalog, LoadedDataset, LoadedRow } from './catalog.ts';
import { describeCell, type Problem } from './problems.ts';
import { forbiddenCharacter } from './text-cells.ts';

type Declared = NonNullable<LoadedDataset['meta']['measures']>[number];

/** The problems of one declared measure, or its row for the measures dataset. */
function declaredRow(
  dataset: LoadedDataset,
  entry: Declared,
  schema: DatasetSchema,
  at: (field: string) => string,
): { row: LoadedRow } | { problems: Problem[] } {
  const raw: Record<string, string | undefined> = { ...entry, dataset: dataset.meta.id };
  const problems: Problem[] = [];
  for (const [field, cell] of Object.entries(entry)) {
    const bad = forbiddenCharacter(cell);
    if (bad) problems.push({ file: '', column: at(field), expected: 'text without control or invisible formatting characters', found: `${bad} in ${describeCell(cell)}` });
  }
  const result = schema.row.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === '' ? undefined : v])));
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push({ file: '', column: at(field), expected: issue.message, found: describeCell(raw[field]) });
    }
  }
  if (dataset.meta.kind !== 'observations')
    problems.push({ file: '', column: at('id'), expected: 'measures only in a figure dataset (kind "observations"), whose rows name them', found: `a dataset of kind "${dataset.meta.kind}"` });
  return problems.length > 0 ? { problems } : { row: { line: 0, raw, value: result.data! } };
}

/**
 * Add every declared measure to the `measures` dataset in `catalog` (in place); returns the problems.
 * Skipped when the measures dataset did not load whole (its own problems come first).
 */
export function addDeclaredMeasures(catalog: Catalog, schema: DatasetSchema | undefined, incomplete: ReadonlySet<string>, displayDir: string): Problem[] {
  const measures = catalog.get('measures');
  if (!measures || !schema || incomplete.has('measures')) return [];
  const problems: Problem[] = [];
  const known = new Map(measures.rows.map((r) => [r.raw.id, `${measures.path}:${r.line}`]));
  for (const dataset of catalog.values()) {
    const file = join(displayDir, `${dataset.meta.id}.meta.json`);
    for (const [i, entry] of (dataset.meta.measures ?? []).entries()) {
      const at = (field: string) => `measures[${i}].${field}`;
      const made = declaredRow(dataset, entry, schema, at);
      if ('problems' in made) {
        for (const p of made.problems) problems.push({ ...p, file });
        continue;
      }
      const first = known.get(entry.id);
      if (first !== undefined) {
        problems.push({ file, column: at('id'), expected: 'a measure id not used by another measure', found: `${describeCell(entry.id)} again (first at ${first})` });
        continue;
      }
      known.set(entry.id, `${file} ${at('id')}`);
      measures.rows.push(made.row);
    }
  }
  return problems;
}
