import { z } from 'zod';
import { decimal, id, idList, oneOf, optional, period } from './columns.ts';
import { status } from './common.ts';
import { checkValue } from './observation.ts';
import { lineRange } from './source-lines.ts';

/** `data/spending.csv`: public-health community-safety spending lines, 2017/18 actuals and 2018/19 budget. */
const shape = {
  /** The spending line: `staffing`, `substance-misuse-contract` or `domestic-abuse-contract`. */
  line: oneOf(['staffing', 'substance-misuse-contract', 'domestic-abuse-contract']),
  /** Who pays: the council's public-health grant or the Police and Crime Commissioner (kept separate, never added in silently). */
  funder: oneOf(['wcc-public-health', 'west-mercia-pcc']),
  /** Financial year of the spending. */
  period: period(),
  /** `actual` (money spent) or `budget` (money planned). */
  basis: oneOf(['actual', 'budget']),
  /** Amount in whole pounds. */
  value: decimal(),
  /** Always `gbp`. */
  unit: oneOf(['gbp']),
  /** Status marker. */
  status: status(),
  /** Footnote ids from the dataset's metadata. */
  notes: optional(idList()),
  /** Section of the source report; an id in `sections`. */
  source_section: id(),
  /** Lines of the report's text that state the amount (`409-415`); checked at build. */
  source_lines: lineRange(),
  /** The source document (an id in `sources`) whose text `source_lines` counts: the edition the row is from. */
  source: id(),
};
export const spendingSchema = { kind: 'spending' as const, shape, row: z.object(shape).superRefine(checkValue) };
export type SpendingRow = z.infer<typeof spendingSchema.row>;
