import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod } from '../../src/lib/period.ts';

describe('parsePeriod', () => {
  it('reads a financial year as 1 April to 31 March', () => {
    expect(parsePeriod('2017/18')).toEqual({
      id: '2017/18',
      kind: 'financial-year',
      start: '2017-04-01',
      end: '2018-03-31',
      label: '2017/18',
    });
    expect(parsePeriod('1999/00')?.end).toBe('2000-03-31');
  });
  it('reads a calendar quarter', () => {
    expect(parsePeriod('2017-Q1')).toMatchObject({
      kind: 'quarter',
      start: '2017-01-01',
      end: '2017-03-31',
      label: 'Jan–Mar 2017',
    });
    expect(parsePeriod('2016-Q4')?.end).toBe('2016-12-31');
  });
  it('reads a month span to the last day of its end month', () => {
    expect(parsePeriod('2014-02/2015-02')).toMatchObject({
      kind: 'month-span',
      start: '2014-02-01',
      end: '2015-02-28',
      label: 'Feb 2014 to Feb 2015',
    });
    expect(parsePeriod('2016-02/2016-02')?.end).toBe('2016-02-29');
  });
  it.each([
    '2017-18',
    '2017/19',
    '2016/7',
    '17/18',
    '2017-Q5',
    '2017-13/2018-01',
    '2018-02/2017-02',
    ' 2017/18',
    'FY2017',
    '',
  ])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
  it('orders periods by start then end', () => {
    const ps = ['2017/18', '2014-02/2015-02', '2017-Q1', '2016/17'].map((p) => parsePeriod(p)!);
    expect(ps.sort(comparePeriods).map((p) => p.id)).toEqual(['2014-02/2015-02', '2016/17', '2017-Q1', '2017/18']);
  });
});
