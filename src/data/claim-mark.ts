/**
 * The check-mark rule, in one place (docs/data-rules.md):
 *  - `checked`: the exact figure shown is printed in the report (a claim with a stated value, of the
 *    same kind as what is shown) and our data reproduces it. Only this gets "✓ checked against the
 *    report".
 *  - `direction`: the report says only which way it moved ("decreased", "reducing"); our data agrees,
 *    but the size shown is our calculation. Worded "the report says it fell; the data agrees".
 *  - `derived`: the report prints no such figure; we worked it out. Worded "our calculation".
 */
import type { ClaimResult } from './claims.ts';

/** What a component shows: a percentage change, a difference, percentage points, both a difference and a %, or the value itself. */
export type Shown = 'percent' | 'difference' | 'points' | 'both' | 'value';

export type MarkKind = 'checked' | 'direction' | 'derived';

export interface Mark {
  kind: MarkKind;
  /** Plain words for the mark, for prose and key figures (no tick: the component adds it for `checked`). */
  text: string;
}

const VERB = { increase: 'rose', decrease: 'fell' } as const;

function exactMatch(claim: ClaimResult['claim'], shown: Shown): boolean {
  if (claim.stated_value === undefined) return false;
  switch (claim.kind) {
    case 'percent-change':
      return shown === 'percent';
    case 'difference':
      return shown === 'difference' || shown === 'both';
    case 'equals':
      return shown === 'value';
    case 'direction':
      return false;
  }
}

/**
 * The mark for a figure given the stated claim about it (if any) and what is shown. A claim that did
 * not agree never marks anything (the build fails on it anyway).
 */
export function markFor(result: ClaimResult | undefined, shown: Shown): Mark {
  const claim = result?.ok ? result.claim : undefined;
  if (claim && exactMatch(claim, shown)) {
    const partial = claim.kind === 'difference' && shown === 'both';
    return { kind: 'checked', text: partial ? 'checked against the report; the percentage is our calculation' : 'checked against the report' };
  }
  if (claim && claim.stated_direction && (claim.kind === 'direction' || claim.kind === 'difference' || claim.kind === 'percent-change')) {
    const verb = VERB[claim.stated_direction];
    return { kind: 'direction', text: `the report says it ${verb}; the data agrees, and the size is our calculation` };
  }
  return { kind: 'derived', text: 'our calculation' };
}
