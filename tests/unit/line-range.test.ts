import { describe, expect, it } from 'vitest';
import {
  formatLineRange,
  formatLineRanges,
  parseLineRange,
  parseLineRanges,
  unionLineRanges,
} from '../../src/lib/line-range.ts';

describe('line ranges', () => {
  it('parses one line or one range, and writes it back', () => {
    expect(parseLineRange('339')).toEqual({ start: 339, end: 339 });
    expect(parseLineRange('339-341')).toEqual({ start: 339, end: 341 });
    expect(formatLineRange({ start: 339, end: 341 })).toBe('339-341');
    for (const bad of ['', '0', '341-339', '339–341', ' 339', '339-', 'a']) {
      expect(parseLineRange(bad), bad).toBeUndefined();
    }
  });

  it('parses several ascending, non-overlapping ranges separated by ";"', () => {
    const text = '19-21;122;152-155';
    const ranges = parseLineRanges(text);
    expect(ranges).toEqual([
      { start: 19, end: 21 },
      { start: 122, end: 122 },
      { start: 152, end: 155 },
    ]);
    expect(formatLineRanges(ranges ?? [])).toBe(text);
    expect(parseLineRanges('339-341')).toEqual([{ start: 339, end: 341 }]);
  });

  it('rejects out-of-order, overlapping, empty and malformed parts', () => {
    for (const bad of ['122;19-21', '19-21;21', '19-21;20-30', '19-21;', ';19', '19-21; 122', '19-21,122']) {
      expect(parseLineRanges(bad), bad).toBeUndefined();
    }
  });

  it('joins the lines of several cells: a key figure cites its value and the one it compares with', () => {
    expect(unionLineRanges(['391', '390'])).toBe('390;391');
    expect(unionLineRanges(['338-341', '338-341'])).toBe('338-341');
    expect(unionLineRanges(['409-415', '192'])).toBe('192;409-415');
    expect(unionLineRanges(['211-212;229-232', '230'])).toBe('211-212;229-232');
    expect(unionLineRanges([undefined, 'x'])).toBeUndefined();
  });
});
