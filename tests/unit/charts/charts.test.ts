/**
 * Every chart function renders its fixture to SVG in both layouts and matches the committed snapshot;
 * renders are byte-identical across runs; and the output keeps the CSP and accessibility rules.
 */
import { MIN_TARGET } from '../../../src/charts/render.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alcoholViolenceShare } from '../../../src/charts/alcohol.ts';
import { hateCrimeChange, hateCrimeCounts } from '../../../src/charts/hate-crime.ts';
import { periodBars } from '../../../src/charts/period-bars.ts';
import type { ChartFunction, ChartOptions, Layout } from '../../../src/charts/render.ts';
import { reoffendingCohort } from '../../../src/charts/reoffending.ts';
import { spendingChange, spendingFunders, spendingLines } from '../../../src/charts/spending.ts';
import { statTiles } from '../../../src/charts/stat-tiles.ts';
import { waffle } from '../../../src/charts/waffle.ts';
import { changeStatement } from '../../../src/charts/change-statement.ts';
import { compareSnapshot } from '../../support/snapshot.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/charts', name), 'utf8'));
const hate = fixture('hate-crime.json');
const small = fixture('small.json');
// The activities overview (one layout, no marks) is tested in activities.test.ts.
// The governance map has its own layout step and one SVG for every width: tests/unit/charts/governance-map.test.ts.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyChart = ChartFunction<any>;
const CASES: { name: string; chart: AnyChart; rows: unknown[]; options?: Partial<ChartOptions> }[] = [
  { name: 'hate-crime-counts', chart: hateCrimeCounts, rows: hate.counts, options: { view: 'count' } },
  { name: 'hate-crime-change', chart: hateCrimeChange, rows: hate.change, options: { view: 'percent' } },
  // One area's part (the page shows one small SVG per area), on the scale of both areas.
  {
    name: 'hate-crime-change-south',
    chart: hateCrimeChange,
    rows: hate.change,
    options: { view: 'percent', areas: ['south'] } as Partial<ChartOptions>,
  },
  {
    name: 'period-bars',
    chart: periodBars,
    rows: small.periodBars,
    options: { annotation: 'Change: −154 (−21.7%) on 2016/17' },
  },
  { name: 'reoffending', chart: reoffendingCohort, rows: small.reoffending },
  {
    name: 'alcohol',
    chart: alcoholViolenceShare,
    rows: small.alcohol,
    options: { annotation: 'Definition changed: more categories were added to the total.' },
  },
  { name: 'spending', chart: spendingLines, rows: small.spending },
  { name: 'spending-change', chart: spendingChange, rows: small.spendingChange },
  { name: 'spending-funders', chart: spendingFunders, rows: small.spending },
  { name: 'stat-tiles', chart: statTiles, rows: small.stats },
  { name: 'waffle', chart: waffle, rows: small.share },
  // At its true size: one square per case of a known whole.
  {
    name: 'waffle-count',
    chart: waffle,
    rows: small.share.map((r: object) => ({ ...r, total: 22, unitLabel: 'referral' })),
  },
  // Two periods said as numbers; a small count brings the caution.
  {
    name: 'change-statement',
    chart: changeStatement,
    rows: [
      { period: '2016/17', periodLabel: '2016/17', measureLabel: 'Referrals', value: 17, unit: 'count' },
      { period: '2017/18', periodLabel: '2017/18', measureLabel: 'Referrals', value: 22, unit: 'count' },
    ],
  },
];

function render(c: (typeof CASES)[number], layout: Layout): string {
  return c.chart(c.rows, {
    id: `test-${c.name}`,
    layout,
    title: `Title of ${c.name}`,
    description: `Summary of ${c.name}.`,
    ...c.options,
  });
}

describe.each(CASES)('$name chart', (c) => {
  it.each(['wide', 'narrow'] as const)('%s layout matches its snapshot', (layout) => {
    const result = compareSnapshot(`${c.name}-${layout}`, render(c, layout));
    expect(result.ok, result.message).toBe(true);
  });

  it('renders the same bytes every time', () => {
    expect(render(c, 'wide')).toBe(render(c, 'wide'));
    expect(render(c, 'narrow')).toBe(render(c, 'narrow'));
  });

  it('keeps to the CSP and accessibility rules', () => {
    for (const layout of ['wide', 'narrow'] as const) {
      const svg = render(c, layout);
      expect(svg).not.toMatch(/<style|\sstyle="/);
      expect(svg).not.toMatch(/font-variant=/);
      // No Plot labels on groups; only data marks carry aria-label.
      expect(svg).not.toMatch(/<g(?![^>]*class="mark)[^>]*aria-label=/);
      const rootTag = svg.slice(0, svg.indexOf('>'));
      const base = `test-${c.name}-${c.options?.view ? `${c.options.view}-` : ''}${layout}`;
      expect(rootTag.startsWith('<svg ')).toBe(true);
      expect(rootTag).toContain('role="group"');
      expect(rootTag).toContain(`aria-labelledby="${base}-title ${base}-desc"`);
      expect(svg).toContain(`<title id="${base}-title">Title of ${c.name}</title>`);
      const marks = svg.match(/class="mark(?:\s[^"]*)?"/g) ?? [];
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of svg.match(/<[a-z]+ [^>]*class="mark(?:\s[^"]*)?"[^>]*>/g) ?? []) {
        expect(mark).toMatch(/role="(img|button)"/);
        expect(mark).toMatch(/aria-label="[^"]+"/);
      }
      // No mark inside an aria-hidden subtree: every aria-hidden element closes before a mark opens.
      const doc = new DOMParserLite(svg);
      expect(doc.marksInsideHidden()).toBe(0);
      // Width and viewBox follow the layout.
      expect(svg).toMatch(layout === 'wide' ? /width="640"/ : /width="300"/);
    }
  });
});

/** Minimal check of nesting with linkedom (the same DOM the renderer uses). */
import { parseHTML } from 'linkedom';
class DOMParserLite {
  private readonly root: Element;
  constructor(svg: string) {
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    this.root = document.querySelector('svg') as unknown as Element;
  }
  marksInsideHidden(): number {
    return Array.from(this.root.querySelectorAll('.mark')).filter((m) => m.closest('[aria-hidden="true"]')).length;
  }
}

describe('honest comparisons', () => {
  it('a percentage change is labelled with its absolute change', () => {
    expect(
      render(
        CASES.find((c) => c.name === 'hate-crime-change')!,
        'wide',
      ),
    ).toMatch(/[+\u2212]\d+(\.\d)?% \([+\u2212]\d+\)/);
  });
  it('the waffle of a known count has one square per case, filled in proportion', () => {
    const { document } = parseHTML(
      `<!doctype html><html><body>${render(
        CASES.find((c) => c.name === 'waffle-count')!,
        'wide',
      )}</body></html>`,
    );
    const [part, rest] = Array.from(document.querySelectorAll('g.mark'));
    const squares = (g: Element) => g.querySelectorAll('rect:not([class])').length;
    const filled = squares(part!);
    expect(filled + squares(rest!)).toBe(22);
    expect(filled).toBe(Math.round((small.share[0].value / 100) * 22));
  });
  it('one area drawn alone keeps the scale of both: its bars are as long as in the chart of both', () => {
    const bars = (svg: string) =>
      Object.fromEntries(
        [...svg.matchAll(/data-key="([^"]+)"[\s\S]*?class="mark-shape"[^>]*?width="([\d.]+)"/g)].map((m) => [
          m[1],
          m[2],
        ]),
      );
    const both = bars(
      render(
        CASES.find((c) => c.name === 'hate-crime-change')!,
        'wide',
      ),
    );
    const south = bars(
      render(
        CASES.find((c) => c.name === 'hate-crime-change-south')!,
        'wide',
      ),
    );
    expect(Object.keys(south).every((k) => k.startsWith('south|'))).toBe(true);
    expect(Object.keys(south).length).toBeGreaterThan(0);
    for (const [k, w] of Object.entries(south)) expect(w).toBe(both[k]);
  });
  it('actual vs budget: the change in % with pounds beside it, our calculation, and a budget is not an outturn', () => {
    const svg = render(
      CASES.find((c) => c.name === 'spending-change')!,
      'narrow',
    );
    expect(svg).toContain('\u22120.4% (\u2212£586)');
    expect(svg).toContain('our calculation');
    expect(svg).toContain('not an outturn');
  });
  it('actual vs budget: "our reading" marks only the year whose funder the report does not name', () => {
    const c = CASES.find((x) => x.name === 'spending-change')!;
    const rows = (c.rows as { funder: string }[]).map((r) =>
      r.funder === 'west-mercia-pcc' ? { ...r, afterAssumed: true } : r,
    );
    const svg = render({ ...c, rows } as typeof c, 'wide');
    expect(svg).toContain('Alcohol and substance misuse contract, PCC<');
    expect(svg).toContain('£106,000 (2017/18 actual) → £106,000 (2018/19 budget: PCC is our reading)');
    expect(svg.match(/our reading/g)?.length).toBe(2); // the amounts line and the bar's tooltip, nowhere else
  });
  it('who pays: public health and the PCC per year, in total and per line, with the PCC share', () => {
    const svg = render(
      CASES.find((c) => c.name === 'spending-funders')!,
      'wide',
    );
    expect(svg).toContain('£4,352,191 + £106,000 PCC (2.4%)');
    expect(svg).toContain('£3,780,100 + £106,000 PCC (2.7%)');
    expect(svg).toContain('url(#test-spending-funders-wide-pcc)');
  });
  it('two periods are said as numbers with the change and the small-numbers caution', () => {
    const svg = render(
      CASES.find((c) => c.name === 'change-statement')!,
      'narrow',
    );
    expect(svg).toContain('Change: +5 (+29.4%)');
    expect(svg).toContain('Small numbers (a count under 50 at either ');
    expect(svg).not.toContain('<rect class="mark');
  });
});

describe('text labels', () => {
  it('formats numbers for en-GB (thousands separators, £, true minus)', () => {
    const spending = render(
      CASES.find((c) => c.name === 'spending')!,
      'wide',
    );
    expect(spending).toContain('£3,780,100 + £106,000 PCC');
    const change = render(
      CASES.find((c) => c.name === 'hate-crime-change')!,
      'wide',
    );
    expect(change).toContain('\u221210.8%');
    expect(change).toContain('+6.3%');
  });
});

describe('targets and focus rings (WCAG 2.2 target size, focus appearance)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: every mark has a focus ring and a hit area of at least the minimum target',
    (_, c) => {
      for (const layout of ['wide', 'narrow'] as const) {
        const { document } = parseHTML(`<!doctype html><html><body>${render(c, layout)}</body></html>`);
        for (const mark of Array.from(document.querySelectorAll('.mark')).filter(
          (g) => !g.classList.contains('gov-node'),
        )) {
          expect(mark.querySelector('.mark-ring'), mark.getAttribute('data-key') ?? '').not.toBeNull();
          expect(mark.querySelector('.mark-halo')).not.toBeNull();
          // The shape's size is the ring's less its padding (3 units a side); the hit area's is its own.
          const ring = mark.querySelector('.mark-ring')!;
          const hit = mark.querySelector('.mark-hit');
          const side = (name: string) =>
            Math.max(Number(ring.getAttribute(name)) - 6, Number(hit?.getAttribute(name) ?? 0));
          expect(side('width'), `${c.name} ${layout} ${mark.getAttribute('data-key')}`).toBeGreaterThanOrEqual(
            MIN_TARGET[layout],
          );
          expect(side('height'), `${c.name} ${layout} ${mark.getAttribute('data-key')}`).toBeGreaterThanOrEqual(
            MIN_TARGET[layout],
          );
        }
      }
    },
  );
});
