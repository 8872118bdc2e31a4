import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareSnapshot, normalise, SNAPSHOT_DIR } from '../../support/snapshot.ts';

const changed = resolve(SNAPSHOT_DIR, 'period-bars-wide-changed.svg');

describe('snapshot comparison', () => {
  afterEach(() => rmSync(changed, { force: true }));

  it('normalises numbers and whitespace like Plot\u2019s suite', () => {
    expect(normalise('<g>\n  <rect x="10.04999" y="3.26"/>\n</g>')).toBe('<g><rect x="10" y="3.3"/></g>');
  });

  it('writes <name>-changed.svg beside the snapshot on a mismatch', () => {
    const committed = readFileSync(resolve(SNAPSHOT_DIR, 'period-bars-wide.svg'), 'utf8');
    const result = compareSnapshot('period-bars-wide', committed.replace('709', '710'));
    expect(result.ok).toBe(false);
    expect(existsSync(changed)).toBe(true);
    expect(readFileSync(changed, 'utf8')).toContain('710');
  });

  it('passes and removes a stale -changed file when the output matches again', () => {
    const committed = readFileSync(resolve(SNAPSHOT_DIR, 'period-bars-wide.svg'), 'utf8');
    compareSnapshot('period-bars-wide', committed.replace('709', '710'));
    expect(compareSnapshot('period-bars-wide', committed).ok).toBe(true);
    expect(existsSync(changed)).toBe(false);
  });
});
