/**
 * The governance map's link labels on the real data (data/): every link has a label, and no two labels
 * of one body's links overlap (they are shown together when that body is selected). Read from the
 * built figure's SVG. In a file of its own: the layout is cached per module, so a test file that first
 * lays out the small fixture map would be reading that one.
 */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/charts/svg.ts';
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

/**
 * Body names are wrapped at build time between whole words (issue #25: names cut mid-word on
 * phones): in every map and one-body panel the site draws, each line of a box's name fits inside its
 * box, so no word is cut by the box's edge or broken by the browser.
 */
function namesCut(svg: string): { checked: number; cut: string[] } {
  const out: string[] = [];
  let checked = 0;
  for (const m of svg.matchAll(
    /<(g|a)\b[^>]*\bclass="[^"]*\bgov-(?:node|hood-link|hood-self)\b[^>]*>([\s\S]*?)<\/\1>/g,
  )) {
    const inner = m[2] ?? '';
    const box = /<rect\b[^>]*\bwidth="([\d.]+)"[^>]*>/.exec(
      inner.replace(/<rect\b[^>]*class="gov-hood-spine[^>]*>/g, ''),
    );
    const text =
      /<text\b[^>]*class="gov-label"[^>]*font-size="([\d.]+)"[^>]*>([\s\S]*?)<\/text>|<text\b[^>]*font-size="([\d.]+)"[^>]*class="gov-label"[^>]*>([\s\S]*?)<\/text>/.exec(
        inner,
      );
    if (!box || !text) continue;
    checked += 1;
    const size = Number(text[1] ?? text[3]);
    const lines = [...(text[2] ?? text[4] ?? '').matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)].map((t) =>
      (t[1] ?? '').trim(),
    );
    for (const line of lines)
      if (textWidth(line.replace(/&amp;/g, '&'), size) > Number(box[1]) - 8)
        out.push(`"${line}" is wider than its box`);
  }
  return { checked, cut: out };
}

describe('body names on the maps', () => {
  const figures = ['governance-diagram', 'governance-diagram-pcc-and-panel', 'governance-diagram-child-exploitation'];
  it.each(figures)('%s: every line of every name fits its box, map and panel', (id) => {
    const f = getFigure(id);
    const all = [f.views[0]?.svg.wide ?? '', f.governance?.hood ?? ''].join('');
    const { checked, cut } = namesCut(all);
    expect(checked).toBeGreaterThan(f.governance?.tiers.flatMap((t) => t.bodies).length ?? 0);
    expect(cut).toEqual([]);
  });
  it('the check catches a name too long for its box (a broken label)', () => {
    const svg = getFigure('governance-diagram').views[0]?.svg.wide ?? '';
    const broken = svg.replace('>HMICFRS<', '>HerMajestysInspectorateOfConstabulary<');
    expect(namesCut(broken).cut).toEqual(['"HerMajestysInspectorateOfConstabulary" is wider than its box']);
  });
});
