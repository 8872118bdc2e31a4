import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityItem } from '../../../src/charts/activities.ts';
import {
  activitiesSummary,
  change,
  inSentence,
  hateCrimeSummary,
  movement,
  periodBarsSummary,
  spendingSummary,
} from '../../../src/charts/summaries.ts';
import { alcoholSummary } from '../../../src/figures/alcohol.ts';
import { governanceSummary } from '../../../src/figures/governance.ts';
import { reoffendingSummary } from '../../../src/figures/reoffending.ts';
import { statSummary } from '../../../src/figures/stat-tiles.ts';
import { shareSummary } from '../../../src/figures/waffle.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/charts', name), 'utf8'));
const hate = fixture('hate-crime.json');
const small = fixture('small.json');
const gov = fixture('governance.json');

describe('text summaries', () => {
  it('says which way a figure moved and by how much', () => {
    expect(movement(318, 338, 'count', '2016/17', '2017/18', true, true)).toBe(
      'rose from 318 in 2016/17 to 338 in 2017/18 (+6.3%)',
    );
    expect(movement(37, 33, 'count', '2016/17', '2017/18', true, true)).toBe(
      'fell from 37 in 2016/17 to 33 in 2017/18 (\u221210.8%)',
    );
    // A percentage the report does not print says so (issue #24).
    expect(movement(318, 338, 'count', '2016/17', '2017/18')).toBe(
      'rose from 318 in 2016/17 to 338 in 2017/18 (+6.3%, our calculation)',
    );
    expect(movement(5, 5, 'count', 'A', 'B')).toBe('stayed at 5 in A and B');
    expect(change(80, 60)).toBe('fell from 80 to 60 (\u221225.0%, our calculation)');
    expect(change(2, 1.8667, 2)).toBe('fell from 2.00 to 1.87');
  });

  it('summarises hate crime per area, both measures', () => {
    expect(hateCrimeSummary(hate.counts, () => true)).toEqual([
      'In North Worcestershire, hate offences rose from 318 in 2016/17 to 338 in 2017/18 (+6.3%), while hate incidents recorded as crimes fell from 37 in 2016/17 to 33 in 2017/18 (\u221210.8%).',
      'In South Worcestershire, hate offences rose from 380 in 2016/17 to 407 in 2017/18 (+7.1%), while hate incidents recorded as crimes fell from 51 in 2016/17 to 49 in 2017/18 (\u22123.9%).',
    ]);
  });

  it('summarises a measure over periods with the difference', () => {
    expect(periodBarsSummary(small.periodBars)).toEqual([
      'Cases heard at MARAC fell from 709 in 2016/17 to 555 in 2017/18 (\u221221.7%, our calculation), down 154.',
    ]);
    expect(periodBarsSummary([small.periodBars[0]])).toEqual(['Cases heard at MARAC: 709 in 2016/17.']);
  });

  it('summarises the reoffending cohort with offences per offender', () => {
    expect(reoffendingSummary(small.reoffending)).toEqual([
      'In Jan\u2013Mar 2017, 80 offenders on the cohort committed 160 offences; in Jan\u2013Mar 2018, 60 offenders committed 112.',
      'The number of offenders fell from 80 to 60 (\u221225.0%, our calculation) and offences fell from 160 to 112 (\u221230.0%, our calculation), so offences per offender (our calculation) fell from 2.00 to 1.87.',
    ]);
  });

  it('keeps the caveat with the alcohol share', () => {
    const out = alcoholSummary(small.alcohol, 'Definition changed.');
    expect(out[0]).toBe(
      'Violence with injury carrying an alcohol marker made up 8.2% of violent crime in Feb 2014 to Feb 2015 and 5.7% in Feb 2016 to Feb 2017: the share fell by 2.5 percentage points (our calculation).',
    );
    expect(out[1]).toBe('Definition changed.');
  });

  it('names the PCC contribution separately in the spending summary', () => {
    expect(spendingSummary(small.spending)).toEqual([
      '2017/18 actual: £4,352,191 from public health across the 3 lines (our calculation), plus £106,000 from the Police and Crime Commissioner.',
      '2018/19 budget: £4,360,784 from public health across the 3 lines (our calculation), plus £106,000 from the Police and Crime Commissioner.',
      'The alcohol and substance misuse contract is by far the largest line.',
    ]);
  });

  it('says who pays is our reading where the report prints an amount without a funder', () => {
    // The report's 2018/19 budget says only "plus £106,000" (line 415): the Commissioner there is our reading.
    const rows = small.spending.map((r: { column: string; funder: string }) =>
      r.column.startsWith('2018/19') && r.funder === 'west-mercia-pcc' ? { ...r, funderAssumed: true } : r,
    );
    const [actual, budget] = spendingSummary(rows);
    expect(actual).toContain('plus £106,000 from the Police and Crime Commissioner.');
    expect(budget).toContain(
      'plus £106,000, which the report does not say who pays (our reading: the Police and Crime Commissioner).',
    );
  });

  it('states single figures without inventing a trend', () => {
    expect(statSummary(small.stats)).toEqual([
      'Domestic Violence Protection Orders taken out: 88 (2017/18).',
      'Adult safeguarding (Section 42) domestic abuse referrals where the adult was over 50: 79% (2017/18).',
      'Change in children exposed to domestic abuse incidents: +11% (Jan\u2013Jun 2017 vs Jan\u2013Jun 2016).',
      'Domestic homicide reviews in progress: 3 (2018/19, at the time of the report).',
    ]);
    expect(shareSummary(small.share)).toEqual([
      'Channel referrals in which autism, a learning difficulty or mental health played a part: 55% (2017/18 (period assumed)). Other referrals: 45% (our calculation).',
    ]);
  });

  it('counts bodies, links and work items', () => {
    expect(governanceSummary(gov.nodes)).toEqual([
      'The report names or refers to 9 bodies (1 national, 2 West Mercia, 5 county and 1 local); we show 5 links between them.',
      'The most connected is the Worcestershire Safer Communities Board, with 3 links.',
    ]);
    expect(governanceSummary(gov.nodes, undefined, 2)[0]).toBe(
      'The report names or refers to 9 bodies (1 national, 2 West Mercia, 5 county and 1 local); we show 5 links (3 stated in the report, 2 our reading) between them.',
    );
    // Period first, then status: the 2017/18 item still being considered is not filed under 2018/19.
    expect(activitiesSummary(gov.activities)).toEqual([
      'We count 8 pieces of work in 7 items of the report’s lists across 3 themes: listed for 2017/18, 4 done and 1 planned or being considered; listed for 2018/19, 2 under way and 1 planned or being considered.',
      'The theme with the most is drugs and alcohol, with 4.',
    ]);
  });

  it("says what a theme page's part of the diagram and of the board is, not the whole report", () => {
    expect(governanceSummary(gov.nodes, { themeTitle: 'Police and Crime Commissioner and Panel', core: 1 })).toEqual([
      '1 body works on Police and Crime Commissioner and Panel and 8 others are linked to them: 9 bodies in all (1 national, 2 West Mercia, 5 county and 1 local), with 5 links.',
      'Of these, the most connected is the Worcestershire Safer Communities Board, with 3 of the links.',
    ]);
    expect(governanceSummary(gov.nodes, { themeTitle: 'Hate crime', core: 9 })[0]).toBe(
      '9 bodies work on hate crime (1 national, 2 West Mercia, 5 county and 1 local), with 5 links between them.',
    );
    const all = gov.activities as ActivityItem[];
    const hate = all.filter((a) => a.theme === 'hate-crime');
    expect(activitiesSummary(hate, 'Hate crime')).toEqual([
      'The report lists 2 pieces of work on hate crime: listed for 2017/18, 1 done; listed for 2018/19, 1 under way.',
    ]);
    expect(activitiesSummary(hate.slice(0, 1), 'Prevent')).toEqual([
      'The report lists 1 piece of work on prevent: listed for 2017/18, 1 done.',
    ]);
  });

  it('lowers a label inside a sentence unless it is a name', () => {
    expect(inSentence('Drugs and alcohol')).toBe('drugs and alcohol');
    expect(inSentence('Child exploitation, county lines and modern slavery')).toBe(
      'child exploitation, county lines and modern slavery',
    );
    expect(inSentence('West Mercia')).toBe('West Mercia');
    expect(inSentence('Police and Crime Commissioner and Panel')).toBe('Police and Crime Commissioner and Panel');
  });
});
