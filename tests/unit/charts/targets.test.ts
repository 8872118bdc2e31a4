/**
 * Touch targets of every chart the site draws (WCAG 2.2 target size, issue #17): in every figure, view
 * and layout, no two marks' hit areas overlap and each is at least 24 x 24 CSS px at the smallest size
 * the layout is drawn at (tests/support/hit-areas.ts). Broken charts in tests/fixtures/targets/ prove
 * the check fails.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_IDS, getFigure } from '../../../src/figures/index.ts';
import { targetProblems } from '../../support/hit-areas.ts';

const broken = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/targets', name), 'utf8');

describe('the target check fails on broken charts', () => {
  it('two hit areas that overlap', () => {
    expect(targetProblems(broken('overlapping.svg'))).toEqual(['narrow: the targets of "above" and "below" overlap']);
  });
  it('a mark smaller than 24 x 24 px with no hit area', () => {
    expect(targetProblems(broken('small.svg'))).toEqual(['wide: "sliver" target is 5.3 x 17.5 px (at least 24 x 24)']);
  });
});

/** Every SVG a figure shows: each view's layouts, and the per-area parts of a view that has them. */
function svgsOf(id: string): [string, string][] {
  const f = getFigure(id);
  return f.views.flatMap((v) => {
    const sets = v.parts ? v.parts.map((p) => [`${v.id} ${p.facet}`, p.svg] as const) : [[v.id, v.svg] as const];
    return sets.flatMap(([name, svg]) =>
      v.single
        ? [[`${id} ${name}`, svg.wide]]
        : (['wide', 'narrow'] as const).map((l) => [`${id} ${name} ${l}`, svg[l]]),
    ) as [string, string][];
  });
}

describe('every figure on the site', () => {
  it.each(FIGURE_IDS.flatMap(svgsOf))('%s: targets apart and at least 24 x 24 px', (_, svg) => {
    expect(targetProblems(svg)).toEqual([]);
  });
});
