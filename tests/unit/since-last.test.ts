/** "Since the last report" (issue #23): computed from rows with a `source` column; nothing with one edition. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { editionList, editionRows, sinceLastReport, type EditionRow } from '../../src/data/since-last.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';

const row = (over: Partial<EditionRow> & Pick<EditionRow, 'key' | 'source'>): EditionRow => ({
  dataset: 'hate-crime',
  ...over,
});

/** Two editions: the 2018 report and a fictional 2019 one with a new period, a revision and a status change. */
const TWO: EditionRow[] = [
  row({
    key: 'north|2016/17|hate-offences',
    source: 'overview-2018',
    period: '2016/17',
    value: '318',
    lines: '338-341',
  }),
  row({
    key: 'north|2017/18|hate-offences',
    source: 'overview-2018',
    period: '2017/18',
    value: '338',
    lines: '338-341',
  }),
  row({ key: 'north|2017/18|hate-offences', source: 'overview-2019', period: '2017/18', value: '341', lines: '40-42' }),
  row({ key: 'north|2018/19|hate-offences', source: 'overview-2019', period: '2018/19', value: '350', lines: '40-42' }),
  row({
    dataset: 'activities',
    key: 'pilot-x',
    source: 'overview-2018',
    period: '2018/19',
    status: 'underway',
    lines: '60',
  }),
  row({
    dataset: 'activities',
    key: 'pilot-x',
    source: 'overview-2019',
    period: '2018/19',
    status: 'done',
    lines: '12',
  }),
];
const SOURCES = [
  { id: 'overview-2019', title: 'Community Safety overview 2019 (fictional)', published: '2019-11' },
  { id: 'overview-2018', title: 'Community Safety overview', published: '2018-11' },
];

describe('sinceLastReport', () => {
  it('lists new periods, revised values with both passages, and changed statuses', () => {
    const s = sinceLastReport(TWO, SOURCES)!;
    expect(s.editions.map((e) => e.id)).toEqual(['overview-2018', 'overview-2019']);
    expect(s.latest.id).toBe('overview-2019');
    expect(s.latestPeriod).toBe('2018/19');
    expect(s.newPeriods).toEqual([{ dataset: 'hate-crime', period: '2018/19' }]);
    expect(s.revised).toEqual([
      {
        dataset: 'hate-crime',
        key: 'north|2017/18|hate-offences',
        before: { value: '338', source: 'overview-2018', lines: '338-341' },
        after: { value: '341', source: 'overview-2019', lines: '40-42' },
      },
    ]);
    expect(s.statusChanged).toEqual([
      { dataset: 'activities', key: 'pilot-x', from: 'underway', to: 'done', lines: '12' },
    ]);
  });

  it('says nothing with one edition', () => {
    expect(
      sinceLastReport(
        TWO.filter((r) => r.source === 'overview-2018'),
        SOURCES,
      ),
    ).toBeUndefined();
  });

  it('finds one edition in the real data, so the real pages show no block', () => {
    const catalog = loadCatalog(resolve(import.meta.dirname, '../../data'), DATASET_SCHEMAS);
    const rows = editionRows(catalog, [...catalog.keys()]);
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['community-safety-overview-2018']));
    expect(sinceLastReport(rows, editionList(catalog))).toBeUndefined();
  });
});
