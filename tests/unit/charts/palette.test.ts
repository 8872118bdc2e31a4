import { describe, expect, it } from 'vitest';
import { BACKGROUNDS, contrast, PALETTE, TEXT_COLOURS } from '../../../src/charts/palette.ts';

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
