/**
 * `npm test`, the whole gate (docs/testing.md): `npm run check` (scripts/check.ts: `astro sync`, then
 * `astro check`, Prettier and ESLint) and `vitest run` start together, and a failed check stops the
 * run at once, so it still fails before any browser suite starts (those come after vitest's shared
 * build and its unit files, about a minute in; the checks take about 35 s).
 *
 * Why together (issue #26): on two cores, the checks (~45 CPU s) ran alone for 33 s at 10-30 % idle,
 * and so did the shared build after them; side by side, each fills the other's gaps. It is safe because
 * the test builds never write to the working tree: each runs in its own copy of the project
 * (tests/support/build-site.ts), so `astro check` reads a `.astro/` that only `astro sync` wrote.
 *
 * Arguments go to vitest (`npm test -- every-page`). Exit code: the checks' failure (1) or vitest's.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { runChecks } from './check.ts';

const ROOT = resolve(import.meta.dirname, '..');

const vitest = spawn(
  process.execPath,
  [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
const vitestDone = new Promise<number>((done) => vitest.on('close', (code, signal) => done(code ?? (signal ? 1 : 0))));
// Ctrl-C reaches vitest through the terminal; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vitest.kill(signal));

// The first failed check stops vitest at once; the other checks still finish and print.
const stop = (): void => {
  if (vitest.exitCode === null && !vitest.killed) vitest.kill('SIGTERM');
};
if (!(await runChecks(stop))) {
  await vitestDone;
  console.error('\nnpm test: a check failed, so the tests were stopped (`npm run check` runs the checks alone).');
  process.exit(1);
}
process.exit(await vitestDone);
