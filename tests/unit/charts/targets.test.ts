/**
 * Touch targets of every chart the site draws (WCAG 2.2 target size, issue #17): in every figure, view
 * and layout, no two marks' hit areas overlap and each is at least 24 x 24 CSS px at the smallest size
 * the layout is drawn at (tests/support/hit-areas.ts). Broken charts in tests/fixtures/targets/ prove
 * the check fails. And honest scales (issue #25): the bar panels a view shows together (its SVG, or
 * its per-area parts side by side) share one scale, or the chart says they do not.
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

/**
 * The scales (`data-scale`, src/charts/bars.ts) of the bar panels drawn together in each view and
 * layout, across its per-area parts: more than one, and no word of it on the chart, is a problem.
 */
function scaleProblems(id: string, override?: (svg: string, where: string) => string): string[] {
  const f = getFigure(id);
  return f.views.flatMap((v) =>
    (['wide', 'narrow'] as const).flatMap((layout) => {
      const where = (facet?: string) => `${v.id}${facet ? ` ${facet}` : ''} ${layout}`;
      const svgs = v.parts
        ? v.parts.map((p) => (override ?? ((s) => s))(p.svg[layout], where(p.facet)))
        : [(override ?? ((s) => s))(v.svg[layout], where())];
      const scales = new Set(svgs.flatMap((s) => [...s.matchAll(/data-scale="([^"]*)"/g)].map((m) => m[1])));
      const says = svgs.some((s) => /own scale|different scales/i.test(s));
      return scales.size > 1 && !says ? [`${id} ${where()}: ${scales.size} scales (${[...scales].join('; ')})`] : [];
    }),
  );
}

describe('bars drawn together share one scale, or say they do not', () => {
  it('every figure, view, layout and area', () => {
    expect(FIGURE_IDS.flatMap((id) => scaleProblems(id))).toEqual([]);
  });
  it('fails when one area of hate crime is drawn on a scale of its own (a broken drawing)', () => {
    const broken = (svg: string, where: string) =>
      where.startsWith('count south') ? svg.replace(/data-scale="[^"]*"/g, 'data-scale="0 to 60"') : svg;
    expect(scaleProblems('hate-crime-trend', broken)).toEqual([
      'hate-crime-trend count wide: 2 scales (0 to 407; 0 to 60)',
      'hate-crime-trend count narrow: 2 scales (0 to 407; 0 to 60)',
    ]);
  });
});
