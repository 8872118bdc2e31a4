/**
 * `npm run build` without SITE warns that absolute URLs will name localhost. Run on a broken data
 * folder, so the build stops at validation (fast) after the warning has been printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { copyDataDir, editFile } from '../support/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function runBuild(site: string | undefined): string {
  const data = copyDataDir(join(ROOT, 'data'));
  editFile(join(data, 'hate-crime.csv'), ',318,', ',12a,');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: data,
    OUT_DIR: join(mkdtempSync(join(tmpdir(), 'wcsn-out-')), 'dist'),
  };
  if (site === undefined) delete env.SITE;
  else env.SITE = site;
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env, encoding: 'utf8' });
  expect(run.status).toBe(1);
  return run.stdout + run.stderr;
}

it('warns when SITE is not set, naming localhost and how to set it', { timeout: 60_000 }, () => {
  const output = runBuild(undefined);
  expect(output).toMatch(/Warning: SITE is not set/);
  expect(output).toContain('http://localhost:4321');
  expect(output).toContain('Do not publish this dist/');
});

it('says nothing of the kind when SITE is set', { timeout: 60_000 }, () => {
  expect(runBuild('https://example.org')).not.toMatch(/SITE is not set/);
});
