/**
 * The number rules (src/schemas/numbers.ts), as properties (fast-check): any integer text round-trips
 * exactly or is rejected; nothing above 2^53 passes; an accepted decimal is stored as exactly the number
 * written (its JSON is its text); bounds are compared exactly. Seeded and bounded like the loader fuzz.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, integer } from '../../src/schemas/columns.ts';
import { compareDecimalText, readDecimal } from '../../src/schemas/numbers.ts';
import { observationSchema } from '../../src/schemas/observation.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const options = { seed: SEED, numRuns: RUNS };
const TWO_53 = 2n ** 53n;

/** Integer texts of every length, including padded, signed and huge ones. */
const integerText = fc.oneof(
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.bigInt({ min: TWO_53 - 1000n, max: TWO_53 + 1000n }).map(String),
  fc
    .tuple(fc.constantFrom('0', '00', '-', '-0', '+', ''), fc.bigInt({ min: 0n, max: 10n ** 20n }))
    .map(([p, n]) => `${p}${n}`),
);
/** Decimal texts: any digits before and after the point, with or without a sign. */
const decimalText = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.stringMatching(/^[0-9]{1,25}$/),
    fc.option(fc.stringMatching(/^[0-9]{1,25}$/), { nil: undefined }),
  )
  .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);

describe('integer()', () => {
  const wide = integer({ min: -Number.MAX_SAFE_INTEGER });
  it('any integer text round-trips exactly or is rejected', () => {
    fc.assert(
      fc.property(integerText, (text) => {
        const r = wide.safeParse(text);
        if (r.success) {
          expect(String(r.data)).toBe(text);
          expect(BigInt(r.data)).toBe(BigInt(text));
        }
      }),
      options,
    );
  });
  it('nothing above 2^53 passes (nor below -2^53)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: TWO_53, max: 10n ** 400n }), fc.boolean(), (n, negative) => {
        expect(wide.safeParse(`${negative ? '-' : ''}${n}`).success).toBe(false);
      }),
      options,
    );
    expect(wide.safeParse(String(Number.MAX_SAFE_INTEGER)).success).toBe(true);
  });
  it('leading zeros, "-0" and "+" are rejected', () => {
    for (const text of ['007', '00', '-0', '+1', '01', '-01'])
      expect(integer({ min: -10 }).safeParse(text).success, text).toBe(false);
  });
});

describe('decimal()', () => {
  const any = decimal();
  it('an accepted decimal is stored as exactly the number written', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const r = any.safeParse(text);
        if (r.success) expect(JSON.stringify(r.data)).toBe(text);
      }),
      options,
    );
  });
  it('every double the site could print in plain decimal is accepted as its own text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        const text = String(n);
        if (/e/.test(text) || Object.is(n, -0)) return;
        const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
        const r = any.safeParse(text);
        if (digits <= 15 || (Number.isSafeInteger(n) && !text.includes('.'))) expect(r.success ? r.data : text).toBe(n);
      }),
      options,
    );
  });
  it('nothing above 2^53 passes as a whole number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: TWO_53, max: 10n ** 400n }), (n) => {
        expect(any.safeParse(String(n)).success).toBe(false);
      }),
      options,
    );
  });
});

describe('bounds are compared on the text', () => {
  it('compareDecimalText agrees with exact rational comparison', () => {
    const canonical = decimalText.filter((t) => readDecimal(t).ok || /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/.test(t));
    const exact = (t: string): [bigint, bigint] => {
      const [w = '', f = ''] = t.replace(/^-/, '').split('.');
      const v = BigInt(w + f) * (t.startsWith('-') ? -1n : 1n);
      return [v, 10n ** BigInt(f.length)];
    };
    fc.assert(
      fc.property(canonical, canonical, (a, b) => {
        const [na, da] = exact(a);
        const [nb, db] = exact(b);
        const want = na * db === nb * da ? 0 : na * db < nb * da ? -1 : 1;
        expect(Math.sign(compareDecimalText(a, b))).toBe(want);
      }),
      options,
    );
  });
  it('a percentage a hair over 100 is rejected; 100 is not', () => {
    const row = (value: string) => ({
      area: 'a',
      period: '2017/18',
      measure: 'm',
      value,
      unit: 'percent',
      status: 'reported',
      source_section: 's',
    });
    const schema = observationSchema(['percent'] as const).row;
    expect(schema.safeParse(row('100')).success).toBe(true);
    for (const v of ['100.00000000000001', '100.00000000000000001', '-0.00000000000001'])
      expect(schema.safeParse(row(v)).success, v).toBe(false);
  });
});
