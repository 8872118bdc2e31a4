import { z } from 'zod';
import { decimal, id, idList, oneOf, optional, text } from './columns.ts';
import { unit } from './common.ts';
import { lineRange } from './source-lines.ts';

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

/** The committed claims cite their lines: `source_lines` (`339-341`, checked at build) before `notes`. */
const { notes, ...beforeNotes } = shape;
const citedShape = {
  ...beforeNotes,
  /** Lines of the report's text where the claim is printed (`339-341`); checked at build by src/data/provenance.ts. */
  source_lines: lineRange(),
  notes,
  /** The source document (an id in `sources`) whose text `source_lines` counts: the edition the row is from. */
  source: id(),
};

function checkClaim(row: z.infer<z.ZodObject<typeof shape>>, ctx: z.RefinementCtx): void {
  if (row.kind === 'direction') {
    if (!row.stated_direction)
      ctx.addIssue({
        code: 'custom',
        path: ['stated_direction'],
        message: 'increase or decrease for a direction claim',
      });
  } else {
    if (row.stated_value === undefined)
      ctx.addIssue({ code: 'custom', path: ['stated_value'], message: `a stated value for a ${row.kind} claim` });
    if (row.rounding === undefined)
      ctx.addIssue({ code: 'custom', path: ['rounding'], message: `the printed precision for a ${row.kind} claim` });
  }
  if (row.kind !== 'equals' && !row.baseline)
    ctx.addIssue({ code: 'custom', path: ['baseline'], message: `a baseline row key for a ${row.kind} claim` });
}

/** A claims table without line citations (test fixtures). */
export const claimsSchema = { kind: 'claims' as const, shape, row: z.object(shape).superRefine(checkClaim) };
/** `data/claims.csv`: every claim says where the report prints it. */
export const citedClaimsSchema = {
  kind: 'claims' as const,
  shape: citedShape,
  row: z.object(citedShape).superRefine(checkClaim),
};
export type ClaimRow = z.infer<typeof citedClaimsSchema.row>;
