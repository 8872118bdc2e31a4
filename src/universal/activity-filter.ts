/**
 * The activities explorer's filter logic, pure so the build (the default count) and the browser (the
 * filters) share it and it is unit-tested: which pieces of work match a choice of theme, period,
 * status and body, what the live count says, and which values a URL may set (unknown ones are
 * dropped, so `?status=bogus` shows everything rather than nothing).
 */
import { plural } from '../lib/words.ts';

/** The four filters, in the order the controls show them; each is also a URL parameter. */
export const ACTIVITY_FILTERS = ['theme', 'period', 'status', 'body'] as const;
export type ActivityFilterKey = (typeof ACTIVITY_FILTERS)[number];

/** A choice of filters: an empty or missing value means "any". */
export type ActivityFilters = Partial<Record<ActivityFilterKey, string>>;

/** What one piece of work is, for filtering: its theme, period slug, status and body ids. */
export type ActivityFacets = Record<ActivityFilterKey, string>;

/** A period id as it goes in a URL and a data attribute: `2017/18` -> `2017-18` (no `/` to escape). */
export function periodSlug(periodId: string): string {
  return periodId.replace(/\//g, '-');
}

/** Does a piece of work match every filter that is set? */
export function matchesFilters(item: ActivityFacets, filters: ActivityFilters): boolean {
  return ACTIVITY_FILTERS.every((key) => !filters[key] || item[key] === filters[key]);
}

/** The pieces of work that match. */
export function filterActivities<T extends ActivityFacets>(items: readonly T[], filters: ActivityFilters): T[] {
  return items.filter((item) => matchesFilters(item, filters));
}

/** Keep only the filters whose value is one of `allowed[key]` (the options the page offers). */
export function cleanFilters(
  filters: ActivityFilters,
  allowed: Partial<Record<ActivityFilterKey, readonly string[]>>,
): ActivityFilters {
  const out: ActivityFilters = {};
  for (const key of ACTIVITY_FILTERS) {
    const value = filters[key];
    if (value && allowed[key]?.includes(value)) out[key] = value;
  }
  return out;
}

/** Is any filter set? */
export function isFiltered(filters: ActivityFilters): boolean {
  return ACTIVITY_FILTERS.some((key) => !!filters[key]);
}

/** The live count: "Showing all 47 pieces of work", "Showing 12 of 47 pieces of work", or none. */
export function countLabel(shown: number, total: number): string {
  if (shown === total) return `Showing all ${plural(total, 'piece of work', 'pieces of work')}`;
  if (shown === 0) return `No pieces of work match these filters (of ${total})`;
  return `Showing ${shown} of ${plural(total, 'piece of work', 'pieces of work')}`;
}
