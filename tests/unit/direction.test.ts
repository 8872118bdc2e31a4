/** The one direction function (src/lib/direction.ts): words from the numbers, for any number of periods. */
import { describe, expect, it } from 'vitest';
import {
  acrossGroups,
  changedBy,
  comparative,
  movement,
  noun,
  readDirection,
  runsOf,
  seriesVerb,
  shapeOf,
  stepOf,
  updown,
  verb,
} from '../../src/lib/direction.ts';

const fmt = {
  format: (v: number) => String(v),
  percent: (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}%`,
};
const pts = (...values: number[]) => values.map((value, i) => ({ value, label: `P${i + 1}` }));

describe('steps and shapes', () => {
  it('reads one step', () => {
    expect(stepOf(1, 2)).toBe('up');
    expect(stepOf(2, 1)).toBe('down');
    expect(stepOf(2, 2)).toBe('same');
  });
  it('reads a series of any length, ignoring equal steps', () => {
    expect(shapeOf([])).toBe('none');
    expect(shapeOf([5])).toBe('none');
    expect(shapeOf([5, 6])).toBe('up');
    expect(shapeOf([5, 5, 5, 5, 5, 5])).toBe('same');
    expect(shapeOf([1, 2, 2, 3, 4, 9])).toBe('up');
    expect(shapeOf([9, 8, 8, 3, 2, 1])).toBe('down');
    expect(shapeOf([1, 3, 2])).toBe('up-down');
    expect(shapeOf([3, 1, 1, 2])).toBe('down-up');
    expect(shapeOf([1, 3, 2, 4])).toBe('mixed');
    expect(runsOf([1, 3, 3, 2])).toEqual([
      { from: 0, to: 1, step: 'up' },
      { from: 1, to: 3, step: 'down' },
    ]);
  });
});

describe('words', () => {
  it('has one verb per direction and tense', () => {
    expect([verb('up'), verb('down'), verb('same')]).toEqual(['rose', 'fell', 'did not change']);
    expect([verb('up', 'perfect'), verb('down', 'perfect'), verb('same', 'perfect')]).toEqual([
      'has risen',
      'has fallen',
      'has not changed',
    ]);
    expect(verb('up', 'present')).toBe('rises');
    expect([noun('up'), noun('down'), noun('same')]).toEqual(['a rise', 'a fall', 'no change']);
    expect([updown('up', true), updown('down'), updown('same')]).toEqual(['Up', 'down', 'unchanged']);
    expect([comparative('down', 'count'), comparative('up'), comparative('same')]).toEqual([
      'fewer',
      'higher',
      'the same',
    ]);
  });
  it('says a whole series, turns included', () => {
    expect(seriesVerb([1])).toBe('');
    expect(seriesVerb([1, 2, 3])).toBe('rose');
    expect(seriesVerb([3, 3])).toBe('did not change');
    expect(seriesVerb([1, 3, 2])).toBe('rose then fell');
    expect(seriesVerb([3, 1, 2])).toBe('fell then rose');
    expect(seriesVerb([1, 3, 2, 4, 1, 5])).toBe('rose and fell by turns');
  });
  it('puts the size with the word', () => {
    expect(changedBy(10421, 10947, '526')).toBe('rose by 526');
    expect(changedBy(709, 555, '154')).toBe('fell by 154');
    expect(changedBy(5, 5, '0')).toBe('did not change');
  });
});

describe('movement: any number of periods', () => {
  it('one period has no direction', () => {
    expect(movement(pts(17), fmt)).toBe('was 17 in P1');
  });
  it('two periods', () => {
    expect(movement(pts(318, 338), fmt)).toBe('rose from 318 in P1 to 338 in P2 (6.3%)');
    expect(movement(pts(37, 33), fmt)).toBe('fell from 37 in P1 to 33 in P2 (-10.8%)');
    expect(movement(pts(5, 5), fmt)).toBe('stayed at 5 in P1 and P2');
  });
  it('three and six periods', () => {
    expect(movement(pts(10, 15, 12), fmt)).toBe(
      'rose from 10 in P1 to 15 in P2, then fell to 12 in P3 (20.0% from first to last)',
    );
    expect(movement(pts(1, 2, 3, 4, 5, 6), fmt)).toBe('rose from 1 in P1 to 6 in P6 (500.0%)');
    expect(movement(pts(6, 6, 6, 6, 6, 6), fmt)).toBe('stayed at 6 from P1 to P6');
    expect(movement(pts(4, 2, 5, 1, 1, 3), fmt)).toBe(
      'fell from 4 in P1 to 2 in P2, then rose to 5 in P3, then fell to 1 in P4, then rose to 3 in P6 (-25.0% from first to last)',
    );
  });
});

describe('several series', () => {
  it('says "both" only when they agree', () => {
    expect(
      acrossGroups([
        { name: 'the north', values: [1, 2] },
        { name: 'the south', values: [3, 4] },
      ]),
    ).toBe('rose in both areas');
    expect(
      acrossGroups([
        { name: 'the north', values: [2, 1] },
        { name: 'the south', values: [3, 4] },
      ]),
    ).toBe('fell in the north and rose in the south');
    expect(
      acrossGroups([
        { name: 'a', values: [2, 2] },
        { name: 'b', values: [3, 3] },
      ]),
    ).toBe('did not change in either area');
    expect(
      acrossGroups([
        { name: 'a', values: [1, 2] },
        { name: 'b', values: [1, 2] },
        { name: 'c', values: [1, 2] },
      ]),
    ).toBe('rose in all 3 areas');
    expect(acrossGroups([{ name: 'the north', values: [1, 3, 2] }])).toBe('rose then fell in the north');
  });
});

describe('readDirection', () => {
  it('reads back every word the module writes', () => {
    for (const values of [
      [1, 2],
      [2, 1],
      [2, 2],
      [1, 3, 2],
      [3, 1, 2],
      [1, 3, 2, 4],
    ]) {
      expect(readDirection(seriesVerb(values))).toBe(shapeOf(values));
      expect(readDirection(movement(pts(...values), fmt))).toBe(shapeOf(values));
    }
    expect(readDirection('nothing here')).toBeUndefined();
  });
});
