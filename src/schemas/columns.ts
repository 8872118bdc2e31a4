/**
 * Column builders shared by every dataset schema.
 *
 * A data file is parsed to strings; an empty cell arrives as `undefined` (never as "" and never as 0).
 * Each builder validates one raw cell and turns it into a typed value. Its error message is the
 * "expected" half of a validation report ("a whole number of 0 or more"); the loader adds the
 * file, line, column and what was found.
 *
 * Rules that apply to every cell:
 *  - cells are not trimmed: " 12 " is an error, not 12 (spaces around a value usually mean a
 *    hand edit went wrong, and silently trimming would hide it);
 *  - numbers are plain decimals: no thousands separators, no exponent ("1e3"), no currency or % signs,
 *    and are checked on their text so the stored number is exactly the one written (src/schemas/numbers.ts);
 *  - years are from 1900 to 2099 (a `0000` is a typo, not a date);
 *  - an empty cell is only allowed in an optional column, where it becomes `undefined`.
 */
import { z } from 'zod';
import { parsePeriod, PERIOD_FORMATS, type Period } from '../lib/period.ts';
import { DECIMAL_SHAPE, inRange, INTEGER_TEXT, isSafeIntegerText, readDecimal, reasonText } from './numbers.ts';

/** The types a column dictionary may declare. */
export const COLUMN_TYPES = [
  'id',
  'string',
  'integer',
  'number',
  'period',
  'date',
  'enum',
  'boolean',
  'id-list',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** What a schema says about one of its columns, checked against the dataset's column dictionary. */
export interface ColumnInfo {
  /** The declared type; must equal the dictionary's `type` for that column. */
  type: ColumnType;
  /** Whether an empty cell is an error. */
  required: boolean;
  /** Allowed values, for enum columns (shown in the column dictionary). */
  values?: readonly string[];
}

/** Registry from a column schema to what it declares. */
export const columns = z.registry<ColumnInfo>();

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Years a period or date may name: anything outside is a typo. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2099;
const yearsOk = (...years: number[]) => years.every((y) => y >= YEAR_MIN && y <= YEAR_MAX);

function cell(expected: string) {
  return z.string({ error: expected });
}

/** A stable kebab-case identifier, e.g. `north-worcestershire`. */
export function id() {
  const e = 'a kebab-case id (lower-case letters, digits and single hyphens)';
  return cell(e).regex(ID, { error: e }).register(columns, { type: 'id', required: true });
}

/** Free text. Must not be blank or padded with spaces. */
export function text() {
  const e = 'text with no leading or trailing spaces';
  return cell(e)
    .refine((s) => s.trim() === s && s.length > 0, { error: e })
    .register(columns, { type: 'string', required: true });
}

/** A whole number, optionally bounded (counts default to 0 or more); checked on its text. */
export function integer(opts: { min?: number; max?: number } = {}) {
  const { min = 0, max } = opts;
  const e = max === undefined ? `a whole number of ${min} or more` : `a whole number from ${min} to ${max}`;
  return cell(e)
    .transform((s, ctx) => {
      if (!INTEGER_TEXT.test(s)) {
        ctx.addIssue({ code: 'custom', message: /^-?[0-9]+$/.test(s) ? `${e} ${reasonText('form')}` : e });
        return z.NEVER;
      }
      if (!isSafeIntegerText(s)) {
        ctx.addIssue({ code: 'custom', message: `${e} ${reasonText('precision')}` });
        return z.NEVER;
      }
      if (!inRange(s, min, max)) {
        ctx.addIssue({ code: 'custom', message: e });
        return z.NEVER;
      }
      return Number(s);
    })
    .register(columns, { type: 'integer', required: true });
}

/** A plain decimal number (e.g. `8.2`, `-10.8`), optionally bounded; checked on its text. */
export function decimal(opts: { min?: number; max?: number } = {}) {
  const { min, max } = opts;
  const range =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` of ${min} or more`
        : max !== undefined
          ? ` of ${max} or less`
          : '';
  const e = `a plain decimal number${range}`;
  return cell(e)
    .transform((s, ctx) => {
      const read = readDecimal(s);
      if (!read.ok) {
        ctx.addIssue({
          code: 'custom',
          message: read.reason === 'shape' || !DECIMAL_SHAPE.test(s) ? e : `${e} ${reasonText(read.reason)}`,
        });
        return z.NEVER;
      }
      if (!inRange(s, min, max)) {
        ctx.addIssue({ code: 'custom', message: e });
        return z.NEVER;
      }
      return read.value;
    })
    .register(columns, { type: 'number', required: true });
}

const PERIODS = new Map<string, Period | undefined>();

/** A typed period: financial year, quarter or month span. */
export function period() {
  const e = `${PERIOD_FORMATS} (years ${YEAR_MIN} to ${YEAR_MAX})`;
  return cell(e)
    .transform((s, ctx): Period => {
      // Periods are few and immutable: one object per distinct text, shared by every row that names it.
      let p = PERIODS.get(s);
      if (!p && !PERIODS.has(s)) {
        p = parsePeriod(s);
        if (PERIODS.size < 10_000) PERIODS.set(s, p && Object.freeze(p));
      }
      if (!p || !yearsOk(Number(p.start.slice(0, 4)), Number(p.end.slice(0, 4)))) {
        ctx.addIssue({ code: 'custom', message: e });
        return z.NEVER;
      }
      return p;
    })
    .register(columns, { type: 'period', required: true });
}

/** A month (`2017-10`) or a year (`2018`). */
export function date() {
  const e = `a month like 2017-10 or a year like 2018 (years ${YEAR_MIN} to ${YEAR_MAX})`;
  return cell(e)
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: e })
    .refine((s) => yearsOk(Number(s.slice(0, 4))), { error: e })
    .register(columns, { type: 'date', required: true });
}

/** One of a fixed list of values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const e = `one of ${values.join(', ')}`;
  return z.enum(values, { error: e }).register(columns, { type: 'enum', required: true, values });
}

/** A `;`-separated list of kebab-case ids with no spaces, e.g. `hate-crime;prevent`. */
export function idList() {
  const e = 'kebab-case ids separated by ";" with no spaces';
  return cell(e)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*(;[a-z0-9]+(-[a-z0-9]+)*)*$/, { error: e })
    .transform((s) => s.split(';'))
    .register(columns, { type: 'id-list', required: true });
}

/** Make a column optional: an empty cell becomes `undefined`. Keeps the column's declared type. */
export function optional<S extends z.ZodType>(schema: S) {
  const info = columns.get(schema);
  const wrapped = schema.optional();
  if (info) columns.add(wrapped, { ...info, required: false });
  return wrapped;
}

/** What a row schema declares about each of its columns, in order. */
export function describeColumns(shape: Record<string, z.ZodType>): Array<{ name: string } & ColumnInfo> {
  return Object.entries(shape).map(([name, schema]) => {
    const info = columns.get(schema);
    if (!info) throw new Error(`column "${name}" was not made with a column builder`);
    return { name, ...info };
  });
}
