/**
 * Every figure on any number of periods (issue #23): each trend figure is built on series of 1, 2, 3
 * and 6 periods, rising, falling, flat and turning, and every generated sentence (title, subtitle,
 * takeaway, summary, checked and agreed notes, table caption) is read back: its direction words must
 * match the numbers, its table and CSV must list every period, in order, and its grammar must hold
 * (issue #24 class 7). The rows are swapped in under the data module (no provenance: these values are
 * not in the report), so the figures are built exactly as the site builds them.
 */
import { reportWords } from '../../src/lib/period-words.ts';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedRow } from '../../src/data/catalog.ts';
import type { FigureParts } from '../../src/figures/types.ts';
import { parsePeriod, type Period } from '../../src/lib/period.ts';
import { realRows, swapRows } from '../support/swapped-rows.ts';

type Shape = 'up' | 'down' | 'same' | 'up-down';

vi.mock('../../src/data/index.ts', async (importOriginal) => {
  const { dataWithSwappedRows } = await import('../support/swapped-rows.ts');
  return dataWithSwappedRows(await importOriginal());
});

/** The n periods of a series, in the kind of its real periods, ending with the real first one plus (i) years. */
function periodsLike(p: Period, n: number): Period[] {
  const y = Number(p.start.slice(0, 4));
  return Array.from({ length: n }, (_, i) => {
    const shift = i;
    if (p.kind === 'financial-year')
      return parsePeriod(`${y + shift}/${String((y + shift + 1) % 100).padStart(2, '0')}`)!;
    if (p.kind === 'quarter') return parsePeriod(`${y + shift}${p.id.slice(4)}`)!;
    const [a, b] = p.id.split('/') as [string, string];
    const move = (s: string) => `${Number(s.slice(0, 4)) + shift}${s.slice(4)}`;
    return parsePeriod(`${move(a)}/${move(b)}`)!;
  });
}

/** `growth` differs per measure, so a ratio of two measures (offences per offender) moves the same way. */
function valuesFor(shape: Shape, n: number, base: number, growth: number): number[] {
  const step = Math.max(1, Math.round(base * growth));
  return Array.from({ length: n }, (_, i) => {
    if (shape === 'up') return base + step * i;
    if (shape === 'down') return base + step * (n - 1 - i);
    if (shape === 'same') return base;
    return base + step * (i < Math.ceil(n / 2) ? i : n - 1 - i);
  });
}

/** Replace every series of `measures` in `dataset` by n periods of the given shape. */
function series(dataset: string, measures: string[], shape: Shape, n: number): LoadedRow[] {
  const base = { rows: realRows(dataset) };
  const keep = base.rows.filter((r) => !measures.includes(String(r.raw.measure)));
  const groups = new Map<string, LoadedRow[]>();
  for (const r of base.rows.filter((x) => measures.includes(String(x.raw.measure)))) {
    const k = `${r.raw.area}|${r.raw.measure}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const made = [...groups.values()].flatMap((own) => {
    const first = own[0]!;
    const v = first.value as { period: Period; value: number };
    const values = valuesFor(
      shape,
      n,
      Math.max(10, Math.round(v.value)),
      0.1 * (1 + measures.indexOf(String(first.raw.measure))),
    );
    return periodsLike(v.period, n).map((period, i) => ({
      line: first.line,
      raw: { ...first.raw, period: period.id, value: String(values[i]) },
      value: { ...(first.value as object), period, value: values[i]! },
    }));
  });
  return [...keep, ...made];
}

const FIGURES: { id: string; dataset: string; measures: string[]; build: () => Promise<() => FigureParts> }[] = [
  {
    id: 'hate-crime-trend',
    dataset: 'hate-crime',
    measures: ['hate-offences', 'hate-incidents-crimed'],
    build: async () => (await import('../../src/figures/hate-crime.ts')).hateCrime,
  },
  {
    id: 'reoffending-cohort',
    dataset: 'reoffending-cohort',
    measures: ['cohort-offenders', 'cohort-offences'],
    build: async () => (await import('../../src/figures/reoffending.ts')).reoffending,
  },
  {
    id: 'domestic-abuse-incidents',
    dataset: 'domestic-abuse',
    measures: ['da-incidents-crimes'],
    build: async () => (await import('../../src/figures/period-bars.ts')).domesticAbuseIncidents,
  },
  {
    id: 'marac-cases',
    dataset: 'domestic-abuse',
    measures: ['marac-cases'],
    build: async () => (await import('../../src/figures/period-bars.ts')).maracCases,
  },
  {
    id: 'channel-referrals',
    dataset: 'prevent-channel',
    measures: ['channel-referrals'],
    build: async () => (await import('../../src/figures/period-bars.ts')).channelReferrals,
  },
  {
    id: 'alcohol-violence-share',
    dataset: 'alcohol-violence',
    measures: ['vap-injury-alcohol-marker-share'],
    build: async () => (await import('../../src/figures/alcohol.ts')).alcohol,
  },
];

const UP = /\b(rose|has risen|a rise|up|rise)\b/g;
const DOWN = /\b(fell|has fallen|a fall|down|fall|fewer|less)\b/g;
const FLAT = /\b(did not change|has not changed|stayed at|no change|unchanged|the same number)\b/;

/** The sentences a reader sees, with the phrases that hold an up/down word but say no direction taken out. */
function sentences(f: FigureParts): { where: string; text: string }[] {
  return [
    { where: 'title', text: f.title },
    ...(f.subtitle ? [{ where: 'subtitle', text: f.subtitle }] : []),
    { where: 'takeaway', text: f.takeaway },
    ...f.summary.map((text, i) => ({ where: `summary ${i + 1}`, text })),
    ...f.checked.map((text) => ({ where: 'checked', text })),
    ...(f.agreed ?? []).map((text) => ({ where: 'agreed', text })),
    { where: 'table caption', text: f.table.caption },
  ];
}
const neutral = (t: string) => t.replace(/\bmade up\b/g, '').replace(/under-reporting/g, '');

/** Grammar every generated sentence keeps (issue #24 class 7). */
function grammar(where: string, text: string): string[] {
  const out: string[] = [];
  const say = (what: string) => out.push(`${where}: ${what} in «${text}»`);
  if (!/^[A-Z0-9£+\u2212]/.test(text)) say('no capital first letter');
  if (/^(takeaway|summary|checked|agreed)/.test(where) && !/[.]$/.test(text)) say('no full stop at the end');
  if (/^(title|subtitle|table caption)/.test(where) && /[.]$/.test(text)) say('a full stop after a title');
  const doubled = /\b(\w+) \1\b/i.exec(text);
  if (doubled) say(`doubled word "${doubled[1]}"`);
  if (/(?<![\d.,£])1 (offences|offenders|cases|referrals|incidents|crimes|areas|periods)\b/.test(text))
    say('"1" with a plural');
  if (/\brose from [^()]*\(\u2212/.test(text) || /\bfell from [^()]*\(\+/.test(text))
    say('a direction against its sign');
  if (/undefined|NaN|Infinity|\[object|\s[,.;:]|\s{2}|\.\.|,,/.test(text)) say('a broken fragment');
  return out;
}

/**
 * The title is the finding, the measure its subtitle (issue #25): with two periods or more the title
 * says a direction (checkDirection says it is the right one) and a subtitle names the measure.
 */
function findingTitle(f: Pick<FigureParts, 'title' | 'subtitle'>, shape: Shape | 'none'): string[] {
  if (shape === 'none') return [];
  const t = neutral(f.title);
  const says = t.match(UP) !== null || t.match(DOWN) !== null || FLAT.test(t);
  return [
    ...(says ? [] : [`title names no finding: «${f.title}»`]),
    ...(f.subtitle && f.subtitle !== f.title ? [] : ['no subtitle naming the measure']),
  ];
}

function checkDirection(where: string, text: string, shape: Shape | 'none'): string[] {
  const t = neutral(text);
  const up = t.match(UP)?.length ?? 0;
  const down = t.match(DOWN)?.length ?? 0;
  const flat = FLAT.test(t);
  const bad = (why: string) => [`${where} (${shape}): ${why} in «${text}»`];
  if (shape === 'none') return up || down || flat ? bad('a direction for one period') : [];
  if (shape === 'up') return down || flat ? bad('a fall or no change for a rise') : [];
  if (shape === 'down') return up || flat ? bad('a rise or no change for a fall') : [];
  if (shape === 'same') return up || down ? bad('a rise or fall for no change') : [];
  // Rose then fell: never "fell then rose", and a rise is never said without the fall after it.
  if (/fell then rose|fell from/.test(t)) return bad('the turn the wrong way round');
  if (up && !down) return bad('a rise without the fall after it');
  return [];
}

beforeAll(async () => {
  // Loads and validates the real data once (the mock keeps it); every scenario swaps rows in over it.
  await import('../../src/data/index.ts');
}, 60_000);

beforeEach(() => {
  vi.resetModules();
  swapRows();
});

async function build(fig: (typeof FIGURES)[number], shape: Shape, n: number): Promise<FigureParts> {
  swapRows([[fig.dataset, series(fig.dataset, fig.measures, shape, n)]]);
  return (await fig.build())();
}

describe.each(FIGURES)('$id on any number of periods', (fig) => {
  for (const n of [1, 2, 3, 6]) {
    for (const shape of ['up', 'down', 'same', 'up-down'] as Shape[]) {
      if (shape === 'up-down' && n < 3) continue;
      if (n === 1 && shape !== 'up') continue;
      it(`${n} period${n > 1 ? 's' : ''}, ${n === 1 ? 'one value' : shape}`, async () => {
        const f = await build(fig, shape, n);
        const problems = sentences(f).flatMap((s) => [
          ...grammar(s.where, s.text),
          // The caption names the measure, not the finding.
          ...(s.where === 'table caption' || s.where === 'subtitle'
            ? []
            : checkDirection(s.where, s.text, n === 1 ? 'none' : shape)),
        ]);
        expect(problems).toEqual([]);
        expect(findingTitle(f, n === 1 ? 'none' : shape)).toEqual([]);
        // No claim states these made-up changes: every percentage in a summary is "our calculation".
        for (const text of f.summary)
          for (const m of text.matchAll(/\(([+\u2212]\d[^)]*%[^)]*)\)/g)) expect(m[1], text).toMatch(/our calculation/);
        if (fig.id === 'hate-crime-trend' && n > 1 && shape !== 'same') expect(f.takeaway).toMatch(/our calculation\)/);
        // Every period in the table and the CSV, in order.
        const labels = periodsLike(
          parsePeriod(
            fig.id === 'reoffending-cohort'
              ? '2017-Q1'
              : fig.id === 'alcohol-violence-share'
                ? '2014-02/2015-02'
                : '2016/17',
          )!,
          n,
        );
        const tableText = JSON.stringify([f.table.columns.map((c) => c.label), f.table.rows]).toLowerCase();
        // A quarter is written in the report's words with our reading ("the first quarter of 2017 (read as …)").
        const at = labels.map((p) => tableText.indexOf((reportWords(p) ?? p.label).toLowerCase()));
        expect(
          at.every((i) => i >= 0),
          `every period in the table: ${tableText.slice(0, 300)}`,
        ).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        const csvPeriods = f.csv.rows.map((r) => r[f.csv.columns.indexOf('period')]);
        for (const p of labels) expect(csvPeriods).toContain(p.id);
      });
    }
  }
});

describe('the agrees/✓ mark goes only beside the pair of periods the report states', () => {
  /** The real rows plus one later period for each series: the stated 2016/17 → 2017/18 changes still hold. */
  function withLaterPeriod(dataset: string, measures: string[]): LoadedRow[] {
    const base = { rows: realRows(dataset) };
    const later = base.rows
      .filter((r) => measures.includes(String(r.raw.measure)) && r.raw.period === '2017/18')
      .map((r) => {
        const period = parsePeriod('2018/19')!;
        const value = (r.value as { value: number }).value + 7;
        return {
          ...r,
          raw: { ...r.raw, period: period.id, value: String(value) },
          value: { ...(r.value as object), period, value },
        };
      });
    return [...base.rows, ...later];
  }

  it('marks the real two-period figures', async () => {
    const hate = (await FIGURES[0]!.build())();
    expect(hate.checked).toHaveLength(1);
    const da = (await FIGURES[2]!.build())();
    expect(da.checked).toHaveLength(1);
    const marac = (await FIGURES[3]!.build())();
    expect(marac.agreed).toHaveLength(1);
    // The report prints the hate crime percentages, not the domestic abuse one.
    expect(hate.summary.join(' ')).not.toMatch(/our calculation/);
    expect(da.summary.join(' ')).toMatch(/\(\+5\.0%, our calculation\)/);
  });

  it('marks nothing when the figure shows 2016/17 to 2018/19, which no claim states', async () => {
    swapRows([['hate-crime', withLaterPeriod('hate-crime', ['hate-offences', 'hate-incidents-crimed'])]]);
    const hate = (await FIGURES[0]!.build())();
    expect(hate.table.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['2016/17', '2017/18', '2018/19']));
    expect(hate.checked).toEqual([]);
    swapRows([['domestic-abuse', withLaterPeriod('domestic-abuse', ['da-incidents-crimes', 'marac-cases'])]]);
    vi.resetModules();
    const da = (await FIGURES[2]!.build())();
    const marac = (await FIGURES[3]!.build())();
    expect(da.checked).toEqual([]);
    expect(marac.agreed).toEqual([]);
  });
});

describe('every real figure reads well (issue #24 class 7)', () => {
  it('keeps the grammar in every title, takeaway, summary, note and caption', async () => {
    const { FIGURE_IDS, getFigure } = await import('../../src/figures/index.ts');
    const problems = FIGURE_IDS.flatMap((id) =>
      sentences(getFigure(id)).flatMap((s) => grammar(`${id} ${s.where}`, s.text)),
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it('catches the faults it looks for (a broken fixture)', () => {
    expect(grammar('takeaway', 'rose from 5 to 6 (−3%).')).toHaveLength(2);
    expect(grammar('summary 1', 'There were 1 offences in the the north')).toHaveLength(3);
    expect(grammar('title', 'Hate crime , by year.')).toHaveLength(2);
    expect(grammar('summary 1', 'In North Worcestershire, .')).toHaveLength(1);
    expect(grammar('checked', 'The value is undefined.')).toHaveLength(1);
    // The measure as the title, as before issue #25.
    const measure = 'Hate crime in North and South Worcestershire';
    expect(findingTitle({ title: measure }, 'up')).toEqual([
      `title names no finding: «${measure}»`,
      'no subtitle naming the measure',
    ]);
  });
});

describe('stat tiles on several periods', () => {
  it('lists every period in the table and CSV, shows the latest in the tile, and no longer says "no earlier years"', async () => {
    swapRows([['domestic-abuse', series('domestic-abuse', ['dvpos'], 'up', 3)]]);
    const f = (await import('../../src/figures/stat-tiles.ts')).domesticAbuseSingleYear();
    const dvpos = f.table.rows.filter((r) => /Protection Orders/.test(r.measure ?? ''));
    expect(dvpos.map((r) => r.period)).toEqual(['2017/18', '2018/19', '2019/20']);
    expect(f.csv.rows.filter((r) => r[2] === 'dvpos').map((r) => r[1])).toEqual(['2017/18', '2018/19', '2019/20']);
    expect(f.takeaway).toMatch(/in 2019\/20/);
    expect(f.takeaway).not.toMatch(/no earlier years/);
    expect(sentences(f).flatMap((s) => grammar(s.where, s.text))).toEqual([]);
  });
});
