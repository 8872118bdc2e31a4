/**
 * The check-mark rule (docs/data-rules.md): ✓ only where the exact figure shown is printed in the
 * report and the data reproduces it; direction-only claims and derived figures get their own words.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markFor, periodPrinted, shownFor, uncoveredContext } from '../../src/data/claim-mark.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { checkClaims, type ClaimResult } from '../../src/data/claims.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';

const catalog = loadCatalog(resolve(import.meta.dirname, '../../data'), DATASET_SCHEMAS);
const { results } = checkClaims(catalog);
const claim = (id: string): ClaimResult => {
  const found = results.find((r) => r.claim.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};

describe('markFor on the committed claims', () => {
  it('ticks a printed percentage change shown as a percentage', () => {
    expect(markFor(claim('hate-north-offences-change'), 'percent')).toEqual({
      kind: 'checked',
      text: 'checked against the report',
    });
  });

  it('ticks a printed percentage change shown with its difference, and says the difference is ours', () => {
    expect(markFor(claim('hate-north-offences-change'), 'both')).toEqual({
      kind: 'checked',
      text: 'checked against the report; the difference is our calculation',
    });
  });

  it('does not tick a printed percentage change shown as a difference', () => {
    expect(markFor(claim('hate-north-offences-change'), 'difference').kind).not.toBe('checked');
  });

  it('ticks the printed increase of 526, and says the percentage beside it is ours', () => {
    expect(markFor(claim('da-incidents-increase-526'), 'difference').kind).toBe('checked');
    expect(markFor(claim('da-incidents-increase-526'), 'both').text).toBe(
      'checked against the report; the percentage is our calculation',
    );
    expect(markFor(claim('da-incidents-increase-526'), 'percent').kind).toBe('direction');
  });

  it('never ticks MARAC "fell by 154" or the alcohol share "fell by 2.5 points": the report gives only the direction', () => {
    for (const shown of ['difference', 'both', 'percent', 'points'] as const) {
      expect(markFor(claim('marac-cases-decrease'), shown)).toEqual({
        kind: 'direction',
        text: 'the report says it fell; the data agrees, and the size is our calculation',
      });
      expect(markFor(claim('alcohol-marker-share-reducing'), shown).kind).toBe('direction');
    }
  });

  it('ticks a printed restatement of a value (£106k)', () => {
    expect(markFor(claim('pcc-substance-misuse-106k'), 'value').kind).toBe('checked');
  });

  it('calls anything with no stated claim our calculation', () => {
    expect(markFor(undefined, 'percent')).toEqual({ kind: 'derived', text: 'our calculation' });
  });

  it('never marks a claim that failed its check', () => {
    const failed = { ...claim('hate-north-offences-change'), ok: false };
    expect(markFor(failed, 'percent').kind).toBe('derived');
  });
});

describe('a ✓ on a value covers only the year and funder its lines print', () => {
  const fy = parsePeriod('2018/19')!;
  it("finds a financial year in the report's spellings", () => {
    for (const text of ['in 2018/19', 'during 2018/9', '2018-19 budget', '2018 – 2019', '18/19 budget £3,798,000'])
      expect(periodPrinted(text, fy), text).toBe(true);
    for (const text of [
      '2017/18',
      '17/18 actuals',
      '2018',
      '12018/19',
      '118/19',
      '1.4.18/19',
      'with £106k support from the PCC',
    ])
      expect(periodPrinted(text, fy), text).toBe(false);
  });
  it('says the £106k line gives no year, but does name the funder', () => {
    const line = 'Worcestershire CC (with £106k support from the PCC) commissions the criminal justice';
    expect(uncoveredContext(line, { period: fy, funder: /\bPCC\b/ })).toEqual(['year']);
    expect(uncoveredContext(line, { period: fy, funder: /public health/ })).toEqual(['year', 'funder']);
    expect(uncoveredContext('£106k in 2018/19 from the PCC', { period: fy, funder: /\bPCC\b/ })).toEqual([]);
  });
});

describe('one mark per change on every page (issue #24 class 5)', () => {
  it('gives <Change> with a percentage and <KeyFigure> the same mark for the stated +526', () => {
    // The home page's lede uses <Change> (a percentage, with its absolute change); the domestic abuse
    // page's key figure shows both: the stated 526 is ticked in each, the percentage ours in each.
    const lede = markFor(claim('da-incidents-increase-526'), shownFor('percent'));
    const card = markFor(claim('da-incidents-increase-526'), shownFor('both'));
    expect(lede).toEqual(card);
    expect(lede).toEqual({ kind: 'checked', text: 'checked against the report; the percentage is our calculation' });
    expect(markFor(claim('hate-north-offences-change'), shownFor('percent'))).toEqual(
      markFor(claim('hate-north-offences-change'), shownFor('both')),
    );
  });
});
