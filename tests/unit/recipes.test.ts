/**
 * The "Using the data" recipes (src/data/recipes.ts), run as printed in a fresh folder holding the
 * files under the names the site serves them with: the names a browser saves (the links' `download`
 * attribute) and `curl -O` gives, listed in /data/SHA256SUMS (catalogFiles: the same bytes as dist/data/,
 * see datapackage.test.ts). Every snippet marked `tested` is run, for every table, exactly as printed
 * (the file names are the dataset's own):
 *  - Python's standard library (python3): csv with utf-8-sig, and json;
 *  - Node: the set-up steps as printed (npm init -y, npm pkg set type=module, npm install d3-dsv: a
 *    real install from the npm registry, once per run, into the fresh folder; npm's cache makes later
 *    runs fast), then index.js saved as printed and run with `node index.js`;
 *  - DuckDB (the @duckdb/node-api devDependency): read_csv and read_json + unnest;
 *  - jq: the row count and the JSON-to-CSV one-liner.
 * Each result is compared with the validated rows. The zip's README recipes are run from inside the
 * folder the zip unpacks into. Excel, Google Sheets, LibreOffice, pandas, pyarrow and R are not on
 * the CI machine; their recipes are not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipFolder } from '../../src/data/bundle.ts';
import { catalogFiles, downloadTables, downloadsSha256sums } from '../../src/data/catalog-files.ts';
import { csvCell, isNumericColumn, jsonCell, type ExportableDataset } from '../../src/data/downloads.ts';
import { getCatalog } from '../../src/data/index.ts';
import { numberColumns, recipesFor, type Recipe, type RecipeFiles } from '../../src/data/recipes.ts';
import { getRelease } from '../../src/data/release.ts';
import { sourceFileOf } from '../../src/data/source.ts';

const release = getRelease();
const tables = downloadTables([...getCatalog().values()], release);
const catalog = new Map<string, ExportableDataset>(tables.map((d) => [d.meta.id, d]));
let dir: string;
let zipDir: string;
let served: string[];

beforeAll(async () => {
  const files = await catalogFiles([...getCatalog().values()], release, 'https://example.org/data/');
  // The fresh folder: every file of /data/ under the name /data/SHA256SUMS lists (its name on the site).
  served = downloadsSha256sums(files)
    .trimEnd()
    .split('\n')
    .map((l) => l.slice(66));
  dir = mkdtempSync(join(tmpdir(), 'wcsn-recipes-'));
  const bytes = new Map<string, Uint8Array>([
    ['all-data.zip', files.zip],
    ['all-data.xlsx', files.workbook],
    ['datapackage.json', files.datapackageFlat],
    ...files.sources.map((t) => [t.file, t.bytes] as const),
    ...[...files.datasets].flatMap(([id, f]) => [[`${id}.csv`, f.csv] as const, [`${id}.json`, f.json] as const]),
  ]);
  for (const name of served) writeFileSync(join(dir, name), bytes.get(name)!);
  // The Node recipe's set-up steps, as printed, in the fresh folder.
  const [setup] = snippets('hate-crime', 'javascript');
  const done = setUp(setup!, dir);
  if (done.status !== 0) throw new Error(`the Node recipe's set-up failed:\n${done.stdout}\n${done.stderr}`);
  expect(existsSync(join(dir, 'node_modules', 'd3-dsv'))).toBe(true);
  zipDir = mkdtempSync(join(tmpdir(), 'wcsn-recipes-zip-'));
  for (const [name, data] of Object.entries(unzipSync(files.zip))) {
    mkdirSync(dirname(join(zipDir, name)), { recursive: true });
    writeFileSync(join(zipDir, name), data);
  }
}, 180_000);
afterAll(() => {
  for (const d of [dir, zipDir]) if (d) rmSync(d, { recursive: true, force: true });
});

/** The files as a reader has them after downloading: the site's names (what the pages print). */
const filesFor = (id: string, prefix = ''): RecipeFiles => ({
  id,
  csv: `${prefix}${id}.csv`,
  json: `${prefix}${id}.json`,
  xlsx: 'all-data.xlsx',
  numberColumns: numberColumns(catalog.get(id)!.meta),
});
function snippets(id: string, recipe: Recipe['id'], prefix?: string): string[] {
  const r = recipesFor(filesFor(id, prefix)).find((x) => x.id === recipe)!;
  return r.snippets.filter((s) => s.tested).map((s) => s.code);
}
/** Run set-up commands (npm writes progress to stderr, so only the exit status counts). */
function setUp(commands: string, cwd: string) {
  return spawnSync('bash', ['-e', '-c', commands], { cwd, encoding: 'utf8', timeout: 150_000 });
}
function run(command: string, args: string[], input?: string, cwd = dir): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', input, timeout: 120_000 });
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

describe('file names', () => {
  it('every file a recipe opens is in the folder under the name the site serves (= curl -O name = saved name)', () => {
    for (const id of catalog.keys()) {
      const f = filesFor(id);
      for (const name of [f.csv, f.json, f.xlsx]) expect(served, `${id}: ${name}`).toContain(name);
    }
    expect(served).toContain('all-observations.csv');
    expect(served).toContain(sourceFileOf(join(import.meta.dirname, '../../data')));
    // The old suggested names (hate-crime-v2.1.0.csv) are gone: a recipe using them would not find the file.
    expect(served.filter((n) => /-v\d+\.\d+\.\d+\./.test(n))).toEqual([]);
  });
});

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
      'javascript',
      'javascript',
    ]);
    // The Node recipe prints its set-up steps, the file name to save the script as, and the command.
    const node = recipes.find((r) => r.id === 'javascript')!;
    expect(node.snippets.map((x) => x.file ?? x.code.split('\n')[0])).toEqual([
      'npm init -y',
      'index.js',
      'node index.js',
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
    const [, code] = snippets('hate-crime', 'javascript');
    const broken = code!.replace(".replace(/^\\uFEFF/, '')", '');
    expect(broken).not.toBe(code);
    writeFileSync(join(dir, 'index.js'), `${broken}\nprocess.stdout.write('\\n@@' + JSON.stringify(rows.columns));\n`);
    const out = run('bash', ['-c', 'node index.js']);
    expect(JSON.parse(out.slice(out.indexOf('@@') + 2))[0]).toBe('\ufeffarea');
  });

  it(
    'the Node recipe set up without "type": "module" does not run cleanly (the failure the set-up step prevents)',
    { timeout: 120_000 },
    () => {
      const [setup, code, command] = snippets('hate-crime', 'javascript');
      const broken = setup!.replace('npm pkg set type=module\n', '');
      expect(broken).not.toBe(setup);
      const fresh = mkdtempSync(join(tmpdir(), 'wcsn-recipes-cjs-'));
      try {
        writeFileSync(join(fresh, 'hate-crime.csv'), readFileSync(join(dir, 'hate-crime.csv')));
        writeFileSync(join(fresh, 'hate-crime.json'), readFileSync(join(dir, 'hate-crime.json')));
        expect(setUp(broken, fresh).status).toBe(0);
        writeFileSync(join(fresh, 'index.js'), code!);
        const result = spawnSync('bash', ['-c', command!], { cwd: fresh, encoding: 'utf8', timeout: 30_000 });
        // Node fails on the import (or, where it guesses the module type, warns): not a clean run.
        expect(result.status !== 0 || result.stderr !== '').toBe(true);
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    },
  );
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

  it(
    'Node: index.js saved as printed in the set-up folder runs with the printed command and reads both files',
    { timeout: 30_000 },
    () => {
      const [, code, command] = snippets(id, 'javascript');
      writeFileSync(
        join(dir, 'index.js'),
        `${code}\nprocess.stdout.write('\\n@@' + JSON.stringify({ rows, jsonRows }));\n`,
      );
      const out = run('bash', ['-c', command!]);
      const parsed = JSON.parse(out.slice(out.indexOf('@@') + 2)) as { rows: unknown[]; jsonRows: unknown[] };
      expect(parsed.rows).toEqual(csvRows(id));
      expect(parsed.jsonRows).toEqual(jsonRows(id));
    },
  );

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
      const [sql] = snippets(id, 'duckdb', `${dir}/`);
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
              catalog.get(id)!.rows.some((r) => r.raw[c.name] !== undefined) &&
              catalog.get(id)!.rows.every((r) => [undefined, 'yes', 'no'].includes(r.raw[c.name])),
          )
          .map((c) => c.name),
      );
      // A column holding only ISO dates (the period dates of all-observations and periods) is read as DATE.
      const isoDates = new Set(
        meta.columns
          .filter(
            (c) =>
              catalog.get(id)!.rows.some((r) => r.raw[c.name] !== undefined) &&
              catalog
                .get(id)!
                .rows.every((r) => r.raw[c.name] === undefined || /^\d{4}-\d{2}-\d{2}$/.test(r.raw[c.name]!)),
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
        else
          expect(types[i], `${c.name} (${c.type})`).toBe(
            yesNo.has(c.name) ? 'BOOLEAN' : isoDates.has(c.name) ? 'DATE' : 'VARCHAR',
          );
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
                : v instanceof Date
                  ? v.toISOString().slice(0, 10)
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
    const [, sql] = snippets(id, 'duckdb', `${dir}/`);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql!);
    const { meta } = catalog.get(id)!;
    const rows = reader.getRowObjectsJS().map((r) =>
      Object.fromEntries(
        meta.columns.map((c) => {
          const v = r[c.name];
          return [
            c.name,
            typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null),
          ];
        }),
      ),
    );
    expect(rows).toEqual(jsonRows(id));
  });
});

describe("the zip's README", () => {
  it('its recipes run as printed from inside the one folder the zip unpacks into', { timeout: 30_000 }, () => {
    const folder = join(zipDir, zipFolder(release.version));
    expect(existsSync(folder)).toBe(true);
    const [csvCode] = snippets('hate-crime', 'python', 'data/');
    const out = run(
      'python3',
      ['-c', `${csvCode}\nimport json as _j, sys as _s\n_s.stdout.write("\\n@@" + _j.dumps(rows))`],
      undefined,
      folder,
    );
    expect(JSON.parse(out.slice(out.indexOf('@@') + 2))).toEqual(csvRows('hate-crime'));
  });
});
