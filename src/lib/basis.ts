/**
 * The one place that words the "our reading" mark (docs/data-rules.md, "Stated or inferred"). A row
 * with `basis=inferred` (an activity's body, a relationship) is our reading, not the report's: wherever
 * it is shown, it carries this mark and its note. HTML goes through
 * `src/components/site/OurReading.astro`, which uses these words; plain-text places (chart labels,
 * tables of figures, search text) use `withReading`. `scripts/inferred-marks.ts` checks every built
 * page for an inferred row shown without them.
 */

export type Basis = 'stated' | 'inferred';

/** The mark's words. */
export const OUR_READING = 'our reading';

/** Said after a percentage the report does not print (issue #24: "our calculation" in summaries too). */
export const OUR_CALCULATION = 'our calculation';

/** The basis of a cell: a missing or empty basis means stated. */
export function isInferred(basis: string | undefined | null): boolean {
  return basis === 'inferred';
}

/** A label with the mark when the row is inferred: "Public health (our reading)". */
export function withReading(label: string, basis: string | undefined | null): string {
  return isInferred(basis) ? `${label} (${OUR_READING})` : label;
}

/** The mark and the note as one plain sentence: "our reading: <note>". */
export function readingText(note: string): string {
  return `${OUR_READING}: ${note.trim()}`;
}

/** Numbered notes for a list: each distinct note once, in order of first use; `number(note)` is 1-based. */
export function noteNumbers(notes: readonly string[]): { notes: string[]; number: (note: string) => number } {
  const distinct = [...new Set(notes.filter((n) => n.trim() !== ''))];
  return { notes: distinct, number: (note) => distinct.indexOf(note) + 1 };
}
