import { describe, expect, it } from 'vitest';
import {
  difference,
  direction,
  offencesPerOffender,
  percentChange,
  spendingSum,
  spendingTotals,
} from '../../src/data/derive.ts';

describe('derived measures', () => {
  it('computes percentage changes as the report states them', () => {
    expect(percentChange(318, 338)).toBeCloseTo(6.289, 3);
    expect(percentChange(37, 33)).toBeCloseTo(-10.811, 3);
    expect(Number(percentChange(380, 407).toFixed(1))).toBe(7.1);
    expect(Number(percentChange(51, 49).toFixed(1))).toBe(-3.9);
  });
  it('refuses a zero or missing baseline', () => {
    expect(() => percentChange(0, 5)).toThrow(/baseline of 0/);
    expect(() => percentChange(Number.NaN, 5)).toThrow();
  });
  it('computes differences and directions', () => {
    expect(difference(10421, 10947)).toBe(526);
    expect(direction(difference(709, 555))).toBe('down');
    expect(direction(0)).toBe('unchanged');
    expect(direction(1)).toBe('up');
  });
  it('computes offences per offender and refuses an empty cohort', () => {
    expect(offencesPerOffender(160, 80)).toBe(2);
    expect(offencesPerOffender(112, 60)).toBeCloseTo(1.8667, 4);
    expect(() => offencesPerOffender(5, 0)).toThrow(/0 offenders/);
  });
  it('totals spending lines while keeping each funder visible', () => {
    const fy = (id: string) => ({ id });
    const totals = spendingTotals([
      { line: 'substance', funder: 'ph', period: fy('2017/18'), basis: 'actual', value: 3780100 },
      { line: 'substance', funder: 'pcc', period: fy('2017/18'), basis: 'actual', value: 106000 },
      { line: 'staffing', funder: 'ph', period: fy('2017/18'), basis: 'actual', value: 146370 },
      { line: 'staffing', funder: 'ph', period: fy('2018/19'), basis: 'budget', value: 145784 },
    ]);
    expect(totals).toHaveLength(3);
    expect(totals[0]).toEqual({
      line: 'substance',
      period: '2017/18',
      basis: 'actual',
      byFunder: { ph: 3780100, pcc: 106000 },
      total: 3886100,
    });
    expect(spendingSum(totals, '2017/18')).toBe(4032470);
    expect(spendingSum(totals, '2017/18', 'ph')).toBe(3926470);
    expect(spendingSum(totals, '2018/19', 'pcc')).toBe(0);
  });
});
