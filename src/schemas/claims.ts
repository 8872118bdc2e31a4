import { z } from 'zod';
import { decimal, id, idList, oneOf, optional, text } from './columns.ts';
import { unit } from './common.ts';

/**
 * `data/claims.csv`: derived figures the report states (a percentage change, a difference, a direction,
 * a rounded restatement). The build recomputes each from the base rows and fails if they disagree.
 */
const shape = {
  /** Stable id of the claim. */
  id: id(),
  /** How to recompute it: `percent-change`, `difference`, `direction` or `equals`. */
  kind: oneOf(['percent-change', 'difference', 'direction', 'equals']),
  /** The dataset holding the rows compared. */
  dataset: id(),
  /** Primary key of the later (or restated) row: its key values joined by `|`. */
  subject: text(),
  /** Primary key of the earlier row; empty for `equals`. */
  baseline: optional(text()),
  /** The figure as printed, sign included; empty for `direction`. */
  stated_value: optional(decimal()),
  /** The direction as worded in the source: `increase` or `decrease`. */
  stated_direction: optional(oneOf(['increase', 'decrease'])),
  /** Precision of the printed figure in its unit (0.1 for "6.3%", 1000 for "£106k"); the check allows half of it. */
  rounding: optional(decimal({ min: 0 })),
  /** Unit of the stated value. */
  unit: unit(),
  /** Section of the source report where the claim is made. */
  source_section: id(),
  /** Footnote ids. */
  notes: optional(idList()),
};
export const claimsSchema = {
  kind: 'claims' as const,
  shape,
  row: z.object(shape).superRefine((row, ctx) => {
    if (row.kind === 'direction') {
      if (!row.stated_direction) ctx.addIssue({ code: 'custom', path: ['stated_direction'], message: 'increase or decrease for a direction claim' });
    } else {
      if (row.stated_value === undefined) ctx.addIssue({ code: 'custom', path: ['stated_value'], message: `a stated value for a ${row.kind} claim` });
      if (row.rounding === undefined) ctx.addIssue({ code: 'custom', path: ['rounding'], message: `the printed precision for a ${row.kind} claim` });
    }
    if (row.kind !== 'equals' && !row.baseline) ctx.addIssue({ code: 'custom', path: ['baseline'], message: `a baseline row key for a ${row.kind} claim` });
  }),
};
export type ClaimRow = z.infer<typeof claimsSchema.row>;
