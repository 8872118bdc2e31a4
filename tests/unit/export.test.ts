/**
 * The download writers: CSV (RFC 4180, BOM, CRLF, formula neutralisation of text cells only) and JSON.
 * Every CSV is read back with Papa Parse, a different parser from the csv-stringify that wrote it
 * and from the csv-parse the loader uses, and must give exactly the validated rows once the documented
 * neutralisation is undone.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../src/data/index.ts';
import { loadDataset } from '../../src/data/load.ts';
import type { LoadedDataset } from '../../src/data/catalog.ts';
import type { Problem } from '../../src/data/problems.ts';
import {
  CSV_BOM,
  csvCell,
  FORMULA_TRIGGERS,
  isNumericColumn,
  neutraliseText,
  restoreText,
  toCsv,
  toJson,
  type ExportableDataset,
} from '../../src/data/downloads.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { datasetMetaSchema } from '../../src/schemas/meta.ts';
import { FIXTURES } from '../support/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RELEASE = { version: '9.8.7', date: '2030-01-02' };

/** Parse a CSV download with Papa Parse: strict about the BOM, CRLF and the final line end. */
function parseDownload(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  // Outside quoted cells, every line end is CRLF: no bare LF or CR between records.
  const body = csv.slice(CSV_BOM.length, -2);
  const result = Papa.parse<string[]>(body, { delimiter: ',', newline: '\r\n', quoteChar: '"', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** Undo the documented neutralisation and turn empty cells back into `undefined`, as the loader does. */
function restoreRows(dataset: ExportableDataset, records: string[][]): Array<Record<string, string | undefined>> {
  const columns = dataset.meta.columns;
  return records.map((cells) =>
    Object.fromEntries(
      columns.map((c, i) => {
        const cell = cells[i]!;
        if (cell === '') return [c.name, undefined];
        return [c.name, isNumericColumn(c) ? cell : restoreText(cell)];
      }),
    ),
  );
}

function injectionDataset(): LoadedDataset {
  const meta = datasetMetaSchema.parse(JSON.parse(readFileSync(join(ROOT, 'data/bodies.meta.json'), 'utf8')));
  const problems: Problem[] = [];
  const dataset = loadDataset(join(FIXTURES, 'injection'), meta, DATASET_SCHEMAS.bodies!, problems);
  expect(problems).toEqual([]);
  return dataset!;
}

describe('formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'quoted", "''quoted"],
    ['Plain text', 'Plain text'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('text %j is written as %j', (text, written) => {
    expect(neutraliseText(text)).toBe(written);
    expect(restoreText(written)).toBe(text);
  });

  it('is exactly reversible and never leaves a trigger first, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), fc.string(), (a, b) => {
        for (const text of [a, b, `=${a}`, `'${b}`, `-${a}`]) {
          const written = neutraliseText(text);
          expect(restoreText(written)).toBe(text);
          expect((FORMULA_TRIGGERS as readonly string[]).includes(written.charAt(0))).toBe(false);
        }
      }),
    );
  });

  it('never alters a number column, negative values included', () => {
    expect(csvCell({ type: 'number' }, '-10.8')).toBe('-10.8');
    expect(csvCell({ type: 'integer' }, '-3')).toBe('-3');
    expect(csvCell({ type: 'number' }, '3780100')).toBe('3780100');
    expect(csvCell({ type: 'string' }, '-10.8')).toBe("'-10.8");
    expect(csvCell({ type: 'string' }, undefined)).toBe('');
  });
});

describe('CSV writer', () => {
  const tiny: ExportableDataset = {
    meta: {
      ...datasetMetaSchema.parse(JSON.parse(readFileSync(join(ROOT, 'data/claims.meta.json'), 'utf8'))),
      columns: [
        { name: 'label', type: 'string', description: 'x', required: true },
        { name: 'value', type: 'number', description: 'x', required: true },
        { name: 'note', type: 'string', description: 'x', required: false },
      ],
    },
    rows: [
      { line: 2, raw: { label: 'comma, "quote"', value: '-10.8', note: undefined }, value: {} },
      { line: 3, raw: { label: 'two\nlines', value: '8.2', note: 'café £5' }, value: {} },
    ],
  };

  it('writes a BOM, a header, CRLF line ends, RFC 4180 quoting and empty cells for missing values', () => {
    expect(toCsv(tiny)).toBe(`${CSV_BOM}label,value,note\r\n"comma, ""quote""",-10.8,\r\n"two\nlines",8.2,café £5\r\n`);
  });

  it('reads back with a different parser to exactly the validated cells', () => {
    const records = parseDownload(toCsv(tiny));
    expect(records[0]).toEqual(['label', 'value', 'note']);
    expect(restoreRows(tiny, records.slice(1))).toEqual(tiny.rows.map((r) => r.raw));
  });
});

describe('round trip of every real dataset', () => {
  const catalog = getCatalog();

  it('covers every dataset', () => {
    expect(catalog.size).toBeGreaterThanOrEqual(15);
  });

  for (const [id, dataset] of catalog) {
    it(`${id}: the CSV parses back to exactly the validated rows`, () => {
      const records = parseDownload(toCsv(dataset));
      expect(records[0]).toEqual(dataset.meta.columns.map((c) => c.name));
      expect(records.slice(1).every((r) => r.length === dataset.meta.columns.length)).toBe(true);
      expect(restoreRows(dataset, records.slice(1))).toEqual(dataset.rows.map((r) => r.raw));
    });

    it(`${id}: the JSON parses back to the validated rows, typed, with the data version`, () => {
      const json = JSON.parse(toJson(dataset, RELEASE)) as {
        dataVersion: string;
        id: string;
        columns: unknown[];
        rows: Array<Record<string, unknown>>;
      };
      expect(json.dataVersion).toBe(RELEASE.version);
      expect(json.id).toBe(id);
      expect(json.columns).toEqual(dataset.meta.columns);
      expect(json.rows).toHaveLength(dataset.rows.length);
      json.rows.forEach((row, i) => {
        const raw = dataset.rows[i]!.raw;
        expect(Object.keys(row)).toEqual(dataset.meta.columns.map((c) => c.name));
        for (const c of dataset.meta.columns) {
          const cell = raw[c.name];
          const value = row[c.name];
          if (cell === undefined) expect(value).toBeNull();
          else if (isNumericColumn(c)) expect(value).toBe(Number(cell));
          else if (c.type === 'id-list') expect(value).toEqual(cell.split(';'));
          else if (c.type === 'boolean') expect(value).toBe(cell === 'yes');
          else expect(value).toBe(cell);
        }
      });
    });
  }

  it('keeps negative numbers as numbers (claims: -10.8 is not neutralised)', () => {
    const csv = toCsv(catalog.get('claims')!);
    expect(csv).toMatch(/,-10\.8,/);
    expect(csv).not.toContain("'-10.8");
  });

  it('writes periods exactly as in the data and no thousands separators', () => {
    const csv = toCsv(catalog.get('spending')!);
    expect(csv).toContain(',2017/18,');
    expect(csv).toMatch(/,3780100,/);
    expect(toCsv(catalog.get('reoffending-cohort')!)).toContain(',2017-Q1,');
    expect(toCsv(catalog.get('alcohol-violence')!)).toContain(',2014-02/2015-02,');
  });
});

describe('an injection fixture comes out inert from the writers', () => {
  const dataset = injectionDataset();

  it('CSV: no text cell starts with a formula trigger, and the labels come back exactly', () => {
    const csv = toCsv(dataset);
    const records = parseDownload(csv);
    const text = dataset.meta.columns.map((c, i) => [c, i] as const).filter(([c]) => !isNumericColumn(c));
    for (const record of records.slice(1)) {
      for (const [, i] of text) {
        expect((FORMULA_TRIGGERS as readonly string[]).includes(record[i]!.charAt(0)), record[i]).toBe(false);
      }
    }
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).toContain(",'+1,");
    expect(csv).toContain(",'-cmd <script>alert(1)</script>,");
    expect(csv).toContain(",'-2+3,");
    expect(csv).toContain(",''=1+1 already starts with a quote,");
    expect(restoreRows(dataset, records.slice(1))).toEqual(dataset.rows.map((r) => r.raw));
  });

  it('JSON: markup is escaped in the bytes, and the values parse back unchanged', () => {
    const json = toJson(dataset, RELEASE);
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    const parsed = JSON.parse(json) as { rows: Array<Record<string, unknown>> };
    expect(parsed.rows.map((r) => r.name)).toEqual(['=HYPERLINK("http://x","y")', '<script>alert(1)</script>']);
    expect(parsed.rows[1]!.short_name).toBe('"><img src=x onerror=alert(1)>');
  });
});
