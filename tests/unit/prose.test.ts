/** The helpers behind the prose components: row lookup, en-GB formatting, periods, claims, helplines. */
import { describe, expect, it } from 'vitest';
import {
  activityPeriods,
  claimFor,
  findRow,
  formatActivityDate,
  formatRow,
  glossaryEntry,
  longPeriodLabel,
  matchingRows,
  period,
} from '../../src/data/lookup.ts';
import { HELPLINE_SETS, HELPLINES } from '../../src/components/prose/helplines.ts';

describe('findRow', () => {
  it('reads a row by its primary key, typed', () => {
    const row = findRow('domestic-abuse', 'worcestershire|2017/18|da-incidents-crimes', 'test');
    expect(row).toMatchObject({ value: 10947, unit: 'count', status: 'under-reported' });
    expect(row.period.id).toBe('2017/18');
    expect(row.notes).toContain('da-under-reporting');
  });

  it('fails with the dataset, the key and the keys that exist', () => {
    expect(() => findRow('hate-crime', 'north-worcestershire|2017/18|hate-offence', '<Value>')).toThrow(
      /<Value>: dataset "hate-crime" has no row "north-worcestershire\|2017\/18\|hate-offence" \(key columns area\|period\|measure; rows: north-worcestershire\|2016\/17\|hate-offences/,
    );
    expect(() => findRow('knife-crime', 'x', '<Value>')).toThrow(
      '<Value>: there is no dataset "knife-crime" in data/.',
    );
    expect(() => findRow('themes', 'hate-crime', '<Value>')).toThrow(/not a figure dataset/);
  });
});

describe('formatRow (en-GB)', () => {
  it('formats each unit', () => {
    expect(formatRow({ value: 10947, unit: 'count' })).toBe('10,947');
    expect(formatRow({ value: 8.2, unit: 'percent' })).toBe('8.2%');
    expect(formatRow({ value: 11, unit: 'percent-change' })).toBe('+11%');
    expect(formatRow({ value: -3.9, unit: 'percent-change' })).toBe('\u22123.9%');
    expect(formatRow({ value: 3780100, unit: 'gbp' })).toBe('£3,780,100');
    expect(formatRow({ value: 3, unit: 'fte' })).toBe('3 FTE');
  });
});

describe('periods in words', () => {
  it("writes quarters in the report's words with our reading, month spans in full, financial years as they are", () => {
    expect(longPeriodLabel(period('2017/18', 't'))).toBe('2017/18');
    expect(longPeriodLabel(period('2017-Q1', 't'))).toBe('the first quarter of 2017 (read as January to March)');
    expect(longPeriodLabel(period('2014-02/2015-02', 't'))).toBe('February 2014 to February 2015');
    expect(longPeriodLabel(period('2017-01/2017-06', 't'))).toBe(
      'the first two quarters of 2017 (read as January to June)',
    );
    expect(() => period('2017/19', '<Period>')).toThrow(/<Period>: "2017\/19" is not a period/);
  });

  it('writes activity dates as months', () => {
    expect(formatActivityDate('2017-10')).toBe('October 2017');
    expect(formatActivityDate('2018')).toBe('2018');
  });

  it('finds the report’s review year and current year in the activities', () => {
    expect(activityPeriods().map((p) => p.id)).toEqual(['2017/18', '2018/19']);
  });
});

describe('claims and glossary', () => {
  it('finds the stated claim for a change, and none for an unstated one', () => {
    expect(
      claimFor(
        'domestic-abuse',
        'worcestershire|2017/18|da-incidents-crimes',
        'worcestershire|2016/17|da-incidents-crimes',
      )?.ok,
    ).toBe(true);
    expect(claimFor('domestic-abuse', 'worcestershire|2017/18|dvpos', undefined)).toBeUndefined();
    expect(claimFor('spending', 'substance-misuse-contract|west-mercia-pcc|2017/18|actual')?.claim.kind).toBe('equals');
  });

  it('reads glossary entries and rejects unknown ids', () => {
    expect(glossaryEntry('marac', 't')).toMatchObject({
      term: 'Multi-Agency Risk Assessment Conference',
      abbreviation: 'MARAC',
    });
    expect(() => glossaryEntry('marc', '<Term id="marc">')).toThrow(
      /<Term id="marc">: no term "marc" in data\/glossary.csv/,
    );
  });

  it('counts rows by column values and rejects unknown columns', () => {
    expect(matchingRows('activities', { theme: 'prevent', period: '2018/19' }, 't').length).toBe(3);
    expect(() => matchingRows('activities', { colour: 'red' }, '<Count>')).toThrow(/has no column "colour"/);
  });
});

describe('helplines', () => {
  it('has a tel: number with the same digits as the number shown', () => {
    for (const h of Object.values(HELPLINES)) {
      const shown = h.number.replace(/\D/g, '');
      const dialled = h.tel.replace(/^\+44/, '0').replace(/\D/g, '');
      expect(dialled, h.id).toBe(shown);
    }
  });

  it('puts the emergency number first in every set, and only known contacts', () => {
    for (const [set, ids] of Object.entries(HELPLINE_SETS)) {
      expect(ids[0], set).toBe('emergency');
      for (const id of ids) expect(HELPLINES[id], `${set}: ${id}`).toBeDefined();
    }
    expect(HELPLINE_SETS['domestic-abuse']).toContain('domestic-abuse-helpline');
    expect(HELPLINE_SETS['child-exploitation']).toEqual(expect.arrayContaining(['childline', 'nspcc']));
  });
});
