/**
 * A temporary copy of the project that builds on its own: what `scripts/build.ts` reads (src/,
 * content/, data/, public/, scripts/ and the config files), for runs that add to the project to
 * measure or prove something without touching it: the scaling benchmark (scripts/bench/scale.ts) and
 * the six-files test (tests/variants/six-files.test.ts). The caller removes the copy.
 *
 * node_modules is not copied: its entries are linked one by one, not the folder, so that the copy
 * keeps its own build caches (node_modules/.astro, the content layer's data store, and .vite). A
 * linked folder shared them with every other build of the project, such as the test suite's
 * background builds, which run at the same time: the six-files build once passed without its new
 * theme page.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a build reads from the project (node_modules is linked). */
export const BUILD_INPUTS = [
  'src',
  'content',
  'data',
  'public',
  'scripts',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
] as const;

/** The build tools' caches in node_modules, which the copy keeps to itself. */
const CACHES = new Set(['.astro', '.vite']);

/** Copy the build's inputs from `root` into a new folder under the system's temporary folder; returns its path. */
export function copyProject(root: string, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of BUILD_INPUTS) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules')))
    if (!CACHES.has(entry)) symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  return dir;
}
