/**
 * `npm run check`: `astro sync` (the types `astro:content` and friends need, in `.astro/`), then
 * `astro check`, the Prettier check and ESLint (eslint.config.js) at once: each is mostly
 * single-threaded, so on two cores together they take about as long as the slowest. `astro check`
 * runs with `--noSync` so that nothing rewrites `.astro/` while the others read it.
 *
 * No separate `tsc --noEmit` (issue #26): `astro check` type-checks every file tsconfig.json includes,
 * `.ts` as well as `.astro` (it reports ~390 files), with the same compiler options; a type error and
 * an `enum` (erasableSyntaxOnly) planted in scripts/ and tests/ gave the same diagnostics in both.
 * tsc was the same work again: 15 CPU s of the check's ~100. Each tool's output is
 * printed whole when it ends; the exit code is 1 if any failed. `npm test` runs the same checks
 * beside vitest (scripts/test.ts).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
const STEPS: Array<[string, string[]]> = [
  ['astro check', [bin('astro'), 'check', '--noSync']],
  ['prettier --check .', [bin('prettier'), '--check', '.']],
  ['eslint .', [bin('eslint'), '.']],
];

function run(name: string, [command, ...args]: string[]): Promise<boolean> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(command!, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      process.stdout.write(`\n== ${name}: could not start (${error.message})\n`);
      done(false);
    });
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
      process.stdout.write(`\n== ${name}: ${verdict} in ${seconds} s\n${output.trimEnd()}\n`);
      done(code === 0);
    });
  });
}

/**
 * `astro sync`, then the three checks at once; true when all passed (a failure is printed whole).
 * `onFailure` is called as soon as the first one fails, before the others end.
 */
export async function runChecks(onFailure: () => void = () => undefined): Promise<boolean> {
  const step = async (name: string, command: string[]): Promise<boolean> => {
    const ok = await run(name, command);
    if (!ok) onFailure();
    return ok;
  };
  if (!(await step('astro sync', [bin('astro'), 'sync']))) return false;
  const results = await Promise.all(STEPS.map(([name, command]) => step(name, command)));
  if (results.every((ok) => ok)) return true;
  console.error(
    `\nnpm run check failed: ${STEPS.filter((_, i) => !results[i])
      .map(([n]) => n)
      .join(', ')}`,
  );
  return false;
}

if (import.meta.main && !(await runChecks())) process.exit(1);
