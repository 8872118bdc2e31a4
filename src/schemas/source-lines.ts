/**
 * The `source_lines` column: where in the report's text (`data/source/community-safety-overview.txt`)
 * a row is stated, as a 1-based line (`339`) or an inclusive range (`339-341`). The schema checks the
 * form; `src/data/provenance.ts` checks that the lines exist and hold the value.
 */
import { z } from 'zod';
import { columns } from './columns.ts';

import { parseLineRange, type LineRange } from '../lib/line-range.ts';

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
