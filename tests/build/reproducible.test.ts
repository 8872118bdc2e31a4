/**
 * Reproducible builds: a second clean build of the same commit and data is byte-identical to the
 * shared build the suite already made (tests/support/build-site.ts). Compares every file's SHA-256.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, inject, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';

function hashes(out: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result.set(relative(out, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return result;
}

it('a second clean build is byte-identical to the shared one', { timeout: 600_000 }, () => {
  const first = hashes(inject('siteDir'));
  const again = buildSite({ base: inject('basePath'), site: inject('site'), dataDir: inject('dataDir') });
  try {
    const second = hashes(again);
    expect(first.size).toBeGreaterThan(10);
    const differing = [...new Set([...first.keys(), ...second.keys()])]
      .filter((f) => first.get(f) !== second.get(f))
      .sort();
    expect(differing).toEqual([]);
  } finally {
    rmSync(dirname(again), { recursive: true, force: true });
  }
});
