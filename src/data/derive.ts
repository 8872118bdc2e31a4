/**
 * Derived measures, computed in code from the base rows and never stored in data files: percentage
 * changes, differences, offences per offender, spending totals. Figures, summaries and tables take
 * every derived number from here, so a data edit flows through to everything shown.
 */

/** Percentage change from `before` to `after` (11 means +11%). Throws on a zero or missing baseline. */
export function percentChange(before: number, after: number): number {
  if (!Number.isFinite(before) || before === 0) throw new Error(`Cannot compute a percentage change from a baseline of ${before}`);
  return ((after - before) / before) * 100;
}

/** Difference `after - before`. */
export function difference(before: number, after: number): number {
  return after - before;
}

/** Offences per offender in a cohort. Throws when there are no offenders. */
export function offencesPerOffender(offences: number, offenders: number): number {
  if (!(offenders > 0)) throw new Error(`Cannot compute offences per offender with ${offenders} offenders`);
  return offences / offenders;
}

/** Direction of a change, for summaries. */
export function direction(change: number): 'up' | 'down' | 'unchanged' {
  return change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged';
}

export interface SpendingInput {
  line: string;
  funder: string;
  period: { id: string };
  basis: string;
  value: number;
}

export interface SpendingTotal {
  line: string;
  period: string;
  basis: string;
  /** Money by funder. */
  byFunder: Record<string, number>;
  total: number;
}

/**
 * Totals per spending line and period/basis, with each funder's part kept visible (the PCC
 * contribution is never silently merged into the public-health figure). Order follows the input.
 */
export function spendingTotals(rows: readonly SpendingInput[]): SpendingTotal[] {
  const out = new Map<string, SpendingTotal>();
  for (const r of rows) {
    const key = `${r.line}|${r.period.id}|${r.basis}`;
    let t = out.get(key);
    if (!t) {
      t = { line: r.line, period: r.period.id, basis: r.basis, byFunder: {}, total: 0 };
      out.set(key, t);
    }
    t.byFunder[r.funder] = (t.byFunder[r.funder] ?? 0) + r.value;
    t.total += r.value;
  }
  return [...out.values()];
}

/** Sum of all lines for one period/basis and funder filter (e.g. public-health money only). */
export function spendingSum(totals: readonly SpendingTotal[], period: string, funder?: string): number {
  return totals.filter((t) => t.period === period).reduce((sum, t) => sum + (funder ? (t.byFunder[funder] ?? 0) : t.total), 0);
}
