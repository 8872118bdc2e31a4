import { describe, expect, it } from 'vitest';
import { formatChange, formatValue } from '../../src/lib/format.ts';

describe('en-GB formatting', () => {
  it('formats values in their unit', () => {
    expect(formatValue(10947, 'count')).toBe('10,947');
    expect(formatValue(8.2, 'percent')).toBe('8.2%');
    expect(formatValue(3780100, 'gbp')).toBe('£3,780,100');
    expect(formatValue(3, 'fte')).toBe('3 FTE');
    expect(formatValue(2, 'ratio')).toBe('2.00');
  });
  it('formats signed changes with a true minus sign', () => {
    expect(formatChange(6.289, 'percent', 1)).toBe('+6.3%');
    expect(formatChange(-10.81, 'percent', 1)).toBe('\u221210.8%');
    expect(formatChange(526, 'count')).toBe('+526');
    expect(formatChange(0, 'count')).toBe('0');
  });
});
