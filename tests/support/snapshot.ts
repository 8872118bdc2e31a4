/**
 * Snapshot helper in the manner of Observable Plot's own test suite: the rendered SVG is normalised
 * (numbers to a fixed precision, whitespace between tags removed) and compared with the committed
 * file in tests/snapshots/. On a mismatch the new output is written beside it as `<name>-changed.svg`
 * (git-ignored) for review. A missing snapshot is written on a developer's machine and fails in CI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const SNAPSHOT_DIR = resolve(import.meta.dirname, '../snapshots');

export function normalise(svg: string): string {
  return svg
    .replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/>\s+</g, '><')
    .trim();
}

/** `dir`: the snapshots folder (a fixture may carry its own, as tests/fixtures/six-files/ does). */
export function compareSnapshot(name: string, svg: string, dir = SNAPSHOT_DIR): { ok: boolean; message: string } {
  const expectedPath = resolve(dir, `${name}.svg`);
  const changedPath = resolve(dir, `${name}-changed.svg`);
  const actual = normalise(svg);
  if (!existsSync(expectedPath)) {
    if (process.env['CI'])
      return { ok: false, message: `Missing snapshot ${expectedPath}: run the tests locally and commit it.` };
    mkdirSync(dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, `${actual}\n`);
    return { ok: true, message: `Wrote new snapshot ${expectedPath}` };
  }
  const expected = normalise(readFileSync(expectedPath, 'utf8'));
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return { ok: true, message: 'matches' };
  }
  writeFileSync(changedPath, `${actual}\n`);
  return { ok: false, message: `${name}.svg differs from the snapshot; the new output is in ${changedPath}` };
}
