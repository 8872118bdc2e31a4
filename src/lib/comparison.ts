/**
 * Honest comparisons: a percentage change is never shown without the absolute change beside it, and a
 * percentage change between small counts carries a caution. Shared by the prose components, the key
 * figures and the charts so they all say it the same way (docs/design.md).
 */

/** Below this many, a count is "small": a few cases either way move a percentage change a lot. */
export const SMALL_COUNT = 50;

/** True when a percentage change between these two counts deserves the small-numbers caution. */
export function isSmallCount(unit: string, ...values: number[]): boolean {
  return unit === 'count' && values.some((v) => Math.abs(v) < SMALL_COUNT);
}

/** The caution shown next to such a change. */
export const SMALL_NUMBERS_NOTE = `Small numbers (a count under ${SMALL_COUNT} at either end): a change of a few cases moves the percentage a lot.`;
