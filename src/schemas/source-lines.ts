/**
 * The `source_lines` column: where in the report's text (`data/source/community-safety-overview.txt`)
 * a row is stated, as a 1-based line (`339`) or an inclusive range (`339-341`). The schema checks the
 * form; `src/data/provenance.ts` checks that the lines exist and hold the value.
 */
import { z } from 'zod';
import { columns } from './columns.ts';

import { parseLineRange, parseLineRanges, type LineRange } from '../lib/line-range.ts';

export { formatLineRange, parseLineRange, type LineRange } from '../lib/line-range.ts';

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

/**
 * The same column kept as its text (`24`, `24-40`) rather than parsed: for the governance datasets,
 * whose rows are counted by distinct `source_lines` (one value per bullet of the report). A row whose
 * text combines several passages (a body's remit) cites each, ascending, `;`-separated:
 * `19-21;122;152-155` (`parseLineRanges` in src/lib/line-range.ts).
 */
export function lineRangeText() {
  const e =
    'a line of the report like 339, a range like 339-341 (first line not after the last), or several in ascending order separated by ; (19-21;122;152-155)';
  return z
    .string({ error: e })
    .refine((s) => parseLineRanges(s) !== undefined, { error: e })
    .register(columns, { type: 'string', required: true });
}
