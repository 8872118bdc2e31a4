/**
 * Reproducible builds: a second clean build of the same commit and data is byte-identical to the
 * shared build the suite already made (tests/support/build-site.ts). Compares every file's SHA-256.
 * The second build starts in the background as soon as the shared one is made (build-setup.ts), so
 * it runs while the unit and browser tests run; this project comes last and waits for it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, inject, it } from 'vitest';
import { awaitBuild } from '../support/build-site.ts';

function hashes(out: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result.set(relative(out, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return result;
}

it('a second clean build is byte-identical to the shared one', { timeout: 600_000 }, async () => {
  const first = hashes(inject('siteDir'));
  const second = hashes(await awaitBuild(inject('extraBuilds').again));
  expect(first.size).toBeGreaterThan(10);
  const differing = [...new Set([...first.keys(), ...second.keys()])]
    .filter((f) => first.get(f) !== second.get(f))
    .sort();
  expect(differing).toEqual([]);
});
