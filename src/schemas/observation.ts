/**
 * The tidy observation row shared by the figure datasets: one value for one area, period and measure.
 * Each figure dataset has its own schema (see the files beside this one) made with `observationSchema`,
 * which narrows the units that dataset may use.
 */
import { z } from 'zod';
import { decimal, id, idList, oneOf, optional, period } from './columns.ts';
import { status, type Unit } from './common.ts';

/** What each unit allows a value to be. */
const VALUE_RULES: Record<Unit, { ok: (n: number) => boolean; expected: string }> = {
  count: { ok: (n) => Number.isInteger(n) && n >= 0, expected: 'a whole number of 0 or more (unit count)' },
  percent: { ok: (n) => n >= 0 && n <= 100, expected: 'a percentage from 0 to 100 (unit percent)' },
  'percent-change': { ok: () => true, expected: 'a signed percentage change' },
  gbp: { ok: (n) => Number.isInteger(n) && n >= 0, expected: 'whole pounds of 0 or more (unit gbp)' },
  fte: { ok: (n) => n >= 0, expected: 'a number of full-time equivalents of 0 or more (unit fte)' },
};

/** Check a value against its unit's rule; shared by the observation and spending schemas. */
export function checkValue(row: { value: number; unit: Unit }, ctx: z.RefinementCtx): void {
  const rule = VALUE_RULES[row.unit];
  if (!rule.ok(row.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: rule.expected });
}

export function observationShape<const U extends readonly [Unit, ...Unit[]]>(units: U) {
  return {
    /** Area the value describes; an id in `areas`. */
    area: id(),
    /** Period the value covers (financial year, quarter or month span). */
    period: period(),
    /** What is measured; an id in `measures`, whose unit must equal this row's unit. */
    measure: id(),
    /** The value exactly as printed in the source, in `unit`. */
    value: decimal(),
    /** Unit of `value`; limited to the units this dataset declares. */
    unit: oneOf(units),
    /** Status marker: what a reader should know before using the value. */
    status: status(),
    /** Footnote ids (from the dataset's metadata) that qualify this value. */
    notes: optional(idList()),
    /** The section of the source report the value comes from; an id in `sections`. */
    source_section: id(),
  };
}

/** Build an observation row schema that accepts only the given units. */
export function observationSchema<const U extends readonly [Unit, ...Unit[]]>(units: U) {
  const shape = observationShape(units);
  return { shape, row: z.object(shape).superRefine(checkValue) };
}
