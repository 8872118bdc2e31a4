/**
 * Reproducible builds: two clean builds of the same commit give byte-identical output.
 * Runs the real build script twice into fresh folders and compares every file's SHA-256.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function build(): Map<string, string> {
  const out = join(mkdtempSync(join(tmpdir(), 'wcsn-repro-')), 'dist');
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: out, BASE_PATH: '/worcestershire-community-safety/', SITE: 'https://example.github.io' },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(out, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

it('two clean builds are byte-identical', { timeout: 600_000 }, () => {
  const first = build();
  const second = build();
  expect(first.size).toBeGreaterThan(10);
  const differing = [...new Set([...first.keys(), ...second.keys()])].filter((f) => first.get(f) !== second.get(f)).sort();
  expect(differing).toEqual([]);
});
