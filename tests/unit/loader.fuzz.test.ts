/**
 * Property-based tests of the CSV loader (fast-check). Generated files vary cells, quoting, line ends,
 * BOMs, blank lines, invalid UTF-8, and missing, extra or reordered columns. For every input the loader
 * must either return rows that are exactly the cells written (no coercion, no lost or merged cells), or
 * throw a DataValidationError whose problems each name the file and, for row problems, a real record
 * line and a real column. Any other exception fails. Seed and run count are fixed (override with
 * FUZZ_SEED / FUZZ_RUNS) so the run is bounded and reproducible.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { DataValidationError } from '../../src/data/problems.ts';
import type { DatasetSchema } from '../../src/schemas/index.ts';
import { observationSchema } from '../../src/schemas/observation.ts';
import { areasSchema } from '../../src/schemas/reference.ts';
import { FIXTURES, copyDataDir } from '../support/fixtures.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const schemas = { areas: areasSchema, counts: observationSchema(['count', 'percent'] as const) } as unknown as Record<
  string,
  DatasetSchema
>;
const COLUMNS = ['area', 'period', 'measure', 'value', 'unit', 'status', 'notes', 'source_section'];

/** Values that are valid for each column of the fixture's counts dataset. */
const VALID: Record<string, fc.Arbitrary<string>> = {
  area: fc.constantFrom('worcestershire', 'north-worcestershire', 'south-worcestershire'),
  period: fc.constantFrom('2016/17', '2017/18', '2017-Q1', '2014-02/2015-02'),
  measure: fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,4}){0,2}$/),
  value: fc.nat({ max: 100 }).map(String),
  unit: fc.constant('count'),
  status: fc.constantFrom('reported', 'under-reported', 'snapshot'),
  notes: fc.constantFrom('', 'police-view'),
  source_section: fc.constantFrom('hate-crime-data', 'domestic-abuse-data'),
};

/** Cells chosen to break things: separators, quotes, newlines, padding, exotic numbers, unicode. */
const NASTY = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    ' 12 ',
    '12a',
    '1e3',
    '-4',
    '33.5',
    '0x10',
    '١٢',
    'NaN',
    'Infinity',
    '+5',
    '12,5',
    '"',
    '""',
    'a"b',
    'x,y',
    'line\nbreak',
    'cr\r\nlf',
    '\t',
    '=SUM(A1)',
    '\u202Eevil',
    'Café',
    '2017-18',
    '2017/19',
    'WORCESTERSHIRE',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

interface Spec {
  header: string[];
  rows: string[][];
  quoteAll: boolean;
  eol: '\n' | '\r\n';
  bom: boolean;
  blankLines: number[];
  trailingBlank: number;
  badByteRow: number | undefined;
}

const spec: fc.Arbitrary<Spec> = fc
  .record({
    headerMode: fc.constantFrom('ok', 'ok', 'ok', 'drop', 'extra', 'swap'),
    dropIndex: fc.nat({ max: COLUMNS.length - 1 }),
    rowCount: fc.nat({ max: 6 }),
    quoteAll: fc.boolean(),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    bom: fc.boolean(),
    trailingBlank: fc.nat({ max: 3 }),
    badBytes: fc.boolean(),
  })
  .chain((s) => {
    let header = [...COLUMNS];
    if (s.headerMode === 'drop') header.splice(s.dropIndex, 1);
    if (s.headerMode === 'extra') header = [...header, 'comment'];
    if (s.headerMode === 'swap') [header[0], header[1]] = [header[1]!, header[0]!];
    const cleanRow = fc.tuple(...header.map((name) => VALID[name] ?? NASTY));
    const nastyRow = fc
      .tuple(
        ...header.map((name) =>
          fc.oneof({ weight: 2, arbitrary: VALID[name] ?? NASTY }, { weight: 1, arbitrary: NASTY }),
        ),
        fc.constantFrom(0, 0, 1, -1), // sometimes one cell too many or too few
      )
      .map((cells) => {
        const delta = cells.pop() as number;
        const strs = cells as string[];
        if (delta === 1) strs.push('surplus');
        if (delta === -1) strs.pop();
        return strs;
      });
    // Mostly clean rows, so that whole files are often valid and both outcomes are exercised.
    const row = fc.oneof({ weight: 5, arbitrary: cleanRow.map((c) => [...c]) }, { weight: 1, arbitrary: nastyRow });
    return fc.record({
      header: fc.constant(header),
      rows: fc.array(row, { minLength: s.rowCount, maxLength: s.rowCount }),
      quoteAll: fc.constant(s.quoteAll),
      eol: fc.constant(s.eol),
      bom: fc.constant(s.bom),
      blankLines: fc.array(fc.nat({ max: 6 }), { maxLength: 2 }),
      trailingBlank: fc.constant(s.trailingBlank),
      badByteRow: s.badBytes && s.rowCount > 0 ? fc.nat({ max: s.rowCount - 1 }) : fc.constant(undefined),
    });
  });

function quote(cell: string, all: boolean): string {
  return all || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Serialise a spec; return the bytes and the physical line each data record starts on. */
function serialise(s: Spec): { bytes: Buffer; starts: number[]; rowsWritten: string[][] } {
  const parts: Buffer[] = [];
  let line = 1;
  const starts: number[] = [];
  const rowsWritten: string[][] = [];
  const push = (text: string) => {
    parts.push(Buffer.from(text, 'utf8'));
    line += (text.match(/\n/g) ?? []).length;
  };
  if (s.bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  push(s.header.map((h) => quote(h, s.quoteAll)).join(',') + s.eol);
  s.rows.forEach((cells, i) => {
    if (s.blankLines.includes(i)) push(s.eol);
    // A record whose only cell is empty would be read as a blank line: skip such degenerate rows.
    const written = cells.length === 1 && cells[0] === '' ? ['x'] : cells;
    starts.push(line);
    rowsWritten.push(written);
    const text = written.map((c) => quote(c, s.quoteAll)).join(',');
    if (s.badByteRow === i) {
      parts.push(Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff, 0xfe])]));
      push(s.eol);
    } else {
      push(text + s.eol);
    }
  });
  for (let i = 0; i < s.trailingBlank; i++) push(s.eol);
  return { bytes: Buffer.concat(parts), starts, rowsWritten };
}

describe('loader properties (fast-check)', () => {
  const dir = copyDataDir(join(FIXTURES, 'loader/base'));
  const file = join(dir, 'counts.csv');

  it(
    `never throws anything but a located DataValidationError, and never coerces (${RUNS} runs, seed ${SEED})`,
    { timeout: 120_000 },
    () => {
      let accepted = 0;
      let rejected = 0;
      fc.assert(
        fc.property(spec, (s) => {
          const { bytes, starts, rowsWritten } = serialise(s);
          writeFileSync(file, bytes);
          let catalog;
          try {
            catalog = loadCatalog(dir, schemas);
          } catch (error) {
            if (!(error instanceof DataValidationError)) throw error;
            rejected++;
            for (const p of error.problems) {
              expect(p.file).toMatch(/counts\.csv$/);
              expect(p.expected.length).toBeGreaterThan(0);
              if (p.line !== undefined && p.line > 1 && p.expected !== 'UTF-8 text') expect(starts).toContain(p.line);
              if (p.column !== undefined && p.columnNumber !== undefined && p.line !== undefined && p.line > 1) {
                expect(COLUMNS).toContain(p.column.split('+')[0]);
              }
            }
            return;
          }
          accepted++;
          // Accepted: the header was right, every byte was UTF-8, and each row is exactly what was written.
          expect(s.header).toEqual(COLUMNS);
          expect(s.badByteRow).toBeUndefined();
          const rows = catalog.get('counts')!.rows;
          expect(rows.map((r) => r.line)).toEqual(starts);
          rows.forEach((row, i) => {
            const cells = rowsWritten[i]!;
            COLUMNS.forEach((name, j) => expect(row.raw[name]).toBe(cells[j] === '' ? undefined : cells[j]));
            const value = (row.value as { value: number }).value;
            expect(cells[3]).toMatch(/^\d+(\.\d+)?$/); // never "", " 12 ", "1e3", "0x10"
            expect(value).toBe(Number(cells[3]));
          });
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // The generator must exercise both outcomes, or the property proves little.
      expect(accepted).toBeGreaterThan(RUNS / 20);
      expect(rejected).toBeGreaterThan(RUNS / 4);
    },
  );

  it(
    'accepts every file made only of valid cells, whatever the quoting, line ends, BOM and blank lines',
    { timeout: 120_000 },
    () => {
      const validSpec = fc.record({
        rows: fc.uniqueArray(fc.tuple(...COLUMNS.map((c) => VALID[c]!)), {
          minLength: 1,
          maxLength: 6,
          selector: (r) => `${r[0]}|${r[1]}|${r[2]}`,
        }),
        quoteAll: fc.boolean(),
        eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        bom: fc.boolean(),
        blankLines: fc.array(fc.nat({ max: 6 }), { maxLength: 2 }),
        trailingBlank: fc.nat({ max: 3 }),
      });
      fc.assert(
        fc.property(validSpec, (v) => {
          const { bytes, starts } = serialise({
            ...v,
            header: COLUMNS,
            rows: v.rows.map((r) => [...r]),
            badByteRow: undefined,
          });
          writeFileSync(file, bytes);
          const rows = loadCatalog(dir, schemas).get('counts')!.rows;
          expect(rows.map((r) => r.line)).toEqual(starts);
          expect(rows.map((r) => r.raw.value)).toEqual(v.rows.map((r) => r[3]));
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
      );
    },
  );
});
