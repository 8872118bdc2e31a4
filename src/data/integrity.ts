/**
 * Checks that span datasets: foreign keys (`references` in the column dictionary), no cycles in a
 * table that refers to itself (`areas.parent`), footnote ids, units agreeing with measures, themes
 * naming real datasets, and the report's stated claims.
 *
 * A dataset that failed to load, or lost rows to problems, is "incomplete": a check that needs all of
 * its rows is skipped, and a note says so and why, rather than reporting the missing row's absence as
 * a second, misleading problem.
 */
import type { Catalog, LoadedDataset } from './catalog.ts';
import { checkClaims } from './claims.ts';
import { describeCell, type Problem } from './problems.ts';

/** A note that checks on `dataset` against `target` were skipped because `target` has problems. */
export function skipped(file: string, what: string, target: string): Problem {
  return { file, expected: '', note: `${what} not checked: ${target} has problems listed above (fix those first)` };
}

/** Cycles in a column that refers to its own dataset's ids (an area its own parent, or two areas each other's). */
function checkCycles(dataset: LoadedDataset, column: string, at: (line: number, column: string) => Omit<Problem, 'expected'>): Problem[] {
  const parent = new Map<string, { to: string; line: number }>();
  for (const row of dataset.rows) {
    const id = row.raw.id;
    const to = row.raw[column];
    if (id !== undefined && to !== undefined) parent.set(id, { to, line: row.line });
  }
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const [start] of parent) {
    const path: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && !path.includes(node)) {
      path.push(node);
      node = parent.get(node)?.to;
    }
    if (node !== start || reported.has(start)) continue;
    const cycle = path;
    cycle.forEach((id) => reported.add(id));
    const line = parent.get(start)!.line;
    const found = cycle.length === 1 ? `"${start}" is its own ${column}` : `the cycle ${[...cycle, start].map((id) => `"${id}"`).join(' → ')}`;
    problems.push({ ...at(line, column), expected: `a ${column} chain that ends (no cycles)`, found });
  }
  return problems;
}

function ids(dataset: LoadedDataset | undefined): Set<string> | undefined {
  return dataset ? new Set(dataset.rows.map((r) => r.raw.id).filter((x): x is string => x !== undefined)) : undefined;
}

function preview(values: Set<string>): string {
  const list = [...values].sort();
  return list.length <= 6 ? list.join(', ') : `${list.slice(0, 6).join(', ')}, … (${list.length} in all)`;
}

export function checkIntegrity(catalog: Catalog, declared: ReadonlySet<string>, incomplete: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  for (const dataset of catalog.values()) {
    const { meta, path: file } = dataset;
    const names = meta.columns.map((c) => c.name);
    const at = (line: number, column: string) => ({ file, line, column, columnNumber: names.indexOf(column) + 1 });

    for (const col of meta.columns) {
      if (!col.references) continue;
      if (!declared.has(col.references)) {
        problems.push({ file: file.replace(/\.csv$/, '.meta.json'), column: `columns.${col.name}.references`, expected: 'the id of an existing dataset', found: JSON.stringify(col.references) });
        continue;
      }
      if (incomplete.has(col.references)) {
        if (col.references !== meta.id) problems.push(skipped(file, `column "${col.name}" (ids in ${col.references})`, col.references));
        continue;
      }
      const target = catalog.get(col.references);
      if (target && !target.meta.columns.some((c) => c.name === 'id')) {
        problems.push({
          file: file.replace(/\.csv$/, '.meta.json'),
          column: `columns.${col.name}.references`,
          expected: 'a dataset with an id column (a reference names a row by its id)',
          found: `"${col.references}", which has no id column (its rows are keyed by ${target.meta.primaryKey.join('|')})`,
        });
        continue;
      }
      const known = ids(target);
      if (!known) continue;
      if (col.references === meta.id && col.type === 'id') problems.push(...checkCycles(dataset, col.name, at));
      for (const row of dataset.rows) {
        const cell = row.raw[col.name];
        if (cell === undefined) continue;
        const values = col.type === 'id-list' ? cell.split(';') : [cell];
        for (const v of values) {
          if (!known.has(v)) problems.push({ ...at(row.line, col.name), expected: `an id in ${col.references} (${preview(known)})`, found: `the unknown id ${describeCell(v)}` });
        }
      }
    }

    if (names.includes('notes')) {
      const footnotes = new Set(meta.footnotes.map((f) => f.id));
      for (const row of dataset.rows) {
        for (const note of row.raw.notes?.split(';') ?? []) {
          if (!footnotes.has(note)) problems.push({ ...at(row.line, 'notes'), expected: `a footnote id from the metadata (${preview(footnotes)})`, found: describeCell(note) });
        }
      }
    }

    const measures = incomplete.has('measures') ? undefined : catalog.get('measures');
    if (meta.kind === 'observations' && incomplete.has('measures')) problems.push(skipped(file, 'units and measures', 'measures'));
    if (meta.kind === 'observations' && measures) {
      const byId = new Map(measures.rows.map((r) => [r.raw.id, r.raw]));
      for (const row of dataset.rows) {
        const measure = byId.get(row.raw.measure);
        if (!measure) continue; // reported as an unknown id above
        if (measure.unit !== row.raw.unit) problems.push({ ...at(row.line, 'unit'), expected: `"${measure.unit}", the unit of the measure ${row.raw.measure}`, found: describeCell(row.raw.unit) });
        if (measure.dataset !== meta.id) problems.push({ ...at(row.line, 'measure'), expected: `a measure that measures.csv assigns to ${meta.id}`, found: `${describeCell(row.raw.measure)} (assigned to ${measure.dataset})` });
      }
    }
    if (meta.kind === 'observations' || meta.kind === 'spending') {
      for (const row of dataset.rows) {
        if (row.raw.unit && !(meta.units as string[]).includes(row.raw.unit)) problems.push({ ...at(row.line, 'unit'), expected: `one of the units the metadata declares (${meta.units.join(', ')})`, found: describeCell(row.raw.unit) });
      }
    }
  }

  const themes = catalog.get('themes');
  if (themes) {
    for (const row of themes.rows) {
      for (const d of row.raw.datasets?.split(';') ?? []) {
        if (!declared.has(d)) problems.push({ file: themes.path, line: row.line, column: 'datasets', columnNumber: themes.meta.columns.findIndex((c) => c.name === 'datasets') + 1, expected: 'ids of existing datasets', found: describeCell(d) });
      }
    }
  }

  problems.push(...checkClaims(catalog, incomplete).problems);
  return problems;
}
