/**
 * Checks that span datasets: foreign keys (`references` in the column dictionary), footnote ids,
 * units agreeing with measures, themes naming real datasets, and the report's stated claims.
 * A dataset that failed to load is skipped here (its own problems are already reported).
 */
import { checkClaims } from './claims.ts';
import type { Catalog, LoadedDataset } from './load.ts';
import { describeCell, type Problem } from './problems.ts';

function ids(dataset: LoadedDataset | undefined): Set<string> | undefined {
  return dataset ? new Set(dataset.rows.map((r) => r.raw.id).filter((x): x is string => x !== undefined)) : undefined;
}

function preview(values: Set<string>): string {
  const list = [...values].sort();
  return list.length <= 6 ? list.join(', ') : `${list.slice(0, 6).join(', ')}, … (${list.length} in all)`;
}

export function checkIntegrity(catalog: Catalog, declared: ReadonlySet<string>): Problem[] {
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
      const known = ids(catalog.get(col.references));
      if (!known) continue;
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

    const measures = catalog.get('measures');
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

  problems.push(...checkClaims(catalog).problems);
  return problems;
}
