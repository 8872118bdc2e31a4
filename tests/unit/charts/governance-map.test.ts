/**
 * The governance map: the ELK layout (deterministic, tiers as bands top to bottom, every body placed
 * and every link routed), the drawing (snapshots of the full map and a theme-narrowed map; typed,
 * directed edges; inferred links dashed; the focus body's links labelled), the data behind the card
 * and list (whom a body answers to, whom it oversees, its work, passage links) and the URL helper.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { edgeId, governanceMap, mapLayoutInput, type GovNode } from '../../../src/charts/governance.ts';
import { compactLayout, layoutStats } from '../../../src/charts/governance-compact.ts';
import { layoutGovernance, type GovLayout } from '../../../src/charts/governance-layout.ts';
import { basisOf, EDGE_KINDS } from '../../../src/charts/governance-style.ts';
import {
  governanceData,
  governanceSvg,
  type ActivityData,
  type BodyData,
  type LinkData,
} from '../../../src/figures/governance-data.ts';
import { sourceHrefIfCited } from '../../../src/lib/source-links.ts';
import { compareSnapshot } from '../../support/snapshot.ts';

const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../fixtures/charts/governance-data.json'), 'utf8'),
) as { bodies: BodyData[]; links: LinkData[]; activities: ActivityData[] };
const options = { id: 'test-governance-map', title: 'Who does what', description: 'Summary of the map.' };
const full = governanceData(fixture.bodies, fixture.links, fixture.activities);
const pcc = governanceData(fixture.bodies, fixture.links, fixture.activities, 'pcc-and-panel');

function dom(svg: string): Document {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

describe('governance layout (ELK)', () => {
  it('lays out each input on its own: two maps with the same theme and different bodies in one file', () => {
    const gone = full.nodes.at(-1)!.id;
    const fewer = governanceData(
      fixture.bodies.filter((b) => b.id !== gone),
      fixture.links.filter((l) => l.from_body !== gone && l.to_body !== gone),
      fixture.activities,
    );
    expect(Object.keys(full.layout.nodes)).toContain(gone);
    expect(Object.keys(fewer.layout.nodes)).not.toContain(gone);
    expect(Object.keys(fewer.layout.nodes)).toHaveLength(Object.keys(full.layout.nodes).length - 1);
  });

  it('gives the same coordinates on every call', () => {
    const input = mapLayoutInput(full.nodes, 'safer-communities-board');
    const a = layoutGovernance(input.nodes, input.edges);
    const b = layoutGovernance(input.nodes, input.edges);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a).sort()).toEqual(['edges', 'height', 'nodes', 'width']);
  });

  it('places every body, routes every link, and keeps the tiers in order from national down', () => {
    const { layout, nodes } = full;
    for (const n of nodes) expect(layout.nodes[n.id], n.id).toBeDefined();
    const edgeCount = nodes.reduce((s, n) => s + n.links.length, 0);
    expect(Object.keys(layout.edges)).toHaveLength(edgeCount);
    for (const e of Object.values(layout.edges)) expect(e.points.length).toBeGreaterThanOrEqual(2);
    const order = ['national', 'west-mercia', 'county', 'local', 'other'];
    const tiers = order
      .map((t) => nodes.filter((n) => n.lane === t).map((n) => layout.nodes[n.id]!))
      .filter((t) => t.length);
    for (let i = 1; i < tiers.length; i++) {
      const above = Math.max(...tiers[i - 1]!.map((b) => b.y + b.height));
      const below = Math.min(...tiers[i]!.map((b) => b.y));
      expect(below).toBeGreaterThan(above);
    }
  });

  it('routes each edge from its real source to its real target, also when laid out reversed', () => {
    const { layout } = full;
    const id = 'worcestershire-forum-against-domestic-abuse--reports-to--safer-communities-board';
    const route = layout.edges[id]!.points;
    const target = layout.nodes['safer-communities-board']!;
    const end = route[route.length - 1]!;
    // The arrow's tip touches the board's box.
    expect(end[0]).toBeGreaterThanOrEqual(target.x - 1);
    expect(end[0]).toBeLessThanOrEqual(target.x + target.width + 1);
    expect(Math.min(Math.abs(end[1] - target.y), Math.abs(end[1] - target.y - target.height))).toBeLessThanOrEqual(1);
  });
});

describe('governance map SVG', () => {
  const svg = governanceSvg(full, options);
  const narrowed = governanceSvg(pcc, { ...options, id: 'test-governance-map-pcc' });

  it('matches the snapshots (full map and a theme-narrowed map)', () => {
    for (const [name, s] of [
      ['governance-map', svg],
      ['governance-map-pcc', narrowed],
    ] as const) {
      const result = compareSnapshot(name, s);
      expect(result.ok, result.message).toBe(true);
    }
  });

  it('renders the same bytes every time', () => {
    expect(governanceSvg(full, options)).toBe(svg);
    expect(governanceMap(full.nodes, full.layout, { ...options, layout: 'wide' })).toBe(
      governanceMap(full.nodes, full.layout, { ...options, layout: 'wide' }),
    );
  });

  it('keeps to the CSP and accessibility rules', () => {
    for (const s of [svg, narrowed]) {
      expect(s).not.toMatch(/<style|\sstyle="/);
      const d = dom(s);
      const marks = Array.from(d.querySelectorAll('.mark'));
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) {
        expect(m.getAttribute('aria-label')).toBeTruthy();
        expect(m.closest('[aria-hidden="true"]')).toBeNull();
      }
    }
  });

  it('draws one box per body and one typed, directed edge per link, dashed only when inferred', () => {
    const d = dom(svg);
    expect(d.querySelectorAll('.gov-node')).toHaveLength(full.nodes.length);
    const edges = Array.from(d.querySelectorAll('.gov-edge'));
    expect(edges).toHaveLength(full.links.length);
    for (const e of edges) {
      const type = e.getAttribute('data-type')!;
      const line = e.querySelector('.gov-line')!;
      expect(line.getAttribute('stroke')).toBe(EDGE_KINDS[type]!.colour);
      expect(e.querySelector('.gov-arrow')).not.toBeNull();
      const inferred = e.getAttribute('data-basis') === 'inferred';
      expect(line.hasAttribute('stroke-dasharray')).toBe(inferred);
    }
    expect(edges.filter((e) => e.getAttribute('data-basis') === 'inferred')).toHaveLength(1);
  });

  it('draws and labels the Safer Communities Board links without JavaScript; other links stay faint, their labels ready for a selection', () => {
    const d = dom(svg);
    const edges = Array.from(d.querySelectorAll('.gov-edge'));
    const scb = edges.filter(
      (e) =>
        e.getAttribute('data-from') === 'safer-communities-board' ||
        e.getAttribute('data-to') === 'safer-communities-board',
    );
    expect(scb.length).toBeGreaterThan(0);
    for (const e of scb) {
      expect(e.classList.contains('is-focus')).toBe(true);
      expect(e.getAttribute('opacity')).toBeNull();
      expect(e.querySelector('.gov-edge-label')?.textContent).toBe(EDGE_KINDS[e.getAttribute('data-type')!]!.active);
    }
    for (const e of edges.filter((x) => !scb.includes(x))) {
      expect(e.getAttribute('opacity')).toBe('0.35');
      expect(e.classList.contains('is-focus')).toBe(false);
      // Hidden by govmap.css until a selection highlights the link.
      expect(e.querySelector('.gov-edge-label')?.textContent).toBe(EDGE_KINDS[e.getAttribute('data-type')!]!.active);
    }
  });

  it('labels each tier band', () => {
    const labels = Array.from(dom(svg).querySelectorAll('.gov-tier-label')).map((t) => t.textContent);
    expect(labels).toEqual(['National', 'West Mercia', 'County', 'Local', 'Other']);
  });
});

describe('governance data (card and list)', () => {
  it('narrows a theme to its own bodies and the links between them (no body linked only through a busy one)', () => {
    const ids = pcc.nodes.map((n) => n.id).sort();
    // Only the bodies that work on the theme: the bodies public health links to elsewhere (the Prevent
    // group, the Safer Communities Board, the domestic abuse forum) are not on the PCC page (#14 item 8).
    expect(ids).toEqual([...pcc.core].sort());
    expect(pcc.nodes.map((n) => n.id)).not.toContain('prevent-strategy-group');
    expect(pcc.nodes.map((n) => n.id)).not.toContain('home-office');
    expect(pcc.focus).toBe('west-mercia-pcp');
    expect(full.focus).toBe('safer-communities-board');
    for (const l of pcc.links) expect(pcc.core.has(l.from_body) && pcc.core.has(l.to_body)).toBe(true);
  });

  it('sorts a body’s links into whom it answers to and whom it oversees, leads or hears from', () => {
    const entry = full.tiers.flatMap((t) => t.bodies).find((b) => b.id === 'safer-communities-board')!;
    expect(entry.down.map((l) => `${l.verb} ${l.other}`)).toEqual(
      expect.arrayContaining([
        'oversees worcestershire-forum-against-domestic-abuse',
        'receives reports from prevent-strategy-group',
        'receives reports from north-worcestershire-csp',
      ]),
    );
    expect(entry.up.map((l) => `${l.verb} ${l.other}`)).toEqual(
      expect.arrayContaining(['led by wcc-public-health', 'chaired by director-of-public-health']),
    );
    expect(entry.down.find((l) => l.other === 'north-worcestershire-csp')!.basis).toBe('inferred');
    expect(entry.down.find((l) => l.other === 'prevent-strategy-group')!.basis).toBe('stated');
  });

  it('lists the work the report credits to a body, linked to its passage when the lines are known', () => {
    const all = full.tiers.flatMap((t) => t.bodies);
    const credited = fixture.activities.map((a) => a.body);
    for (const b of all)
      expect(b.work.map((w) => w.id)).toEqual(fixture.activities.filter((a) => a.body === b.id).map((a) => a.id));
    expect(credited.length).toBeGreaterThan(0);
    const first = all.flatMap((b) => b.work).find((w) => w.id === fixture.activities[0]!.id)!;
    expect(first.href).toBe('/sources/community-safety-overview-2018/#L120-L121');
    expect(all.flatMap((b) => b.work).filter((w) => w.href)).toHaveLength(1);
    // Each piece of work keeps its basis, and an inferred one its note (the list marks it "our reading").
    for (const w of all.flatMap((b) => b.work)) {
      const row = fixture.activities.find((a) => a.id === w.id)!;
      expect(w.basis).toBe(row.basis === 'inferred' ? 'inferred' : 'stated');
      expect(w.note).toBe(row.basis === 'inferred' ? row.basis_note : '');
    }
    expect(all.flatMap((b) => b.work).filter((w) => w.basis === 'inferred')).toHaveLength(1);
  });

  it('names every kind of link the map draws, in legend order', () => {
    expect(full.kinds).toEqual(Object.keys(EDGE_KINDS).filter((k) => full.links.some((l) => l.type === k)));
    expect(full.anyInferred).toBe(true);
    expect(pcc.anyInferred).toBe(false);
  });
});

describe('basis and passage links', () => {
  it('reads a missing basis as stated', () => {
    expect(basisOf(undefined)).toBe('stated');
    expect(basisOf('')).toBe('stated');
    expect(basisOf('stated')).toBe('stated');
    expect(basisOf('inferred')).toBe('inferred');
  });

  it.each([
    ['12', '#L12'],
    ['12-15', '#L12-L15'],
    ['30;40-41', '#L30'],
    ['5-5', '#L5'],
  ])('source_lines %j -> %s', (value, anchor) => {
    expect(sourceHrefIfCited(value)).toBe(`/sources/community-safety-overview-2018/${anchor}`);
  });

  it.each([undefined, null, '', 'p12', '9-3', '0', 'L12'])('no link for %j', (value) => {
    expect(sourceHrefIfCited(value)).toBeUndefined();
  });
});

// The rows the chart function takes are the ones the data module builds.
const _typecheck: GovNode[] = full.nodes;
void _typecheck;

describe('sideways compaction', () => {
  const input = mapLayoutInput(full.nodes, 'safer-communities-board');
  const raw = layoutGovernance(input.nodes, input.edges);
  const compacted = compactLayout(raw);

  /** Route pieces that run through the inside of a box (not just touching its edge). */
  function throughBoxes(layout: GovLayout): string[] {
    const out: string[] = [];
    for (const [id, e] of Object.entries(layout.edges))
      for (let i = 1; i < e.points.length; i++) {
        const [a, b] = [e.points[i - 1]!, e.points[i]!];
        for (const [n, box] of Object.entries(layout.nodes)) {
          const inX = Math.max(a[0], b[0]) > box.x + 1 && Math.min(a[0], b[0]) < box.x + box.width - 1;
          const inY = Math.max(a[1], b[1]) > box.y + 1 && Math.min(a[1], b[1]) < box.y + box.height - 1;
          if (inX && inY) out.push(`${id} through ${n}`);
        }
      }
    return out;
  }

  it('moves nothing vertically, shortens the routes, keeps the bends and routes no link through a box', () => {
    for (const [id, b] of Object.entries(raw.nodes)) expect(compacted.nodes[id]!.y, id).toBe(b.y);
    expect(compacted.height).toBe(raw.height);
    const [before, after] = [layoutStats(raw), layoutStats(compacted)];
    expect(after.length).toBeLessThanOrEqual(before.length);
    expect(after.bends).toBe(before.bends);
    expect(throughBoxes(raw)).toEqual([]);
    expect(throughBoxes(compacted)).toEqual([]);
  });

  it('the box check catches a route moved onto a box (a broken layout)', () => {
    const [id, e] = Object.entries(compacted.edges)[0]!;
    const box = Object.values(compacted.nodes)[0]!;
    const broken: GovLayout = {
      ...compacted,
      edges: {
        ...compacted.edges,
        [id]: {
          ...e,
          points: [
            [box.x + 5, box.y - 10],
            [box.x + 5, box.y + box.height + 10],
          ],
        },
      },
    };
    expect(throughBoxes(broken).length).toBeGreaterThan(0);
  });

  it('keeps each link attached to its boxes', () => {
    for (const n of full.nodes)
      for (const l of n.links) {
        const pts = compacted.edges[edgeId(n.id, l.type, l.to)]!.points;
        for (const [p, id] of [
          [pts[0]!, n.id],
          [pts[pts.length - 1]!, l.to],
        ] as const) {
          const b = compacted.nodes[id]!;
          expect(p[0], id).toBeGreaterThanOrEqual(b.x - 1);
          expect(p[0], id).toBeLessThanOrEqual(b.x + b.width + 1);
        }
      }
  });
});
