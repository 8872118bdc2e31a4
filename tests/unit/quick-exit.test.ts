import { describe, expect, it } from 'vitest';
import { EXIT_WINDOW_MS, ShiftCounter } from '../../src/client/quick-exit.ts';

/** Press and release a key: keyup of the key with the Shift state the browser reports. */
const up = (c: ShiftCounter, key: string, now: number, shiftKey = false) => c.keyup(key, shiftKey, now);

describe('the Shift-three-times quick exit', () => {
  it('exits on the third lone Shift within the window, not before', () => {
    const c = new ShiftCounter();
    expect(up(c, 'Shift', 0)).toBe(false);
    expect(up(c, 'Shift', 500)).toBe(false);
    expect(up(c, 'Shift', 900)).toBe(true);
    expect(c.count).toBe(0);
  });
  it('does not count Shift used as a modifier (Shift+Tab three times)', () => {
    const c = new ShiftCounter();
    for (let i = 0; i < 3; i++) {
      // Shift+Tab: keyup Tab with shiftKey, then keyup Shift.
      expect(up(c, 'Tab', i * 100, true)).toBe(false);
      expect(up(c, 'Shift', i * 100 + 50)).toBe(false);
    }
  });
  it('starts again after another key or after the window', () => {
    const c = new ShiftCounter();
    up(c, 'Shift', 0);
    up(c, 'Shift', 100);
    up(c, 'a', 200);
    expect(up(c, 'Shift', 300)).toBe(false);
    expect(up(c, 'Shift', 400)).toBe(false);
    expect(up(c, 'Shift', 400 + EXIT_WINDOW_MS + 1)).toBe(false);
    expect(c.count).toBe(1);
  });
  it('Escape never exits', () => {
    const c = new ShiftCounter();
    for (let i = 0; i < 10; i++) expect(up(c, 'Escape', i)).toBe(false);
  });
});
