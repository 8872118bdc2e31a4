/** The committed datasets: valid, and the checks that span them fail on bad references and wrong claims. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agrees, checkClaims, recompute } from '../../src/data/claims.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { editFile } from '../support/fixtures.ts';
import { problemsAfter } from '../support/broken-copies.ts';

const DATA = resolve(import.meta.dirname, '../../data');

describe('the committed data', () => {
  const catalog = loadCatalog(DATA, DATASET_SCHEMAS);

  it('loads every registered dataset, and the figure datasets by their metadata', () => {
    const registered = Object.keys(DATASET_SCHEMAS);
    const derived = [...catalog.values()].filter((d) => !registered.includes(d.meta.id));
    expect(derived.map((d) => d.meta.kind)).toEqual(derived.map(() => 'observations'));
    expect(derived.length).toBe(6);
    expect([...catalog.keys()].sort()).toEqual([...registered, ...derived.map((d) => d.meta.id)].sort());
  });

  it('passes every stated claim', () => {
    const { results, problems } = checkClaims(catalog);
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(8);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});

describe('cross-dataset checks', () => {
  it('a wrong stated claim fails with the recomputed value', () => {
    const problems = problemsAfter((dir) => editFile(join(dir, 'claims.csv'), ',6.3,', ',6.5,'));
    // Two independent checks catch it: the recomputation, and the report's lines (which print +6.3%).
    expect(problems.map((p) => p.column)).toEqual(['stated_value', 'source_lines']);
    expect(problems[0]).toMatchObject({
      file: expect.stringMatching(/claims\.csv$/),
      column: 'stated_value',
      found: '"6.5"',
    });
    expect(problems[0]!.expected).toMatch(/recomputed percent-change 6\.2893 \(from 318 to 338\) within ±0\.05/);
  });

  it('a claim pointing at a missing row fails', () => {
    const problems = problemsAfter((dir) =>
      editFile(
        join(dir, 'claims.csv'),
        'north-worcestershire|2017/18|hate-offences',
        'north-worcestershire|2019/20|hate-offences',
      ),
    );
    expect(problems.map((p) => p.column)).toEqual(['subject']);
  });

  it('an unknown area id fails with file, line and column', () => {
    const problems = problemsAfter((dir) =>
      editFile(
        join(dir, 'hate-crime.csv'),
        'north-worcestershire,2016/17,hate-offences',
        'west-worcestershire,2016/17,hate-offences',
      ),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/hate-crime\.csv$/),
        line: 2,
        column: 'area',
        columnNumber: 1,
        found: 'the unknown id "west-worcestershire"',
      }),
    );
    // The claim built on that row can no longer find it, and says so too.
    expect(problems.map((p) => p.column).sort()).toEqual(['area', 'baseline']);
  });

  it('an unknown theme id in activities fails', () => {
    const problems = problemsAfter((dir) => {
      const path = join(dir, 'activities.csv');
      const text = readFileSync(path, 'utf8');
      const firstRow = text.split('\n')[1]!;
      const theme = firstRow.split(',')[1]!;
      editFile(path, firstRow, firstRow.replace(`,${theme},`, ',no-such-theme,'));
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/activities\.csv$/),
        line: 2,
        column: 'theme',
        found: 'the unknown id "no-such-theme"',
      }),
    ]);
  });

  it('a unit that disagrees with its measure fails', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'domestic-abuse.csv'), 'dvpos,88,count', 'dvpos,88,percent'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        column: 'unit',
        found: '"percent"',
        expected: expect.stringContaining('"count", the unit of the measure dvpos'),
      }),
      // The report prints 88, not 88%: the row's cited lines disagree with the new unit too.
      expect.objectContaining({ column: 'source_lines', expected: expect.stringContaining('the value 88%') }),
    ]);
  });

  it('an unknown footnote id fails', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'hate-crime.csv'), 'police-under-reporting', 'no-such-note'),
    );
    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 'notes', found: '"no-such-note"' })]);
  });
});

describe('claim arithmetic', () => {
  it('recomputes each kind', () => {
    expect(recompute('percent-change', 338, 318)).toBeCloseTo(6.2893, 4);
    expect(recompute('difference', 10947, 10421)).toBe(526);
    expect(recompute('direction', 555, 709)).toBe(-154);
    expect(recompute('equals', 106000, undefined)).toBe(106000);
  });
  it('allows half the printed rounding and no more', () => {
    const claim = { kind: 'percent-change' as const, stated_value: 6.3, stated_direction: undefined, rounding: 0.1 };
    expect(agrees(claim, 6.2893)).toBe(true);
    expect(agrees(claim, 6.36)).toBe(false);
    expect(agrees({ ...claim, stated_value: 106000, kind: 'equals', rounding: 1000 }, 106400)).toBe(true);
    expect(agrees({ ...claim, stated_value: 106000, kind: 'equals', rounding: 1000 }, 106600)).toBe(false);
  });
  it('checks a stated direction against the sign', () => {
    expect(
      agrees({ kind: 'direction', stated_value: undefined, stated_direction: 'decrease', rounding: undefined }, -154),
    ).toBe(true);
    expect(
      agrees({ kind: 'direction', stated_value: undefined, stated_direction: 'increase', rounding: undefined }, -154),
    ).toBe(false);
    expect(agrees({ kind: 'difference', stated_value: 526, stated_direction: 'decrease', rounding: 1 }, 526)).toBe(
      false,
    );
  });
});
