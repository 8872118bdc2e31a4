/**
 * The unit project shares one module registry between files (vitest.config.ts, `isolate: false`), so
 * a file that replaces a module with `vi.mock` must run in `unit-mocked` instead, or its mock could
 * reach the files after it (issue #26). Every such file is listed in MOCKING, and only those.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { MOCKING } from '../../vitest.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The test files under `dir` that replace a module (vi.mock, vi.doMock), relative to the repository. */
export function mockingFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => /\bvi\s*\.\s*(do)?[mM]ock\s*\(/.test(readFileSync(join(dir, file), 'utf8')))
    .map((file) => relative(ROOT, join(dir, file)).split('\\').join('/'))
    .sort();
}

it('every unit file that uses vi.mock runs isolated (unit-mocked), and only those', () => {
  expect(mockingFiles(join(ROOT, 'tests/unit'))).toEqual([...MOCKING].sort());
});

it('finds a file that mocks a module (so the check above can fail)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcsn-mocks-'));
  try {
    // Written in two parts, so this file does not count as one that mocks.
    writeFileSync(join(dir, 'a.test.ts'), `vi.${'mock'}('../x.ts', () => ({}));\n`);
    writeFileSync(join(dir, 'b.test.ts'), "it('plain', () => {});\n");
    expect(mockingFiles(dir).map((file) => file.split('/').pop())).toEqual(['a.test.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
