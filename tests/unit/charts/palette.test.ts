import { describe, expect, it } from 'vitest';
import {
  BACKGROUNDS,
  contrast,
  MARK_COLOURS,
  PALETTE,
  periodRole,
  ROLES,
  TEXT_COLOURS,
} from '../../../src/charts/palette.ts';

describe('chart palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#0072B2', '#ffffff')).toBeCloseTo(5.19, 2);
  });

  it.each(Object.entries(PALETTE))('%s (%s) has at least 3:1 against every light and dark background', (_, colour) => {
    for (const bg of [...BACKGROUNDS.light, ...BACKGROUNDS.dark]) {
      expect(contrast(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(Object.entries(TEXT_COLOURS))('chart text in the %s theme has at least 4.5:1', (_, { fg, muted, bg }) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(muted, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the two main series distinguishable for colour-blind readers (Okabe–Ito blue and vermillion)', () => {
    expect(PALETTE.blue).toBe('#0072B2');
    expect(PALETTE.vermillion).toBe('#D55E00');
  });
});

describe('the colour grammar', () => {
  it('gives each meaning one colour, and each hue one meaning (period, status, money never share a hue)', () => {
    const byHue = new Map<string, string[]>();
    for (const [role, { fill }] of Object.entries(ROLES))
      if (fill.startsWith('#')) byHue.set(fill, [...(byHue.get(fill) ?? []), role]);
    // Blue is "the later period" and "the figure" (a single-period value is the latest figure): one meaning.
    const groups = [...byHue.values()].map((roles) => roles.sort().join('+')).sort();
    expect(groups).toEqual(['done', 'earlier', 'figure+later', 'money+moneyPcc', 'underway']);
  });
  it.each(Object.entries(TEXT_COLOURS))(
    'the focus ring (%s theme: text-colour ring, page-colour halo) has at least 3:1 against every mark colour and the page',
    (_, { fg, bg }) => {
      // Ring against the page and against its own halo.
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(3);
      // Against each mark colour, the ring or the halo that frames it stands out by 3:1.
      for (const mark of MARK_COLOURS)
        expect(Math.max(contrast(fg, mark), contrast(bg, mark)), `${fg}/${bg} on ${mark}`).toBeGreaterThanOrEqual(3);
    },
  );
  it('periodRole: the last of the compared periods is the later one', () => {
    expect([0, 1, 2].map((i) => periodRole(i, 3))).toEqual(['earlier', 'earlier', 'later']);
  });
});
