/**
 * The governance map's narrow-screen panel, edge labels and card placement (docs/governance-map.md):
 * the one-body panel (src/universal/governance-hood.ts) draws the body, then the bodies it answers to, then
 * those it oversees, each row a typed link with its arrow at the real target, text never below 13
 * units on a 300-unit drawing; every link's label has a place off the boxes and off its neighbours'
 * labels (src/charts/governance-labels.ts); the card goes beside the selected body, clear of its
 * links, or nowhere (src/client/governance-place.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { edgeLabels, edgeId } from '../../../src/charts/governance.ts';
import type { Box } from '../../../src/charts/governance-layout.ts';
import {
  governanceData,
  governanceHood,
  type ActivityData,
  type BodyData,
  type LinkData,
} from '../../../src/figures/governance-data.ts';
import { placeCard, meets, overlaps, type CardSpace } from '../../../src/client/governance-place.ts';
import { HOOD_WIDTH, hoodSvg, verbLines, wrapChars, type HoodLink } from '../../../src/universal/governance-hood.ts';
import { compareSnapshot } from '../../support/snapshot.ts';

const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../fixtures/charts/governance-data.json'), 'utf8'),
) as { bodies: BodyData[]; links: LinkData[]; activities: ActivityData[] };
const full = governanceData(fixture.bodies, fixture.links, fixture.activities);

function dom(svg: string): Document {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

const link = (id: string, up: boolean, toOther: boolean, verb = 'oversees'): HoodLink => ({
  id,
  lines: [`Body ${id}`],
  verb,
  up,
  toOther,
  stroke: '#0072B2',
  width: 2,
  arrow: 'M0,0L-10,-5L-10,5Z',
  open: false,
});

describe('one-body panel (narrow screens)', () => {
  const svg = governanceHood(full, 'governance-diagram');

  it('matches the snapshot of the Safer Communities Board panel', () => {
    const result = compareSnapshot('governance-hood', svg);
    expect(result.ok, result.message).toBe(true);
  });

  it('draws one row per link of the body, the bodies it answers to first, each a link to the other body', () => {
    const entry = full.tiers.flatMap((t) => t.bodies).find((b) => b.id === 'safer-communities-board')!;
    const rows = Array.from(dom(svg).querySelectorAll('a.gov-hood-link'));
    expect(rows.map((a) => a.getAttribute('data-key'))).toEqual([...entry.up, ...entry.down].map((l) => l.other));
    for (const a of rows) expect(a.getAttribute('href')).toBe(`#governance-diagram-body-${a.getAttribute('data-key')}`);
    expect(dom(svg).querySelector('a.gov-hood-self')?.getAttribute('href')).toBe(
      '#governance-diagram-body-safer-communities-board',
    );
  });

  it('keeps every text at 13 units or more on a 300-unit drawing (>= 12 px on a 277 px column)', () => {
    const d = dom(svg);
    expect(d.querySelector('svg')!.getAttribute('viewBox')).toMatch(/^0 0 300 /);
    const sizes = Array.from(d.querySelectorAll('text')).map((t) => Number(t.getAttribute('font-size')));
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(13);
    expect((13 * 277) / HOOD_WIDTH).toBeGreaterThanOrEqual(12);
  });

  it('puts the arrow at the real target: the other body, or the spine when the other body acts', () => {
    const { svg: s } = hoodSvg({
      figure: 'f',
      id: 'me',
      lines: ['Me'],
      links: [link('boss', true, false, 'overseen by'), link('team', false, true)],
    });
    const arrows = Array.from(dom(s).querySelectorAll('.gov-arrow')).map((a) => a.getAttribute('transform'));
    expect(arrows[0]).toMatch(/^translate\(14,[\d.]+\) rotate\(180\)$/);
    expect(arrows[1]).toMatch(/^translate\(160,[\d.]+\)$/);
  });

  it('escapes names and keeps to the CSP (no style attributes or elements)', () => {
    const { svg: s } = hoodSvg({ figure: 'f', id: 'x', lines: ['A & <B>'], links: [link('y"z', false, true)] });
    expect(s).toContain('A &amp; &lt;B&gt;');
    expect(s).toContain('data-key="y&quot;z"');
    expect(s).not.toMatch(/<style|\sstyle="|<script/);
  });

  it('breaks long verbs near the middle and wraps the header by characters', () => {
    expect(verbLines('oversees')).toEqual(['oversees']);
    expect(verbLines('hears presentations from')).toEqual(['hears', 'presentations from']);
    expect(verbLines('receives reports from')).toEqual(['receives', 'reports from']);
    expect(wrapChars('Worcestershire Safer Communities Board', 32)).toEqual([
      'Worcestershire Safer Communities',
      'Board',
    ]);
  });
});

describe('edge labels (every link, shown when highlighted)', () => {
  const labels = edgeLabels(full.nodes, full.layout);
  const edges = full.nodes.flatMap((n) =>
    n.links.map((l) => ({ id: edgeId(n.id, l.type, l.to), from: n.id, to: l.to })),
  );

  it('gives every link a label inside the map', () => {
    for (const e of edges) {
      const b = labels[e.id];
      expect(b, e.id).toBeDefined();
      expect(b!.x).toBeGreaterThanOrEqual(0);
      expect(b!.x + b!.width).toBeLessThanOrEqual(full.layout.width);
    }
  });

  const area = (a: Box, b: Box) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  /** Labels on a box, and pairs of labels that clash among one body's links. */
  const problems = (placed: Record<string, Box>) => [
    ...edges.filter((e) => Object.values(full.layout.nodes).some((n) => area(placed[e.id]!, n) > 0)).map((e) => e.id),
    ...edges.flatMap((a, i) =>
      edges
        .slice(i + 1)
        .filter((b) => [a.from, a.to].some((x) => x === b.from || x === b.to))
        .filter((b) => area(placed[a.id]!, placed[b.id]!) > 0)
        .map((b) => `${a.id} / ${b.id}`),
    ),
  ];

  it('keeps labels off the boxes and off each other among the links of any one body', () => {
    expect(problems(labels)).toEqual([]);
  });

  it('the check catches labels put naively at the end of each route (a broken placement)', () => {
    const naive = Object.fromEntries(
      edges.map((e) => {
        const end = full.layout.edges[e.id]!.points.at(-1)!;
        const b = labels[e.id]!;
        return [e.id, { ...b, x: end[0] - b.width / 2, y: end[1] - b.height / 2 }];
      }),
    );
    expect(problems(naive).length).toBeGreaterThan(0);
  });
});

describe('card placement (wide screens)', () => {
  const space: CardSpace = {
    frame: { w: 1000, h: 800 },
    card: { w: 300, h: 200 },
    box: { x: 400, y: 300, w: 120, h: 50 },
    avoid: [{ x: 600, y: 300, w: 120, h: 50 }],
    lines: [[520, 325, 600, 325]],
  };

  it('puts the card beside the box, clear of the box, the linked boxes and the links', () => {
    const at = placeCard(space)!;
    expect(at).not.toBeNull();
    const r = { x: at.x, y: at.y, w: 300, h: 200 };
    expect(overlaps(r, space.box)).toBe(false);
    expect(overlaps(r, space.avoid[0]!)).toBe(false);
    expect(meets(r, space.lines[0]!)).toBe(false);
    expect(at.x + 300).toBeLessThanOrEqual(1000);
    // Beside it: no more than 24 px from the box's edge.
    const gapX = Math.max(r.x - (400 + 120), 400 - (r.x + r.w), 0);
    const gapY = Math.max(r.y - (300 + 50), 300 - (r.y + r.h), 0);
    expect(Math.max(gapX, gapY)).toBeLessThanOrEqual(24);
  });

  it('returns null when no place on the map is free (the card then goes below the map)', () => {
    // A broken space: links cross the whole frame every 100 px, so every place meets one.
    const lines = Array.from({ length: 11 }, (_, i): [number, number, number, number] => [i * 100, 0, i * 100, 800]);
    expect(placeCard({ ...space, lines })).toBeNull();
  });
});
