/**
 * Issue #28: figures are found, not listed. src/figures/index.ts collects `FIGURES` from every file in
 * src/figures/, in `order`; two figures with one id, or one order, fail at once with both files named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFigures, FIGURE_IDS } from '../../src/figures/index.ts';
import type { FigureEntry, FigureParts } from '../../src/figures/types.ts';

const build = (): FigureParts => {
  throw new Error('not built in this test');
};
const entry = (id: string, order: number): FigureEntry => ({ id, order, build });

describe('the figure registry', () => {
  it('finds every figure of every file in src/figures/, in order', () => {
    const folder = join(import.meta.dirname, '../../src/figures');
    const declaring = readdirSync(folder).filter((f) =>
      /export const FIGURES\b/.test(readFileSync(join(folder, f), 'utf8')),
    );
    expect(declaring.length).toBeGreaterThanOrEqual(9);
    expect(FIGURE_IDS[0]).toBe('hate-crime-trend');
    expect(FIGURE_IDS).toHaveLength(15);
  });

  it('sorts by order across files, whatever the file order', () => {
    const found = collectFigures({
      './b.ts': { FIGURES: [entry('late', 20)] },
      './a.ts': { FIGURES: [entry('early', 10)] },
      './helpers.ts': {},
    });
    expect(found.map((e) => e.id)).toEqual(['early', 'late']);
  });

  it('fails on a second figure with the same id, or the same order (broken fixtures)', () => {
    expect(() =>
      collectFigures({ './a.ts': { FIGURES: [entry('x', 1)] }, './b.ts': { FIGURES: [entry('x', 2)] } }),
    ).toThrow('src/figures: two figures with the id "x", in ./a.ts and ./b.ts');
    expect(() => collectFigures({ './a.ts': { FIGURES: [entry('x', 1), entry('y', 1)] } })).toThrow(
      'src/figures: two figures with the order 1, in ./a.ts and ./a.ts',
    );
  });
});
