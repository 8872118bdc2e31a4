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

/**
 * Several ranges in one cell, `;`-separated, for a row whose claim combines passages:
 * `19-21;122;152-155`. Each part is a range as above; parts are in ascending order and do not
 * overlap. `undefined` when any part is not a range, or the parts are out of order or overlap.
 * A single range (`339-341`) is a list of one.
 */
export function parseLineRanges(text: string): LineRange[] | undefined {
  const ranges: LineRange[] = [];
  for (const part of text.split(';')) {
    const range = parseLineRange(part);
    if (!range) return undefined;
    const previous = ranges[ranges.length - 1];
    if (previous && range.start <= previous.end) return undefined;
    ranges.push(range);
  }
  return ranges;
}

/** Write several ranges back in their canonical form: `19-21;122;152-155`. */
export function formatLineRanges(ranges: readonly LineRange[]): string {
  return ranges.map(formatLineRange).join(';');
}

/**
 * The lines several cells cite, as one cell: every range of every cell, sorted, a range inside one
 * already listed dropped (`391` and `390` give `390;391`; `338-341` and `338-341` give `338-341`).
 * Cells that are not line ranges are skipped; `undefined` when none is.
 */
export function unionLineRanges(cells: readonly (string | undefined)[]): string | undefined {
  const all = cells
    .flatMap((c) => (c ? (parseLineRanges(c.trim()) ?? []) : []))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: LineRange[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    // Only a range inside one already listed is dropped: each range kept is a cell's own, so its
    // anchor (`#L390`, `#L338-L341`) exists on the source page; adjacent lines stay two links.
    if (last && r.start >= last.start && r.end <= last.end) continue;
    out.push({ ...r });
  }
  return out.length > 0 ? formatLineRanges(out) : undefined;
}
