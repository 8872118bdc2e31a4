/** The report's quarter words with our reading of the months (src/lib/period-words.ts). */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/lib/period.ts';
import { reportShortWords, reportWords } from '../../src/lib/period-words.ts';

const words = (id: string) => reportWords(parsePeriod(id)!);

describe('periods in the report’s words', () => {
  it('names a quarter as the report does, with the assumed months visible', () => {
    expect(words('2017-Q1')).toBe('the first quarter of 2017 (read as January to March)');
    expect(words('2018-Q1')).toBe('the first quarter of 2018 (read as January to March)');
    expect(words('2017-01/2017-06')).toBe('the first two quarters of 2017 (read as January to June)');
    expect(words('2017-04/2017-09')).toBe('the second to third quarters of 2017 (read as April to September)');
  });

  it('gives nothing for a period the report does not count in quarters', () => {
    expect(words('2017/18')).toBeUndefined();
    expect(words('2014-02/2015-02')).toBeUndefined();
  });

  it("gives a chart's short label in the report's form, the months still marked as read", () => {
    const short = (id: string) => reportShortWords(parsePeriod(id)!);
    expect(short('2017-Q1')).toBe('1st quarter 2017 (read as Jan\u2013Mar)');
    expect(short('2018-Q4')).toBe('4th quarter 2018 (read as Oct\u2013Dec)');
    expect(short('2017-01/2017-06')).toBeUndefined();
    expect(short('2017/18')).toBeUndefined();
  });
});
