/**
 * Number rules on the decimal TEXT of a cell, never on a `Number()` round trip, so a value is accepted
 * only if the number the site stores, shows and downloads is exactly the number written in the file.
 * Rules (docs/validation.md, "Numbers"):
 *  - whole numbers are `0` or `[1-9][0-9]*`, with a `-` only where negatives are allowed, and lie within
 *    ±Number.MAX_SAFE_INTEGER (2^53 − 1); no leading zeros, no `-0`;
 *  - decimals are written in their shortest form (no leading zeros, no trailing zeros after the point,
 *    no `-0`), and are either such a safe whole number or have at most 15 significant digits and are
 *    0 or at least 0.000001 in size: exactly the decimals that JavaScript stores and writes back unchanged;
 *  - bounds (≥ 0, ≤ 100) are compared on the text, exactly.
 */

/** A whole number as text: `0`, `12`, `-7`; never `007`, `-0`, `+1`. */
export const INTEGER_TEXT = /^(0|-?[1-9][0-9]*)$/;
/** Any plain decimal shape (used to tell "not a number" from "not in shortest form"). */
export const DECIMAL_SHAPE = /^-?[0-9]+(\.[0-9]+)?$/;
/** A decimal in its shortest form: no leading zeros, no trailing fractional zeros, no negative zero. */
const CANONICAL = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Is the text a whole number within ±(2^53 − 1)? */
export function isSafeIntegerText(text: string): boolean {
  if (!INTEGER_TEXT.test(text)) return false;
  const big = BigInt(text);
  return big <= MAX_SAFE && big >= -MAX_SAFE;
}

function significantDigits(text: string): number {
  return text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
}

export type DecimalVerdict = { ok: true; value: number } | { ok: false; reason: 'shape' | 'form' | 'precision' };

/** Read a decimal text exactly, or say why it cannot be read exactly. */
export function readDecimal(text: string): DecimalVerdict {
  if (!DECIMAL_SHAPE.test(text)) return { ok: false, reason: 'shape' };
  if (!CANONICAL.test(text) || text === '-0') return { ok: false, reason: 'form' };
  const whole = !text.includes('.');
  if (whole ? !isSafeIntegerText(text) : significantDigits(text) > 15) return { ok: false, reason: 'precision' };
  const value = Number(text);
  // Belt and braces: the rules above are exactly what makes this true; never store a changed number.
  if (String(value) !== text) return { ok: false, reason: 'precision' };
  return { ok: true, value };
}

/** Compare two decimal texts in shortest form exactly: negative, zero or positive like a sort comparator. */
export function compareDecimalText(a: string, b: string): number {
  const negA = a.startsWith('-');
  const negB = b.startsWith('-');
  if (negA !== negB) return negA ? -1 : 1;
  const sign = negA ? -1 : 1;
  const [ia = '', fa = ''] = a.replace(/^-/, '').split('.');
  const [ib = '', fb = ''] = b.replace(/^-/, '').split('.');
  if (ia.length !== ib.length) return sign * (ia.length - ib.length);
  if (ia !== ib) return sign * (ia < ib ? -1 : 1);
  const width = Math.max(fa.length, fb.length);
  const pa = fa.padEnd(width, '0');
  const pb = fb.padEnd(width, '0');
  return pa === pb ? 0 : sign * (pa < pb ? -1 : 1);
}

/** Is `text` within [min, max] (either bound optional), compared exactly on the text? */
export function inRange(text: string, min: number | undefined, max: number | undefined): boolean {
  return (
    (min === undefined || compareDecimalText(text, String(min)) >= 0) &&
    (max === undefined || compareDecimalText(text, String(max)) <= 0)
  );
}

/** The sentence added to an "expected" when a number's text is not exact. */
export function reasonText(reason: 'form' | 'precision'): string {
  return reason === 'form'
    ? 'written in its shortest form (no leading zeros, no trailing zeros after the point, no "-0")'
    : `that can be stored exactly (a whole number up to ${Number.MAX_SAFE_INTEGER}, or at most 15 significant digits and no smaller than 0.000001)`;
}
