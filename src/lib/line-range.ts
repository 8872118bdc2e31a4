/** A line or inclusive line range of the report's text (`339`, `339-341`): parsed and written back. */

export interface LineRange {
  start: number;
  end: number;
}

const FORM = /^([1-9]\d*)(?:-([1-9]\d*))?$/;

/** Parse `339` or `339-341`; `undefined` when the text is not a line range with start <= end. */
export function parseLineRange(text: string): LineRange | undefined {
  const m = FORM.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return end >= start ? { start, end } : undefined;
}

/** Write a range back in its canonical form: `339` or `339-341`. */
export function formatLineRange(range: LineRange): string {
  return range.start === range.end ? String(range.start) : `${range.start}-${range.end}`;
}
