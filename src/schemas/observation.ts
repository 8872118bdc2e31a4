/**
 * The tidy observation row shared by the figure datasets: one value for one area, period and measure.
 * Each figure dataset has its own schema (see the files beside this one) made with `observationSchema`,
 * which narrows the units that dataset may use.
 */
import { z } from 'zod';
import { decimal, id, idList, oneOf, optional, period } from './columns.ts';
import { status, type Unit } from './common.ts';
import { inRange, isSafeIntegerText } from './numbers.ts';
import { lineRange } from './source-lines.ts';

/**
 * What each unit allows a value to be, judged on the value's decimal text. `decimal()` only lets
 * through numbers whose text `String(n)` gives back exactly, so the text checked here is the text in
 * the file (docs/validation.md, "Numbers").
 */
const VALUE_RULES = new Map<Unit, { ok: (text: string) => boolean; expected: string }>([
  [
    'count',
    {
      ok: (t) => isSafeIntegerText(t) && inRange(t, 0, undefined),
      expected: 'a whole number of 0 or more (unit count)',
    },
  ],
  ['percent', { ok: (t) => inRange(t, 0, 100), expected: 'a percentage from 0 to 100 (unit percent)' }],
  ['percent-change', { ok: () => true, expected: 'a signed percentage change' }],
  [
    'gbp',
    { ok: (t) => isSafeIntegerText(t) && inRange(t, 0, undefined), expected: 'whole pounds of 0 or more (unit gbp)' },
  ],
  [
    'fte',
    { ok: (t) => inRange(t, 0, undefined), expected: 'a number of full-time equivalents of 0 or more (unit fte)' },
  ],
]);

/** Check a value against its unit's rule; shared by the observation and spending schemas. */
export function checkValue(row: { value: number; unit: Unit }, ctx: z.RefinementCtx): void {
  const rule = VALUE_RULES.get(row.unit);
  if (!rule || !rule.ok(String(row.value)))
    ctx.addIssue({ code: 'custom', path: ['value'], message: rule?.expected ?? 'a known unit' });
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
  return { kind: 'observations' as const, shape, row: z.object(shape).superRefine(checkValue) };
}

/**
 * An observation row drawn from the report: the shape above plus `source_lines`, the lines of the
 * report's text that state the value (`339` or `339-341`), checked at build by src/data/provenance.ts.
 */
export function citedObservationSchema<const U extends readonly [Unit, ...Unit[]]>(units: U) {
  const shape = { ...observationShape(units), source_lines: lineRange(), source: id() };
  return { kind: 'observations' as const, shape, row: z.object(shape).superRefine(checkValue) };
}
