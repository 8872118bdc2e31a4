/**
 * The spending figure on any number of periods and bases (issue #23): the real rows give one actual
 * year and one budget year, but a later edition may give two actual years and a budget, or one year
 * alone. The rows are swapped in under the data module (no provenance: these values are made up), and
 * the figure is built as the site builds it: every column is in the title, the table, the CSV, the
 * "who pays" sentences and the change view, each change against the column before it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedRow } from '../../src/data/catalog.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { moneyChange } from '../../src/charts/spending.ts';
import { realRows, swapRows } from '../support/swapped-rows.ts';

vi.mock('../../src/data/index.ts', async (importOriginal) => {
  const { dataWithSwappedRows } = await import('../support/swapped-rows.ts');
  return dataWithSwappedRows(await importOriginal());
});

/** A spending row like a real one, moved to another period and basis with another value. */
function like(row: LoadedRow, period: string, basis: string, value: number): LoadedRow {
  const notes = ((row.value as { notes?: string[] }).notes ?? []).filter(
    (n) => !n.includes('budget') && !n.endsWith('-funder-assumed'),
  );
  return {
    line: row.line,
    raw: { ...row.raw, period, basis, value: String(value), notes: notes.join(';') || undefined },
    value: { ...(row.value as object), period: parsePeriod(period)!, basis, value, notes },
  };
}

async function build() {
  vi.resetModules();
  return (await import('../../src/figures/spending.ts')).spending();
}

/** From the next build on, the spending dataset has these rows. */
const useRows = (rows: LoadedRow[]): void => swapRows([['spending', rows]]);
const real = (): LoadedRow[] => realRows('spending');
const actuals = (): LoadedRow[] => real().filter((r) => r.raw.basis === 'actual');

beforeEach(async () => {
  swapRows();
  await build(); // fills the base catalog
});

describe('the spending figure takes its periods and bases from the rows', () => {
  it('the real rows: one actual year beside one budget year, as before', async () => {
    const f = await build();
    expect(f.title).toBe('Public health community safety spending, 2017/18 actual and 2018/19 budget');
    expect(f.table.columns.at(-1)!.label).toBe('Change on the actual');
    expect(f.views.map((v) => v.label)).toEqual(['Lines', 'Actual vs budget', 'Who pays']);
    expect(f.summary.filter((s) => s.startsWith('From the '))).toHaveLength(1);
    expect(f.summary.filter((s) => s.startsWith('Who pays, '))).toHaveLength(2);
  });

  it('three periods (two actual years and a budget): every column everywhere, each change on the column before', async () => {
    const base = actuals();
    useRows([
      ...base,
      ...base.map((r) => like(r, '2018/19', 'actual', Number(r.raw.value) + 1000)),
      ...base.map((r) => like(r, '2019/20', 'budget', Number(r.raw.value) - 2000)),
    ]);
    const f = await build();
    expect(f.title).toBe('Public health community safety spending, 2017/18 actual, 2018/19 actual and 2019/20 budget');
    const years = [...new Set(f.table.rows.map((r) => r.year))];
    expect(years).toEqual(['2017/18 actual', '2018/19 actual', '2019/20 budget']);
    expect(f.table.rows).toHaveLength(3 * 4); // three lines and all lines, in each column
    expect(f.table.columns.at(-1)!.label).toBe('Change on the year before');
    const staffing = (year: string) => f.table.rows.find((r) => r.line === 'Staffing' && r.year === year)!;
    expect(staffing('2017/18 actual').change).toBe('–');
    expect(staffing('2018/19 actual').change).toBe(moneyChange(146370, 147370));
    expect(staffing('2019/20 budget').change).toBe(moneyChange(147370, 144370));
    expect(f.csv.rows).toHaveLength(base.length * 3);
    const changes = f.summary.filter((s) => s.startsWith('From the '));
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatch(
      /^From the 2017\/18 actual to the 2018\/19 actual \(our calculation\): staffing \+£1,000/,
    );
    expect(changes[1]).toMatch(
      /^From the 2018\/19 actual to the 2019\/20 budget \(our calculation\): staffing −£3,000/,
    );
    expect(changes[1]).toContain('A budget is a plan set in advance');
    expect(f.summary.filter((s) => s.startsWith('Who pays, ')).map((s) => s.slice(0, 25))).toEqual([
      'Who pays, 2017/18 actual ',
      'Who pays, 2018/19 actual ',
      'Who pays, 2019/20 budget ',
    ]);
    const change = f.views.find((v) => v.id === 'change')!;
    expect(change.label).toBe('Actual vs budget');
    expect(change.says).toBe('each year beside the year before');
    expect(change.svg.wide).toContain('each year on the year before it');
    for (const year of years) expect(f.views.find((v) => v.id === 'funder')!.svg.wide).toContain(year);
  });

  it('one period: no change to show, and no change view', async () => {
    useRows(actuals());
    const f = await build();
    expect(f.title).toBe('Public health community safety spending, 2017/18 actual');
    expect(f.views.map((v) => v.id)).toEqual(['line', 'funder']);
    expect(f.table.rows.every((r) => r.change === '–')).toBe(true);
    expect(f.summary.some((s) => s.startsWith('From the '))).toBe(false);
  });
});
