/**
 * The check-mark rule, in one place (docs/data-rules.md):
 *  - `checked`: the exact figure shown is printed in the report (a claim with a stated value, of the
 *    same kind as what is shown) and our data reproduces it. Only this gets "✓ checked against the
 *    report".
 *  - `direction`: the report says only which way it moved ("decreased", "reducing"); our data agrees,
 *    but the size shown is our calculation. Worded "the report says it fell; the data agrees".
 *  - `derived`: the report prints no such figure; we worked it out. Worded "our calculation".
 */
import { statedStep, verb } from '../lib/direction.ts';
import type { ClaimResult } from './claims.ts';

/** What a component shows: a percentage change, a difference, percentage points, both a difference and a %, or the value itself. */
export type Shown = 'percent' | 'difference' | 'points' | 'both' | 'value';

export type MarkKind = 'checked' | 'direction' | 'derived';

export interface Mark {
  kind: MarkKind;
  /** Plain words for the mark, for prose and key figures (no tick: the component adds it for `checked`). */
  text: string;
}


function exactMatch(claim: ClaimResult['claim'], shown: Shown): boolean {
  if (claim.stated_value === undefined) return false;
  switch (claim.kind) {
    case 'percent-change':
      return shown === 'percent' || shown === 'both';
    case 'difference':
      return shown === 'difference' || shown === 'both';
    case 'equals':
      return shown === 'value';
    case 'direction':
      return false;
  }
}

/**
 * What a change on a page shows, for its mark: one answer for `<Change as>` and `<KeyFigure change>`,
 * so the same change gets the same mark on every page (issue #24). A percentage is never shown alone
 * (the absolute change goes with it), so `percent` shows both.
 */
export function shownFor(mode: 'percent' | 'difference' | 'points' | 'both'): Shown {
  return mode === 'percent' ? 'both' : mode;
}

/**
 * The mark for a figure given the stated claim about it (if any) and what is shown. A claim that did
 * not agree never marks anything (the build fails on it anyway).
 */
export function markFor(result: ClaimResult | undefined, shown: Shown): Mark {
  const claim = result?.ok ? result.claim : undefined;
  if (claim && exactMatch(claim, shown)) {
    // Both a difference and a percentage shown: the one the report does not print is ours.
    const partial = shown === 'both' ? (claim.kind === 'difference' ? 'the percentage' : 'the difference') : undefined;
    return { kind: 'checked', text: partial ? `checked against the report; ${partial} is our calculation` : 'checked against the report' };
  }
  if (claim && claim.stated_direction && (claim.kind === 'direction' || claim.kind === 'difference' || claim.kind === 'percent-change')) {
    return {
      kind: 'direction',
      text: `the report says it ${verb(statedStep(claim.stated_direction))}; the data agrees, and the size is our calculation`,
    };
  }
  return { kind: 'derived', text: 'our calculation' };
}

/**
 * Whether a passage prints a period, in any of the report's spellings of it: a financial year
 * `2018/19` as "2018/19", "2018/9", "2018-19", "2018 – 2019" or the table's "18/19"; another period by its first year and
 * month-year pairs. A ✓ on a value covers its year only where the claim's lines print that year
 * (issue #24: the report gives £106k with no year, so the key figure's "2018/19" is not ticked).
 */
export function periodPrinted(text: string, period: { kind: string; id: string; start: string; end: string }): boolean {
  if (period.kind === 'financial-year') {
    const y = Number(period.id.slice(0, 4));
    const next = String(y + 1);
    const ends = [next, next.slice(2), next.slice(3)].join('|');
    // The spending table's short form "17/18" too (not inside a longer number or date like 1.4.17/18).
    const short = `(?<![\\d./])${String(y).slice(2)}\\s*/\\s*${next.slice(2)}(?![\\d/])`;
    return new RegExp(`(?<!\\d)${y}\\s*[/\\-\u2013]\\s*(?:${ends})(?!\\d)|${short}`).test(text);
  }
  return new RegExp(`(?<!\\d)${period.start.slice(0, 4)}(?!\\d)`).test(text);
}

/** What a ✓ on a value does not cover, as words after "the report gives no": "year", "year or funder". */
export function uncoveredContext(text: string, context: { period?: Parameters<typeof periodPrinted>[1]; funder?: RegExp }): string[] {
  const out: string[] = [];
  if (context.period && !periodPrinted(text, context.period)) out.push('year');
  if (context.funder && !context.funder.test(text)) out.push('funder');
  return out;
}
