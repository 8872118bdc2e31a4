/**
 * Load and validate every dataset in a data folder: metadata, file, rows, keys, then the checks that
 * span datasets (foreign keys, footnotes, units, claims). All problems are collected and reported at
 * once; any problem throws a `DataValidationError`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeColumns } from '../schemas/columns.ts';
import type { DatasetSchema } from '../schemas/index.ts';
import { datasetMetaSchema, type DatasetMeta } from '../schemas/meta.ts';
import { parseCsv } from './csv.ts';
import { checkIntegrity } from './integrity.ts';
import { DataValidationError, describeCell, type Problem } from './problems.ts';
import { checkProvenance } from './provenance.ts';

export interface LoadedRow<T = Record<string, unknown>> {
  /** Physical line in the file where the row starts. */
  line: number;
  /** The validated cells as written (empty cells as `undefined`): what downloads are made from. */
  raw: Record<string, string | undefined>;
  /** The typed row produced by the dataset's schema. */
  value: T;
}

export interface LoadedDataset<T = Record<string, unknown>> {
  meta: DatasetMeta;
  /** Path of the data file relative to the project root (for messages and source links). */
  path: string;
  rows: LoadedRow<T>[];
}

export type Catalog = Map<string, LoadedDataset>;

export function displayPath(path: string, root: string = process.cwd()): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}

/** Primary-key string of a raw row: key column values joined by `|`. */
export function rowKey(raw: Record<string, string | undefined>, primaryKey: readonly string[]): string {
  return primaryKey.map((k) => raw[k] ?? '').join('|');
}

function loadMeta(metaPath: string, problems: Problem[]): DatasetMeta | undefined {
  const file = displayPath(metaPath);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (error) {
    problems.push({ file, expected: 'valid JSON metadata', found: (error as Error).message });
    return undefined;
  }
  const result = datasetMetaSchema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, column: issue.path.join('.'), expected: `a valid metadata field (${issue.message})` });
    }
    return undefined;
  }
  return result.data;
}

/** Check that the column dictionary describes exactly what the row schema enforces. */
function checkDictionary(meta: DatasetMeta, schema: DatasetSchema, file: string, problems: Problem[]): void {
  const declared = describeColumns(schema.shape);
  const names = meta.columns.map((c) => c.name);
  const expectedNames = declared.map((c) => c.name);
  if (names.join(',') !== expectedNames.join(',')) {
    problems.push({ file, column: 'columns', expected: `the columns ${expectedNames.join(', ')} in that order (the dataset's schema)`, found: names.join(', ') });
    return;
  }
  for (const [i, col] of meta.columns.entries()) {
    const want = declared[i]!;
    if (col.type !== want.type) problems.push({ file, column: `columns.${col.name}.type`, expected: `"${want.type}" (what the schema enforces)`, found: JSON.stringify(col.type) });
    if (col.required !== want.required)
      problems.push({ file, column: `columns.${col.name}.required`, expected: `${want.required} (what the schema enforces)`, found: String(col.required) });
  }
  for (const key of meta.primaryKey) {
    if (!names.includes(key)) problems.push({ file, column: 'primaryKey', expected: 'column names from the dictionary', found: JSON.stringify(key) });
  }
}

/** Load one dataset's file and validate every row; problems go into `problems`. */
export function loadDataset(dataDir: string, meta: DatasetMeta, schema: DatasetSchema, problems: Problem[]): LoadedDataset | undefined {
  const path = join(dataDir, meta.file);
  const file = displayPath(path);
  const before = problems.length;
  checkDictionary(meta, schema, displayPath(join(dataDir, `${meta.id}.meta.json`)), problems);
  if (problems.length > before) return undefined;

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    problems.push({ file, expected: `a data file named ${meta.file} beside its metadata`, found: 'no such file' });
    return undefined;
  }
  const parsed = parseCsv(file, bytes);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return undefined;
  }
  const names = meta.columns.map((c) => c.name);
  if (!parsed.header) {
    problems.push({ file, expected: `a header row (${names.join(',')}) and at least one data row`, found: 'an empty file' });
    return undefined;
  }
  const header = parsed.header.cells;
  const headerLine = parsed.header.line;
  for (const name of names) {
    if (!header.includes(name)) problems.push({ file, line: headerLine, column: name, expected: `a column "${name}" (it is in the column dictionary)`, found: 'no such column' });
  }
  for (const [i, name] of header.entries()) {
    if (!names.includes(name)) problems.push({ file, line: headerLine, column: name, columnNumber: i + 1, expected: 'only columns in the column dictionary', found: `an unknown column ${describeCell(name)}` });
  }
  if (problems.length === before && header.join(',') !== names.join(',')) {
    problems.push({ file, line: headerLine, expected: `the columns in dictionary order: ${names.join(',')}`, found: header.join(',') });
  }
  if (problems.length > before) return undefined;
  if (parsed.records.length === 0) {
    problems.push({ file, line: headerLine, expected: 'at least one data row after the header', found: 'a header only' });
    return undefined;
  }

  const rows: LoadedRow[] = [];
  const seen = new Map<string, number>();
  for (const record of parsed.records) {
    if (record.cells.length !== names.length) {
      problems.push({ file, line: record.line, expected: `${names.length} cells (one per column)`, found: `${record.cells.length}` });
      continue;
    }
    const raw: Record<string, string | undefined> = {};
    names.forEach((name, i) => {
      const cell = record.cells[i]!;
      raw[name] = cell === '' ? undefined : cell;
    });
    const result = schema.row.safeParse(raw);
    if (!result.success) {
      const reported = new Set<string>();
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? '');
        // One problem per cell: a failed format check can be followed by a failed range check.
        if (reported.has(column)) continue;
        reported.add(column);
        const index = names.indexOf(column);
        problems.push({
          file,
          line: record.line,
          ...(index >= 0 ? { column, columnNumber: index + 1 } : {}),
          expected: issue.message,
          found: describeCell(raw[column]),
        });
      }
      continue;
    }
    const key = rowKey(raw, meta.primaryKey);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line: record.line,
        column: meta.primaryKey.join('+'),
        columnNumber: names.indexOf(meta.primaryKey[0]!) + 1,
        expected: `a unique key (${meta.primaryKey.join(', ')})`,
        found: `${JSON.stringify(key)} again (first on line ${first})`,
      });
      continue;
    }
    seen.set(key, record.line);
    rows.push({ line: record.line, raw, value: result.data });
  }
  return { meta, path: file, rows };
}

/**
 * Load every `*.meta.json` in `dataDir` with its data file, validate everything, and return the catalog.
 * Throws one `DataValidationError` listing every problem found.
 */
export function loadCatalog(dataDir: string, schemas: Record<string, DatasetSchema>): Catalog {
  const problems: Problem[] = [];
  const catalog: Catalog = new Map();
  const metaFiles = readdirSync(dataDir)
    .filter((f) => f.endsWith('.meta.json'))
    .sort();
  for (const metaFile of metaFiles) {
    const metaPath = join(dataDir, metaFile);
    const meta = loadMeta(metaPath, problems);
    if (!meta) continue;
    const file = displayPath(metaPath);
    if (`${meta.id}.meta.json` !== metaFile) {
      problems.push({ file, column: 'id', expected: `the id "${metaFile.replace(/\.meta\.json$/, '')}" (the file's name)`, found: JSON.stringify(meta.id) });
      continue;
    }
    const schema = schemas[meta.id];
    if (!schema) {
      problems.push({ file, column: 'id', expected: `a dataset with a row schema in src/schemas (${Object.keys(schemas).join(', ')})`, found: JSON.stringify(meta.id) });
      continue;
    }
    const dataset = loadDataset(dataDir, meta, schema, problems);
    if (dataset) catalog.set(meta.id, dataset);
  }
  for (const id of Object.keys(schemas)) {
    if (!metaFiles.includes(`${id}.meta.json`)) {
      problems.push({ file: displayPath(join(dataDir, `${id}.meta.json`)), expected: `metadata for the dataset "${id}" (it has a schema)`, found: 'no such file' });
    }
  }
  const declared = new Set(metaFiles.map((f) => f.replace(/\.meta\.json$/, '')));
  problems.push(...checkIntegrity(catalog, declared));
  problems.push(...checkProvenance(catalog, dataDir));
  if (problems.length > 0) throw new DataValidationError(problems);
  return catalog;
}
