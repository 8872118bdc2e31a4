/**
 * The "Using the data" recipes (src/data/recipes.ts), run against the built files: the zip the site
 * serves is made (catalogFiles, the same bytes as dist/data/all-data.zip: see datapackage.test.ts),
 * unzipped into a temporary folder, and every snippet marked `tested` is run, for every dataset,
 * exactly as printed on the site (only the file names differ):
 *  - Python's standard library (python3): csv with utf-8-sig, and json;
 *  - Node: d3-dsv on the CSV text with the byte-order mark removed, and JSON.parse;
 *  - DuckDB (the @duckdb/node-api devDependency): read_csv and read_json + unnest;
 *  - jq: the row count and the JSON-to-CSV one-liner.
 * Each result is compared with the validated rows. Excel, Google Sheets, LibreOffice, pandas and R
 * are not on the CI machine; their recipes are not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFiles } from '../../src/data/catalog-files.ts';
import { csvCell, isNumericColumn, jsonCell } from '../../src/data/downloads.ts';
import { getCatalog } from '../../src/data/index.ts';
import { recipesFor, type Recipe, type RecipeFiles } from '../../src/data/recipes.ts';
import { getRelease } from '../../src/data/release.ts';
import { ROOT } from '../support/build-site.ts';

const catalog = getCatalog();
const datasets = [...catalog.values()];
const release = getRelease();
let dir: string;

beforeAll(async () => {
  const { zip } = await catalogFiles(datasets, release, 'https://example.org/data/');
  dir = mkdtempSync(join(tmpdir(), 'wcsn-recipes-'));
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  // Node resolves `import 'd3-dsv'` from the script's folder: give it the project's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const filesFor = (id: string, prefix = 'data/'): RecipeFiles => ({
  id,
  csv: `${prefix}${id}.csv`,
  json: `${prefix}${id}.json`,
  xlsx: 'all-data.xlsx',
});
function snippets(id: string, recipe: Recipe['id'], prefix?: string): string[] {
  const r = recipesFor(filesFor(id, prefix)).find((x) => x.id === recipe)!;
  return r.snippets.filter((s) => s.tested).map((s) => s.code);
}
function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', input, timeout: 30_000 });
  if (result.error)
    throw new Error(`${command} could not run (${result.error.message}); the recipe tests need it on the PATH`);
  expect(result.stderr, `${command} stderr`).toBe('');
  expect(result.status, `${command} exit`).toBe(0);
  return result.stdout;
}
/** The CSV cells of a dataset as text, as the CSV holds them (missing -> ""). */
const csvRows = (id: string) => {
  const { meta, rows } = catalog.get(id)!;
  return rows.map((r) => Object.fromEntries(meta.columns.map((c) => [c.name, csvCell(c, r.raw[c.name])])));
};
const jsonRows = (id: string) => {
  const { meta, rows } = catalog.get(id)!;
  return rows.map((r) => Object.fromEntries(meta.columns.map((c) => [c.name, jsonCell(c, r.raw[c.name])])));
};

describe('the recipes', () => {
  it('are the same nine tools everywhere, and the runnable ones are marked tested', { timeout: 30_000 }, () => {
    const recipes = recipesFor(filesFor('hate-crime'));
    expect(recipes.map((r) => r.id)).toEqual([
      'excel',
      'google-sheets',
      'libreoffice',
      'python',
      'pandas',
      'r',
      'duckdb',
      'jq',
      'javascript',
    ]);
    expect(recipes.flatMap((r) => r.snippets.filter((s) => s.tested).map(() => r.id))).toEqual([
      'python',
      'python',
      'duckdb',
      'duckdb',
      'jq',
      'jq',
      'javascript',
    ]);
    for (const r of recipes) expect(JSON.stringify(r)).not.toContain('undefined');
  });
});

describe('what the recipes guard against', () => {
  it(
    'the same Python recipe with encoding="utf-8" keeps the BOM on the first column name (why utf-8-sig)',
    { timeout: 30_000 },
    () => {
      const [code] = snippets('hate-crime', 'python');
      const broken = code!.replace('encoding="utf-8-sig"', 'encoding="utf-8"');
      expect(broken).not.toBe(code);
      const out = run('python3', [
        '-c',
        `${broken}\nimport json as _j, sys as _s\n_s.stdout.write("\\n@@" + _j.dumps(list(rows[0].keys())))`,
      ]);
      expect(JSON.parse(out.slice(out.indexOf('@@') + 2))[0]).toBe('\ufeffarea');
    },
  );

  it('the Node recipe without removing the BOM gets \\uFEFFarea as the first column name', { timeout: 30_000 }, () => {
    const [code] = snippets('hate-crime', 'javascript');
    const broken = code!.replace(".replace(/^\\uFEFF/, '')", '');
    expect(broken).not.toBe(code);
    const script = join(dir, 'recipe-broken.mjs');
    writeFileSync(script, `${broken}\nprocess.stdout.write('\\n@@' + JSON.stringify(rows.columns));\n`);
    const out = run(process.execPath, [script]);
    expect(JSON.parse(out.slice(out.indexOf('@@') + 2))[0]).toBe('\ufeffarea');
  });
});

describe.each([...catalog.keys()])('%s', (id) => {
  it(
    'Python: csv with utf-8-sig gives the header without a BOM and every cell as in the CSV; json gives typed rows',
    { timeout: 30_000 },
    () => {
      const [csvCode, jsonCode] = snippets(id, 'python');
      const dump = (label: string) =>
        `\nimport json as _j, sys as _s\n_s.stdout.write("\\n@@${label}" + _j.dumps(rows) + "\\n")\n`;
      const out = run('python3', ['-c', `${csvCode}${dump('csv')}${jsonCode}${dump('json')}`]);
      const pick = (label: string) =>
        JSON.parse(
          out
            .split('\n')
            .find((l) => l.startsWith(`@@${label}`))!
            .slice(label.length + 2),
        ) as Array<Record<string, unknown>>;
      const fromCsv = pick('csv');
      expect(Object.keys(fromCsv[0]!)).toEqual(catalog.get(id)!.meta.columns.map((c) => c.name));
      expect(fromCsv).toEqual(csvRows(id));
      expect(pick('json')).toEqual(jsonRows(id));
    },
  );

  it('Node (d3-dsv, BOM removed; JSON.parse) reads both files', { timeout: 30_000 }, () => {
    const [code] = snippets(id, 'javascript');
    const script = join(dir, `recipe-${id}.mjs`);
    writeFileSync(script, `${code}\nprocess.stdout.write('\\n@@' + JSON.stringify({ rows, jsonRows }));\n`);
    const out = run(process.execPath, [script]);
    const parsed = JSON.parse(out.slice(out.indexOf('@@') + 2)) as { rows: unknown[]; jsonRows: unknown[] };
    expect(parsed.rows).toEqual(csvRows(id));
    expect(parsed.jsonRows).toEqual(jsonRows(id));
  });

  it('jq counts the rows and turns the JSON into CSV with the same cells', { timeout: 30_000 }, () => {
    const [count, toCsv] = snippets(id, 'jq');
    expect(run('bash', ['-c', count!]).trim()).toBe(String(catalog.get(id)!.rows.length));
    const parsed = Papa.parse<string[]>(run('bash', ['-c', toCsv!]).trimEnd(), { newline: '\n' });
    expect(parsed.errors).toEqual([]);
    const { meta, rows } = catalog.get(id)!;
    expect(parsed.data[0]).toEqual(meta.columns.map((c) => c.name));
    const cells = parsed.data
      .slice(1)
      .map((r) => r.map((v, i) => (isNumericColumn(meta.columns[i]!) && v !== '' ? Number(v) : v)));
    expect(cells).toEqual(
      rows.map((r) =>
        meta.columns.map((c) =>
          r.raw[c.name] === undefined ? '' : isNumericColumn(c) ? Number(r.raw[c.name]) : r.raw[c.name],
        ),
      ),
    );
  });
});

describe('DuckDB', () => {
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance?.closeSync());

  it.each([...catalog.keys()])(
    '%s: read_csv types number columns as numbers, keeps every other column text, and gives every cell',
    { timeout: 30_000 },
    async (id) => {
      const [sql] = snippets(id, 'duckdb', `${dir}/data/`);
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(sql!);
      const { meta } = catalog.get(id)!;
      expect(reader.columnNames()).toEqual(meta.columns.map((c) => c.name));
      const types = reader.columnTypes().map((t) => t.toString());
      // A column holding only yes (and empty cells) is read as BOOLEAN, as the recipe says: yes -> true.
      const yesNo = new Set(
        meta.columns
          .filter(
            (c) =>
              !isNumericColumn(c) &&
              catalog.get(id)!.rows.every((r) => [undefined, 'yes', 'no'].includes(r.raw[c.name])),
          )
          .map((c) => c.name),
      );
      // A text column holding only years (published in sources: 2018) is read as a number, as the recipe says.
      const yearsOnly = new Set(
        meta.columns
          .filter((c) => !isNumericColumn(c) && catalog.get(id)!.rows.every((r) => /^\d{4}$/.test(r.raw[c.name] ?? '')))
          .map((c) => c.name),
      );
      meta.columns.forEach((c, i) => {
        if (isNumericColumn(c) || yearsOnly.has(c.name))
          expect(types[i], `${c.name} (${c.type})`).toMatch(/^(BIGINT|INTEGER|DOUBLE|DECIMAL.*)$/);
        else expect(types[i], `${c.name} (${c.type})`).toBe(yesNo.has(c.name) ? 'BOOLEAN' : 'VARCHAR');
      });
      const cell = (c: (typeof meta.columns)[number], v: unknown) =>
        v === null
          ? ''
          : isNumericColumn(c)
            ? Number(v)
            : yearsOnly.has(c.name)
              ? String(v)
              : typeof v === 'boolean'
                ? v
                  ? 'yes'
                  : 'no'
                : v;
      const rows = reader
        .getRowObjectsJS()
        .map((r) => Object.fromEntries(meta.columns.map((c) => [c.name, cell(c, r[c.name])])));
      expect(rows).toEqual(
        csvRows(id).map((r) =>
          Object.fromEntries(
            meta.columns.map((c) => [c.name, isNumericColumn(c) && r[c.name] !== '' ? Number(r[c.name]) : r[c.name]]),
          ),
        ),
      );
    },
  );

  it.each([...catalog.keys()])('%s: read_json + unnest gives the JSON rows', { timeout: 30_000 }, async (id) => {
    const [, sql] = snippets(id, 'duckdb', `${dir}/data/`);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql!);
    const { meta } = catalog.get(id)!;
    const rows = reader
      .getRowObjectsJS()
      .map((r) =>
        Object.fromEntries(
          meta.columns.map((c) => [c.name, typeof r[c.name] === 'bigint' ? Number(r[c.name]) : (r[c.name] ?? null)]),
        ),
      );
    expect(rows).toEqual(jsonRows(id));
  });
});
