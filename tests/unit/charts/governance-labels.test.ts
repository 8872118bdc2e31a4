/**
 * The governance map's link labels on the real data (data/): every link has a label, and no two labels
 * of one body's links overlap (they are shown together when that body is selected). Read from the
 * built figure's SVG. In a file of its own: the layout is cached per module, so a test file that first
 * lays out the small fixture map would be reading that one.
 */
import { describe, expect, it } from 'vitest';
import { getFigure } from '../../../src/figures/index.ts';

describe('edge labels on the real map (data/)', () => {
  const svg = getFigure('governance-diagram').views[0]?.svg.wide ?? '';
  // Read as text: each link is a `<g class="gov-edge …" data-from data-to>` whose label rect follows it.
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  const groups = [...svg.matchAll(/<g\b[^>]*\bclass="gov-edge(?: [^"]*)?"[^>]*>/g)];
  const placed = groups.flatMap((m, i) => {
    const inner = svg.slice(m.index + m[0].length, groups[i + 1]?.index ?? svg.length);
    const rect = /<rect\b[^>]*\bclass="gov-edge-label-bg"[^>]*>/.exec(inner)?.[0];
    if (!rect) return [];
    const n = (name: string) => Number(attr(rect, name));
    return [
      {
        from: attr(m[0], 'data-from'),
        to: attr(m[0], 'data-to'),
        box: { x: n('x'), y: n('y'), width: n('width'), height: n('height') },
      },
    ];
  });
  const clashes = (list: typeof placed) =>
    list.flatMap((a, i) =>
      list
        .slice(i + 1)
        .filter((b) => [a.from, a.to].some((x) => x === b.from || x === b.to))
        .filter(
          (b) =>
            Math.min(a.box.x + a.box.width, b.box.x + b.box.width) > Math.max(a.box.x, b.box.x) &&
            Math.min(a.box.y + a.box.height, b.box.y + b.box.height) > Math.max(a.box.y, b.box.y),
        )
        .map((b) => `${a.from}→${a.to} / ${b.from}→${b.to}`),
    );

  it('labels every link, and no two labels of one body’s links overlap', () => {
    expect(placed.length).toBeGreaterThanOrEqual(60);
    expect(clashes(placed)).toEqual([]);
  });

  it('the check catches two labels of one body put on the same spot (a broken placement)', () => {
    const [a, b] = placed.filter((p) => p.to === 'west-mercia-pcc');
    expect(a && b).toBeTruthy();
    expect(clashes([a!, { ...b!, box: { ...a!.box, x: a!.box.x + 5 } }]).length).toBe(1);
  });
});
