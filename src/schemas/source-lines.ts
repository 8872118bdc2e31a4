/**
 * The `source_lines` column: where in the report's text (`data/source/community-safety-overview.txt`)
 * a row is stated, as a 1-based line (`339`) or an inclusive range (`339-341`). The schema checks the
 * form; `src/data/provenance.ts` checks that the lines exist and hold the value.
 */
import { z } from 'zod';
import { columns } from './columns.ts';

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

/** A line or line range of the report's text, e.g. `339` or `339-341`. */
export function lineRange() {
  const e = 'a line of the report like 339, or a range like 339-341 (first line not after the last)';
  return z
    .string({ error: e })
    .transform((s, ctx): LineRange => {
      const range = parseLineRange(s);
      if (!range) {
        ctx.addIssue({ code: 'custom', message: e });
        return z.NEVER;
      }
      return range;
    })
    .register(columns, { type: 'string', required: true });
}
