/** The words helper: plurals, lists, period phrases and the split-bullet count, with the phrasings issue #14 found wrong. */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/lib/period.ts';
import { agree, countWork, duringPeriod, joinList, plural } from '../../src/lib/words.ts';

const p = (id: string) => parsePeriod(id)!;

describe('plural', () => {
  it('agrees with one and many', () => {
    expect(plural(1, 'piece of work', 'pieces of work')).toBe('1 piece of work');
    expect(plural(3, 'piece of work', 'pieces of work')).toBe('3 pieces of work');
    expect(plural(0, 'body', 'bodies')).toBe('0 bodies');
    expect(plural(1, 'link')).toBe('1 link');
    expect(plural(2, 'piece of work')).toBe('2 pieces of work');
    expect(plural(1200, 'link')).toBe('1,200 links');
  });
  it('writes small numbers as words on request, and large ones in digits', () => {
    expect(plural(1, 'bullet', 'bullets', { as: 'words' })).toBe('one bullet');
    expect(plural(12, 'bullet', 'bullets', { as: 'words' })).toBe('12 bullets');
  });
  it('never reads "1 pieces" or "1 were"', () => {
    expect(`${plural(1, 'piece of work', 'pieces of work')} ${agree(1, 'was', 'were')} done`).toBe(
      '1 piece of work was done',
    );
  });
});

describe('joinList', () => {
  it('joins the en-GB way', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'])).toBe('a and b');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('duringPeriod', () => {
  it('puts the right preposition before each kind of period', () => {
    expect(duringPeriod(p('2017/18'))).toBe('in 2017/18');
    expect(duringPeriod(p('2017-01/2017-06'))).toBe('between January and June 2017');
    expect(duringPeriod(p('2014-02/2015-02'))).toBe('between February 2014 and February 2015');
    expect(duringPeriod(p('2017-Q1'))).toBe('between January and March 2017');
    expect(duringPeriod(p('2017-06/2017-06'))).toBe('in June 2017');
  });
  it('never reads "in January 2017 to June 2017"', () => {
    expect(duringPeriod(p('2017-01/2017-06'))).not.toMatch(/in January 2017 to/);
  });
});

describe('countWork (the split-bullet rule)', () => {
  it('says "the report lists" only when every row is its own bullet', () => {
    expect(countWork(5, 5)).toBe('The report lists 5 pieces of work');
    expect(countWork(1, 1)).toBe('The report lists 1 piece of work');
    expect(countWork(6, 5)).toBe('We count 6 pieces of work in 5 items of the report’s lists');
    expect(countWork(47, 44, { subject: 'mid' })).toBe('we count 47 pieces of work in 44 items of the report’s lists');
    expect(countWork(2, 1, { as: 'words' })).toBe('We count two pieces of work in one item of the report’s lists');
  });
});
