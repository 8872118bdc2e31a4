/**
 * Area codes, period dates and the one long table (issue #29 items 5 to 7): the real data, and
 * broken fixtures that show each check can fail.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE, derivedTables } from '../../src/data/derived-tables.ts';
import type { ExportableDataset } from '../../src/data/downloads.ts';
import { getCatalog } from '../../src/data/index.ts';
import { getRelease } from '../../src/data/release.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { areasSchema, GSS_CODE, ONS_SOURCE } from '../../src/schemas/reference.ts';

const catalog = getCatalog();
const datasets = [...catalog.values()];
const [observations, periods] = derivedTables(datasets, getRelease().date) as [ExportableDataset, ExportableDataset];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => ISO.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

describe('area codes (areas.gss_code)', () => {
  it('is the last-but-one column of areas, and every filled code is a GSS code citing an ONS source; every empty one says why', () => {
    const { meta, rows } = catalog.get('areas')!;
    expect(meta.columns.map((c) => c.name).slice(-2)).toEqual(['gss_code', 'gss_code_note']);
    for (const r of rows) {
      if (r.raw.gss_code !== undefined) {
        expect(r.raw.gss_code).toMatch(GSS_CODE);
        expect(r.raw.gss_code_note).toMatch(ONS_SOURCE);
      } else expect(r.raw.gss_code_note, r.raw.id).toMatch(/^Empty: /);
    }
  });

  const base = { id: 'worcestershire', name: 'Worcestershire', type: 'county', description: 'The county.' };
  it('rejects a code that is not a GSS code, or one with no ONS source in its note (broken fixtures)', () => {
    const ok = areasSchema.row.safeParse({
      ...base,
      gss_code: 'E10000034',
      gss_code_note: 'Checked against https://geoportal.statistics.gov.uk/datasets/example on 2026-12-07.',
    });
    expect(ok.success).toBe(true);
    const guessed = areasSchema.row.safeParse({ ...base, gss_code: 'E10000034', gss_code_note: 'From Wikipedia.' });
    expect(guessed.success).toBe(false);
    expect(JSON.stringify(guessed.error?.issues)).toContain('gss_code_note');
    const malformed = areasSchema.row.safeParse({
      ...base,
      gss_code: 'E1000034',
      gss_code_note: 'https://www.ons.gov.uk/x',
    });
    expect(malformed.success).toBe(false);
    expect(JSON.stringify(malformed.error?.issues)).toContain('GSS code');
  });
});

describe('period dates', () => {
  it('periods.csv lists every period any dataset uses, with real ISO start and end dates in order', () => {
    const used = new Set(
      datasets.flatMap((d) =>
        d.meta.columns
          .filter((c) => c.type === 'period')
          .flatMap((c) => d.rows.map((r) => r.raw[c.name]).filter((p) => p !== undefined)),
      ),
    );
    expect(new Set(periods.rows.map((r) => r.raw.id))).toEqual(used);
    for (const r of periods.rows) {
      expect(realDate(r.raw.start!), r.raw.id).toBe(true);
      expect(realDate(r.raw.end!), r.raw.id).toBe(true);
      expect(r.raw.start! <= r.raw.end!).toBe(true);
    }
  });

  it('follows the documented rules: financial year, calendar quarter, month span (first to last day)', () => {
    expect(parsePeriod('2016/17')).toMatchObject({ start: '2016-04-01', end: '2017-03-31' });
    expect(parsePeriod('2017-Q1')).toMatchObject({ start: '2017-01-01', end: '2017-03-31' });
    expect(parsePeriod('2014-02/2015-02')).toMatchObject({ start: '2014-02-01', end: '2015-02-28' });
    expect(parsePeriod('2016-02/2016-02')).toMatchObject({ end: '2016-02-29' });
    for (const bad of ['2016/18', '2017-Q5', '2015-02/2014-02', '2017']) expect(parsePeriod(bad), bad).toBeUndefined();
  });
});

describe('all-observations', () => {
  const figures = datasets.filter((d) => d.meta.kind === 'observations' || d.meta.kind === 'spending');

  it('has one row per value of every figure dataset, with the agreed columns in order', () => {
    expect(observations.meta.columns.map((c) => c.name)).toEqual([
      'dataset',
      'area',
      'area_code',
      'period',
      'period_start',
      'period_end',
      'measure',
      'breakdown',
      'value',
      'unit',
      'status',
      'source',
      'source_section',
      'source_lines',
    ]);
    expect(observations.rows.length).toBe(figures.reduce((n, d) => n + d.rows.length, 0));
    const keys = observations.rows.map((r) => observations.meta.primaryKey.map((k) => r.raw[k] ?? '').join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries each value, unit, status and citation from its dataset, with the period dates and the source', () => {
    for (const d of figures)
      for (const r of d.rows) {
        const o = observations.rows.find(
          (x) =>
            x.raw.dataset === d.meta.id &&
            x.raw.period === r.raw.period &&
            x.raw.value === r.raw.value &&
            x.raw.source_lines === r.raw.source_lines &&
            (x.raw.area ?? '') === (r.raw.area ?? ''),
        )!;
        expect(o, `${d.meta.id} line ${r.line}`).toBeDefined();
        expect(o.raw.unit).toBe(r.raw.unit);
        expect(o.raw.status).toBe(r.raw.status);
        expect(o.raw.source).toBe(r.raw.source ?? DEFAULT_SOURCE);
        const p = parsePeriod(r.raw.period!)!;
        expect([o.raw.period_start, o.raw.period_end]).toEqual([p.start, p.end]);
      }
  });

  it("uses a row's own source when the dataset has a source column (read by name)", () => {
    const hate = catalog.get('hate-crime')!;
    const edited = {
      meta: {
        ...hate.meta,
        columns: [
          ...hate.meta.columns,
          { name: 'source', type: 'id' as const, description: 'Source id.', required: true },
        ],
      },
      rows: hate.rows.map((r) => ({ ...r, raw: { ...r.raw, source: 'a-later-edition' } })),
    };
    const [table] = derivedTables([...datasets.filter((d) => d.meta.id !== 'hate-crime'), edited], '2026-12-07');
    const rows = table!.rows.filter((r) => r.raw.dataset === 'hate-crime');
    expect(rows.length).toBe(hate.rows.length);
    expect(rows.every((r) => r.raw.source === 'a-later-edition')).toBe(true);
  });
});
