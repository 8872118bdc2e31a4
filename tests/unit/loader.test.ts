import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { DataValidationError, formatProblem, type Problem } from '../../src/data/problems.ts';
import { observationSchema } from '../../src/schemas/observation.ts';
import { areasSchema } from '../../src/schemas/reference.ts';
import type { DatasetSchema } from '../../src/schemas/index.ts';
import { FIXTURES, copyDataDir } from '../support/fixtures.ts';

const schemas = { areas: areasSchema, counts: observationSchema(['count', 'percent'] as const) } as unknown as Record<
  string,
  DatasetSchema
>;
const BASE = join(FIXTURES, 'loader/base');

/** Load the base fixture with counts.csv replaced by a bad-input case; return the problems (or the catalog). */
function loadCase(name: string) {
  const dir = copyDataDir(BASE);
  copyFileSync(join(FIXTURES, 'loader/cases', `${name}.csv`), join(dir, 'counts.csv'));
  try {
    return { catalog: loadCatalog(dir, schemas), problems: [] as Problem[], dir };
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return { catalog: undefined, problems: [...error.problems], dir, message: error.message };
  }
}

function only(problems: Problem[]): Problem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('loader on the valid fixture', () => {
  it('loads typed rows with their line numbers', () => {
    const catalog = loadCatalog(BASE, schemas);
    const counts = catalog.get('counts')!;
    expect(counts.rows).toHaveLength(6);
    const first = counts.rows[0]!;
    expect(first.line).toBe(2);
    expect(first.value).toMatchObject({
      area: 'north-worcestershire',
      value: 318,
      unit: 'count',
      notes: ['police-view'],
    });
    expect((first.value as { period: { start: string; end: string } }).period).toMatchObject({
      start: '2016-04-01',
      end: '2017-03-31',
    });
    expect((counts.rows[2]!.value as { notes?: unknown }).notes).toBeUndefined();
  });
});

describe('bad inputs fail with file, line, column, expected and found', () => {
  it('wrong type: "12a" in a count', () => {
    const p = only(loadCase('wrong-type').problems);
    expect(p).toMatchObject({
      file: expect.stringMatching(/counts\.csv$/),
      line: 3,
      column: 'value',
      columnNumber: 4,
      found: '"12a"',
    });
    expect(p.expected).toMatch(/plain decimal number/);
  });

  it('empty cell in a count is an error, never a zero', () => {
    const p = only(loadCase('empty-cell').problems);
    expect(p).toMatchObject({ line: 3, column: 'value', found: 'an empty cell' });
  });

  it('missing column', () => {
    const p = only(loadCase('missing-column').problems);
    expect(p).toMatchObject({ line: 1, column: 'value', found: 'no such column' });
  });

  it('extra (unknown) column', () => {
    const p = only(loadCase('extra-column').problems);
    expect(p).toMatchObject({ line: 1, column: 'comment', columnNumber: 9, found: 'an unknown column "comment"' });
  });

  it('empty file', () => {
    const p = only(loadCase('empty-file').problems);
    expect(p.found).toBe('an empty file');
  });

  it('header only', () => {
    const p = only(loadCase('header-only').problems);
    expect(p).toMatchObject({ line: 1, found: 'a header only' });
  });

  it('duplicate key rows name both lines', () => {
    const p = only(loadCase('duplicate-key').problems);
    expect(p).toMatchObject({
      line: 4,
      column: 'area+period+measure',
      found: expect.stringContaining('first on line 2'),
    });
  });

  it('negative count', () => {
    const p = only(loadCase('negative-count').problems);
    expect(p).toMatchObject({
      line: 3,
      column: 'value',
      found: '"-4"',
      expected: expect.stringContaining('whole number of 0 or more'),
    });
  });

  it('non-integer count', () => {
    const p = only(loadCase('non-integer-count').problems);
    expect(p).toMatchObject({
      line: 3,
      column: 'value',
      found: '"33.5"',
      expected: expect.stringContaining('whole number'),
    });
  });

  it('percentage out of range', () => {
    const p = only(loadCase('percent-out-of-range').problems);
    expect(p).toMatchObject({
      line: 3,
      column: 'value',
      found: '"108.2"',
      expected: expect.stringContaining('0 to 100'),
    });
  });

  it('unknown area id (a foreign key)', () => {
    const p = only(loadCase('unknown-area').problems);
    expect(p).toMatchObject({
      line: 3,
      column: 'area',
      columnNumber: 1,
      found: 'the unknown id "west-worcestershire"',
    });
    expect(p.expected).toContain('north-worcestershire');
  });

  it('unknown period format', () => {
    const p = only(loadCase('unknown-period').problems);
    expect(p).toMatchObject({
      line: 3,
      column: 'period',
      found: '"2017-18"',
      expected: expect.stringContaining('2017/18'),
    });
  });

  it('surrounding spaces and exponents are errors, not silently coerced', () => {
    const { problems } = loadCase('spaces-and-exponent');
    expect(problems.map((p) => [p.line, p.column, p.found])).toEqual([
      [3, 'area', '" north-worcestershire"'],
      [3, 'value', '" 12 "'],
      [4, 'value', '"1e3"'],
    ]);
  });

  it('non-UTF-8 bytes name the line', () => {
    const p = only(loadCase('non-utf8').problems);
    expect(p).toMatchObject({ line: 4, expected: 'UTF-8 text' });
  });

  it('reports every problem in a file at once', () => {
    const { problems, message } = loadCase('many-problems');
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual([
      '3:value',
      '4:period',
      '4:value',
      '4:status',
      '5:area+period+measure',
    ]);
    expect(message).toContain('5 problems in 1 file');
    expect(formatProblem(problems[0]!)).toMatch(/counts\.csv:3:4: column "value": expected .*, found "12a"$/);
  });
});

describe('tolerated inputs are normalised and read correctly', () => {
  for (const name of ['utf8-bom', 'crlf', 'trailing-blank-lines']) {
    it(name, () => {
      const { catalog, problems } = loadCase(name);
      expect(problems).toEqual([]);
      const rows = catalog!.get('counts')!.rows;
      expect(rows.map((r) => [r.line, r.raw.area, r.raw.source_section])).toEqual([
        [2, 'north-worcestershire', 'hate-crime-data'],
        [3, 'south-worcestershire', 'hate-crime-data'],
      ]);
    });
  }

  it('a quoted field with commas and a newline keeps later line numbers right', () => {
    const { problems } = loadCase('quoted-newline');
    expect(problems.map((p) => [p.line, p.column, p.found])).toEqual([
      [5, 'measure', 'U+000A (LINE FEED) at character 13 in "bad, measure\\nwith a newline"'],
      [7, 'value', '"40x"'],
    ]);
  });

  it('a quoted CRLF inside a CRLF file does not shift later line numbers (csv-parse over-counts it)', () => {
    const { problems } = loadCase('quoted-crlf');
    expect(problems.map((p) => [p.line, p.column, p.found])).toEqual([
      [3, 'measure', 'U+000D (CARRIAGE RETURN) at character 4 in "two\\r\\nlines"'],
      [5, 'value', '"40x"'],
    ]);
  });
});
