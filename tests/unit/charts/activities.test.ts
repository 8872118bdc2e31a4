/**
 * The activities overview (src/charts/activities.ts): one layout for every width, counts by theme and
 * period with one square per piece of work coloured by status from the palette ROLES, a legend, no
 * interactive marks; matched against its snapshot. And the explorer's status swatches in CSS use the
 * same colours as ROLES.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { activitiesOverview, overviewCells, type ActivityItem } from '../../../src/charts/activities.ts';
import { ROLES } from '../../../src/charts/palette.ts';
import { compareSnapshot } from '../../support/snapshot.ts';

const gov = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/charts/governance.json'), 'utf8')) as {
  activities: ActivityItem[];
};
const rows = gov.activities;
const options = { id: 'test-activities', title: 'Title of activities', description: 'Summary of activities.' };
const draw = (list: readonly ActivityItem[] = rows, layout: 'wide' | 'narrow' = 'narrow') =>
  activitiesOverview(list, { ...options, layout });

describe('activities overview', () => {
  it('matches its snapshot', () => {
    const result = compareSnapshot('activities-overview', draw());
    expect(result.ok, result.message).toBe(true);
  });
  it('is one layout: the same bytes whatever layout is asked for, every time', () => {
    expect(draw(rows, 'wide')).toBe(draw(rows, 'narrow'));
    expect(draw()).toBe(draw());
    const root = draw().slice(0, draw().indexOf('>'));
    expect(root).toContain('class="chart chart--narrow act-overview"');
    expect(root).toContain('width="300"');
  });
  it('is a named group without styles or interactive marks', () => {
    const svg = draw();
    expect(svg).not.toMatch(/<style|\sstyle="/);
    expect(svg).toContain('role="group"');
    expect(svg).toContain('<title id="test-activities-narrow-title">Title of activities</title>');
    expect(svg).not.toContain('class="mark');
    expect(svg).not.toContain('tabindex');
  });
  it('draws one square per piece of work, coloured by status from ROLES, and the count of each cell', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${draw()}</body></html>`);
    const squares = Array.from(document.querySelectorAll('rect[data-status]'));
    expect(squares).toHaveLength(rows.length);
    for (const sq of squares) {
      const status = sq.getAttribute('data-status') as 'done' | 'underway' | 'planned';
      if (status === 'planned') {
        expect(sq.getAttribute('fill')).toBe('none');
        expect(sq.getAttribute('stroke')).toBe(ROLES.planned.stroke);
      } else expect(sq.getAttribute('fill')).toBe(ROLES[status].fill);
    }
    const text = document.querySelector('svg')!.textContent;
    for (const label of [
      'Done',
      'Under way',
      'Planned or being considered',
      'Listed for 2017/18',
      'Listed for 2018/19',
    ])
      expect(text).toContain(label);
    // Drugs and alcohol: 2017/18 has 2 (done, planned), 2018/19 has 1 (planned).
    const cells = overviewCells(rows).find((r) => r.theme === 'drugs-and-alcohol')!.cells;
    expect(cells.map((c) => c.items.map((i) => i.status))).toEqual([['done', 'done', 'planned'], ['planned']]);
  });
  it('escapes labels as XML so the standalone SVG parses', () => {
    const svg = draw(rows.map((r) => ({ ...r, themeLabel: 'Drink & <drugs>' })));
    expect(svg).toContain('Drink &amp; &lt;drugs&gt;');
  });
});

describe('explorer status swatches', () => {
  it('use the ROLES colours for done and under way, and a hollow square for planned', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../../src/styles/activities.css'), 'utf8').toLowerCase();
    expect(css).toMatch(new RegExp(`\\.act-status--done::before \\{\\s*background: ${ROLES.done.fill.toLowerCase()};`));
    expect(css).toMatch(
      new RegExp(`\\.act-status--underway::before \\{\\s*background: ${ROLES.underway.fill.toLowerCase()};`),
    );
    expect(css).toMatch(/\.act-status--planned::before \{\s*border: 2px solid currentcolor;/);
  });
});
