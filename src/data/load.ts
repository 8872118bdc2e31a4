/**
 * Load and validate every dataset in a data folder: which files are there, metadata, file, rows, keys,
 * then the checks that span datasets (foreign keys, footnotes, units, claims). All problems are
 * collected and reported at once; any problem throws a `DataValidationError`.
 * What is rejected, and the message format: docs/validation.md.
 */
import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { describeColumns } from '../schemas/columns.ts';
import { observationSchemaFor, type DatasetSchema } from '../schemas/index.ts';
import type { DatasetMeta } from '../schemas/meta.ts';
import { rowKey, type Catalog, type LoadedDataset, type LoadedRow } from './catalog.ts';
import { decodeUtf8, parseCsv, type CsvRecord, type CsvResult } from './csv.ts';
import { addDeclaredMeasures } from './declared-measures.ts';
import { checkIntegrity } from './integrity.ts';
import { DATA_SUBFOLDERS, MAX_DATA_FILE_BYTES, OTHER_DATA_FILES, RECORD_FOLDERS } from './inventory.ts';
import { dataFileLimit, MAX_CELL_CHARS, oversize } from './limits.ts';
import { readMeta } from './meta-file.ts';
import { DataValidationError, describeCell, type Problem } from './problems.ts';
import { checkEditionPeriods, checkEditions, deriveSourceDocuments } from './editions.ts';
import { checkProvenance } from './provenance.ts';
import { namedSourceFiles } from './sources.ts';
import { forbiddenCharacter } from './text-cells.ts';

export function displayPath(path: string, root: string = process.cwd()): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}

/** A registry as a Map: only its own keys, so no id from a file can reach `Object.prototype`. */
function asMap(schemas: Record<string, DatasetSchema> | ReadonlyMap<string, DatasetSchema>): ReadonlyMap<string, DatasetSchema> {
  return schemas instanceof Map ? schemas : new Map(Object.entries(schemas));
}

/** `lstat` a path, and say why it cannot be read as a data file (not there, a link, not a regular file). */
function regularFile(path: string, file: string, problems: Problem[], missing: () => Problem): Stats | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    problems.push(missing());
    return undefined;
  }
  if (stats.isSymbolicLink()) problems.push({ file, expected: 'a regular file inside the data folder', found: 'a symbolic link (links are never followed: copy the file in instead)' });
  else if (!stats.isFile()) problems.push({ file, expected: 'a regular file', found: stats.isDirectory() ? 'a folder' : 'a special file' });
  else return stats;
  return undefined;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Check that the column dictionary describes exactly what the row schema enforces. */
function checkDictionary(meta: DatasetMeta, schema: DatasetSchema, file: string, problems: Problem[]): void {
  const declared = describeColumns(schema.shape);
  const names = meta.columns.map((c) => c.name);
  const expectedNames = declared.map((c) => c.name);
  if (meta.kind !== schema.kind) {
    problems.push({ file, column: 'kind', expected: `"${schema.kind}" (a dataset's kind is fixed by its schema in src/schemas/index.ts, not by its metadata)`, found: JSON.stringify(meta.kind) });
  }
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

/** Check the header row against the dictionary; true if the rows can be read. */
function checkHeader(file: string, header: string[], line: number, names: string[], problems: Problem[]): boolean {
  const before = problems.length;
  const firstAt = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    const first = firstAt.get(name);
    if (first === undefined) firstAt.set(name, i + 1);
    else problems.push({ file, line, column: name, columnNumber: i + 1, expected: 'each column name once in the header', found: `${describeCell(name, true)} again (first in column ${first})` });
  }
  if (problems.length > before) return false;
  for (const name of names) {
    if (!header.includes(name)) problems.push({ file, line, column: name, expected: `a column "${name}" (it is in the column dictionary)`, found: 'no such column' });
  }
  for (const [i, name] of header.entries()) {
    if (names.includes(name)) continue;
    const found = name === '' ? 'an empty column name (from a trailing comma?)' : `an unknown column ${describeCell(name, true)}`;
    problems.push({ file, line, column: name, columnNumber: i + 1, expected: 'only columns in the column dictionary', found });
  }
  if (problems.length === before && header.join(',') !== names.join(',')) {
    problems.push({ file, line, expected: `the columns in dictionary order: ${names.join(',')}`, found: header.join(',') });
  }
  return problems.length === before;
}

/** The parsed CSV of a dataset, or undefined (with a problem) when it cannot be read as one. */
function readDataFile(path: string, file: string, meta: DatasetMeta, problems: Problem[]): Extract<CsvResult, { ok: true }> | undefined {
  const stats = regularFile(path, file, problems, () => ({ file, expected: `a data file named ${meta.file} beside its metadata`, found: 'no such file' }));
  if (!stats) return undefined;
  if (stats.size > MAX_DATA_FILE_BYTES) {
    problems.push({ file, expected: `a data file of at most ${mb(MAX_DATA_FILE_BYTES)} (the site's limit: readers download it whole)`, found: `${mb(stats.size)}; not read` });
    return undefined;
  }
  const parsed = parseCsv(file, readFileSync(path));
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return undefined;
  }
  return parsed;
}

/** A record's cells by column name (empty cells undefined), or undefined when a cell is too long or holds a forbidden character. */
function recordCells(file: string, record: CsvRecord, names: string[], problems: Problem[]): Record<string, string | undefined> | undefined {
  const raw: Record<string, string | undefined> = {};
  let clean = true;
  names.forEach((name, i) => {
    const cell = record.cells[i]!;
    raw[name] = cell === '' ? undefined : cell;
    if (cell.length > MAX_CELL_CHARS) {
      problems.push({ file, line: record.line, column: name, columnNumber: i + 1, expected: `a cell of at most ${MAX_CELL_CHARS.toLocaleString('en-GB')} characters (the site's limit, docs/validation.md)`, found: `${cell.length.toLocaleString('en-GB')} characters` });
      clean = false;
      return;
    }
    const bad = forbiddenCharacter(cell);
    if (bad) {
      problems.push({ file, line: record.line, column: name, columnNumber: i + 1, expected: 'text without control or invisible formatting characters', found: `${bad} in ${describeCell(cell)}` });
      clean = false;
    }
  });
  return clean ? raw : undefined;
}

/** One problem per cell the row schema rejects (a failed format check can be followed by a failed range check). */
function schemaProblems(file: string, line: number, issues: readonly { path: readonly PropertyKey[]; message: string }[], raw: Record<string, string | undefined>, meta: DatasetMeta, problems: Problem[]): void {
  const names = meta.columns.map((c) => c.name);
  const asciiOnly = new Map(meta.columns.map((c) => [c.name, c.type !== 'string']));
  const reported = new Set<string>();
  for (const issue of issues) {
    const column = String(issue.path[0] ?? '');
    if (reported.has(column)) continue;
    reported.add(column);
    const index = names.indexOf(column);
    problems.push({
      file,
      line,
      ...(index >= 0 ? { column, columnNumber: index + 1 } : {}),
      expected: issue.message,
      found: describeCell(raw[column], asciiOnly.get(column) ?? true),
    });
  }
}

/**
 * Whether a row's periods lie inside the dataset's period. A row that names its edition is checked
 * against the periods its source covers too (src/data/editions.ts), not here.
 */
function inDatasetPeriod(file: string, line: number, value: unknown, raw: Record<string, string | undefined>, meta: DatasetMeta, problems: Problem[]): boolean {
  const names = meta.columns.map((c) => c.name);
  const periodColumns = meta.columns.filter((c) => c.type === 'period').map((c) => c.name);
  let inPeriod = true;
  for (const column of names.includes('source') ? [] : periodColumns) {
    const p = (value as Record<string, { start: string; end: string } | undefined>)[column];
    if (p && (p.start < meta.period.start || p.end > meta.period.end)) {
      problems.push({ file, line, column, columnNumber: names.indexOf(column) + 1, expected: `a period inside the dataset's period ${meta.period.start} to ${meta.period.end} (${meta.id}.meta.json)`, found: `${describeCell(raw[column])} (${p.start} to ${p.end})` });
      inPeriod = false;
    }
  }
  return inPeriod;
}

/** Validate one record: its cell count, its cells, its schema and its period. The row, or undefined. */
function readRecord(file: string, record: CsvRecord, meta: DatasetMeta, schema: DatasetSchema, problems: Problem[]): LoadedRow | undefined {
  const names = meta.columns.map((c) => c.name);
  if (record.cells.length !== names.length) {
    problems.push({ file, line: record.line, expected: `${names.length} cells (one per column)`, found: `${record.cells.length}` });
    return undefined;
  }
  const raw = recordCells(file, record, names, problems);
  if (!raw) return undefined;
  const result = schema.row.safeParse(raw);
  if (!result.success) {
    schemaProblems(file, record.line, result.error.issues, raw, meta, problems);
    return undefined;
  }
  if (!inDatasetPeriod(file, record.line, result.data, raw, meta, problems)) return undefined;
  return { line: record.line, raw, value: result.data };
}

/** Whether a row's key is new in `seen` (then it is added); a duplicate key is a problem. */
function uniqueKey(file: string, row: LoadedRow, meta: DatasetMeta, seen: Map<string, number>, problems: Problem[]): boolean {
  const key = rowKey(row.raw, meta.primaryKey);
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, row.line);
    return true;
  }
  problems.push({
    file,
    line: row.line,
    column: meta.primaryKey.join('+'),
    columnNumber: meta.columns.map((c) => c.name).indexOf(meta.primaryKey[0]!) + 1,
    expected: `a unique key (${meta.primaryKey.join(', ')})`,
    found: `${describeCell(key)} again (first on line ${first})`,
  });
  return false;
}

/**
 * Load one dataset's file and validate every row; problems go into `problems`. Returns the rows that
 * passed, with `complete: false` when any row failed (checks that rely on every row are then skipped).
 */
export function loadDataset(dataDir: string, meta: DatasetMeta, schema: DatasetSchema, problems: Problem[]): (LoadedDataset & { complete: boolean }) | undefined {
  const path = join(dataDir, meta.file);
  const file = displayPath(path);
  const before = problems.length;
  checkDictionary(meta, schema, displayPath(join(dataDir, `${meta.id}.meta.json`)), problems);
  if (problems.length > before) return undefined;
  const parsed = readDataFile(path, file, meta, problems);
  if (!parsed) return undefined;
  const names = meta.columns.map((c) => c.name);
  if (!parsed.header) {
    problems.push({ file, expected: `a header row (${names.join(',')}) and at least one data row`, found: 'an empty file' });
    return undefined;
  }
  if (!checkHeader(file, parsed.header.cells, parsed.header.line, names, problems)) return undefined;
  if (parsed.records.length === 0) {
    problems.push({ file, line: parsed.header.line, expected: 'at least one data row after the header', found: 'a header only' });
    return undefined;
  }
  const rows: LoadedRow[] = [];
  const seen = new Map<string, number>();
  let complete = true;
  for (const record of parsed.records) {
    const row = readRecord(file, record, meta, schema, problems);
    if (row && uniqueKey(file, row, meta, seen, problems)) rows.push(row);
    else complete = false;
  }
  return { meta, path: file, rows, complete };
}

/** Every entry of the data folder that is not a metadata file or a listed extra, as relative paths. */
function inventory(dataDir: string, problems: Problem[]): { metaFiles: string[]; others: string[]; tooLarge: Set<string> } {
  const metaFiles: string[] = [];
  const others: string[] = [];
  const tooLarge = new Set<string>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = prefix + entry.name;
      const file = displayPath(join(dataDir, rel));
      if (entry.isSymbolicLink()) problems.push({ file, expected: 'a regular file inside the data folder', found: 'a symbolic link (links are never followed: copy the file in instead)' });
      else if (entry.isDirectory()) {
        if (prefix === '' && DATA_SUBFOLDERS.has(entry.name)) walk(join(folder, entry.name), `${rel}/`);
        else if (prefix === '' && RECORD_FOLDERS.has(entry.name)) continue; // checked by src/data/releases.ts
        else problems.push({ file, expected: `only dataset files and ${[...DATA_SUBFOLDERS].map((f) => `${f}/`).join(', ')} in the data folder`, found: 'a folder nobody checks' });
      } else if (!entry.isFile()) problems.push({ file, expected: 'a regular file', found: 'a special file' });
      else if (!rel.endsWith('.csv') || rel.startsWith('source/')) {
        // Data CSVs are measured by loadDataset (with its own message); every other file here.
        const big = oversize(join(folder, entry.name), file, dataFileLimit(rel));
        if (big) {
          problems.push(big);
          tooLarge.add(rel);
        }
      }
      if (!entry.isFile() || entry.isSymbolicLink()) continue;
      if (prefix === '' && entry.name.endsWith('.meta.json')) metaFiles.push(entry.name);
      else if (!OTHER_DATA_FILES.has(rel)) others.push(rel);
    }
  };
  walk(dataDir, '');
  return { metaFiles, others, tooLarge };
}

/**
 * Load every `*.meta.json` in `dataDir` with its data file, validate everything, and return the catalog.
 * Throws one `DataValidationError` listing every problem found.
 */
export function loadCatalog(dataDir: string, schemas: Record<string, DatasetSchema> | ReadonlyMap<string, DatasetSchema>): Catalog {
  const registry = asMap(schemas);
  const problems: Problem[] = [];
  const catalog: Catalog = new Map();
  const incomplete = new Set<string>();
  const { metaFiles, others, tooLarge } = inventory(dataDir, problems);
  const dataFiles = new Set<string>();
  for (const metaFile of metaFiles) {
    const metaPath = join(dataDir, metaFile);
    const file = displayPath(metaPath);
    const id = metaFile.replace(/\.meta\.json$/, '');
    const decoded = tooLarge.has(metaFile) ? undefined : decodeUtf8(file, readFileSync(metaPath));
    const { meta, problems: metaProblems } = !decoded ? { meta: undefined, problems: [] } : decoded.ok ? readMeta(file, decoded.text) : { meta: undefined, problems: [decoded.problem] };
    for (const p of metaProblems) problems.push(p);
    if (!meta) {
      // Its data file is not "a file nobody checks": it waits on this metadata, and so do checks that use it.
      dataFiles.add(`${id}.csv`);
      incomplete.add(id);
      continue;
    }
    dataFiles.add(meta.file);
    if (meta.id !== id) {
      problems.push({ file, column: 'id', expected: `the id "${id}" (the file's name)`, found: JSON.stringify(meta.id) });
      continue;
    }
    // A figure dataset's schema comes from its metadata's units (src/schemas/index.ts); others are registered.
    const schema = registry.get(meta.id) ?? observationSchemaFor(meta);
    if (!schema) {
      problems.push({ file, column: 'id', expected: `a dataset with a row schema in src/schemas (${[...registry.keys()].join(', ')}), or a figure dataset (kind "observations", with units)`, found: JSON.stringify(meta.id) });
      continue;
    }
    const dataset = loadDataset(dataDir, meta, schema, problems);
    if (!dataset) {
      incomplete.add(meta.id);
      continue;
    }
    const { complete, ...loaded } = dataset;
    catalog.set(meta.id, loaded);
    if (!complete) incomplete.add(meta.id);
  }
  // The texts and reading orders data/sources.csv names are checked with it (src/data/sources.ts).
  for (const rel of namedSourceFiles(catalog)) dataFiles.add(rel);
  for (const rel of others) {
    if (dataFiles.has(rel)) continue;
    if (rel.startsWith('source/') && incomplete.has('sources')) continue;
    problems.push({
      file: displayPath(join(dataDir, rel)),
      expected: `only datasets with their <id>.meta.json, and ${[...OTHER_DATA_FILES.keys()].join(', ')} (src/data/inventory.ts)`,
      found: rel.endsWith('.csv') ? 'a data file with no metadata: it would be neither checked nor published' : 'a file nobody checks',
    });
  }
  for (const id of registry.keys()) {
    if (!metaFiles.includes(`${id}.meta.json`)) {
      problems.push({ file: displayPath(join(dataDir, `${id}.meta.json`)), expected: `metadata for the dataset "${id}" (it has a schema)`, found: 'no such file' });
    }
  }
  // A figure dataset's own measures (its metadata's `measures`) join the measures dataset first.
  for (const p of addDeclaredMeasures(catalog, registry.get('measures'), incomplete, displayPath(dataDir))) problems.push(p);
  const declared = new Set(metaFiles.map((f) => f.replace(/\.meta\.json$/, '')));
  // One at a time: spreading a list of many thousand problems into push() overflows the stack.
  for (const p of checkEditionPeriods(catalog)) problems.push(p);
  for (const p of checkIntegrity(catalog, declared, incomplete)) problems.push(p);
  for (const p of checkEditions(catalog)) problems.push(p);
  deriveSourceDocuments(catalog);
  if ([...tooLarge].some((rel) => rel.startsWith('source/'))) problems.push({ file: displayPath(join(dataDir, 'source')), expected: '', note: "sources not checked: the report's files are over their size limit (listed above)" });
  else for (const p of checkProvenance(catalog, dataDir)) problems.push(p);
  // A symbolic link is reported once, though both the folder walk and the dataset's loader see it.
  const unique = [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()];
  if (unique.length > 0) throw new DataValidationError(unique);
  return catalog;
}
