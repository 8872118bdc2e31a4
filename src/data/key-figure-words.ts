/**
 * The words around a key figure's number, in one place: what a page's <KeyFigure> and <KeyCount>
 * show, and what the page's social card repeats (src/discovery/pages.ts), so the two cannot differ.
 */
import { NO_PERIOD_GIVEN } from '../lib/period-words.ts';
import { areaName, longPeriodLabel, period as toPeriod, type BoundRow } from './lookup.ts';

/**
 * Where and when a key figure's row is: "Worcestershire, 2017/18 (April 2017 to March 2018)", "Budget
 * for …", "Spent in …". A row the report gives no period for is filed under a year in the data; the
 * card does not show that year (src/lib/period-words.ts).
 */
export function keyFigureContext(row: BoundRow): string {
  const where = areaName(row.raw.area);
  const when = longPeriodLabel(row.period);
  if (row.status === 'period-unclear') return [where, NO_PERIOD_GIVEN].filter(Boolean).join('; ');
  if (row.raw.basis === 'budget') return `Budget for ${when}`;
  if (row.raw.basis === 'actual') return `Spent in ${when}`;
  return [where, when].filter(Boolean).join(', ');
}

/** What a key count counts, for `n`: the label, or for one its singular (default: first word without its final "s"). */
export function keyCountLabel(n: number, label: string, singular?: string): string {
  return n === 1 ? (singular ?? label.replace(/^(\S+?)s\b/, '$1')) : label;
}

/** The period a key count is filtered to, in words, if it is. */
export function keyCountPeriod(period: string | undefined, who: string): string | undefined {
  return period ? longPeriodLabel(toPeriod(period, who)) : undefined;
}
