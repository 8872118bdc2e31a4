/** The build script is atomic: bad data stops it before Astro runs, and the previous output is untouched. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { copyDataDir, editFile } from '../support/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

it('runs on the pinned Node major, not the system Node', () => {
  const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
  expect(process.versions.node.split('.')[0]).toBe(nvmrc);
});

it(
  'a corrupted dataset fails the build with file, line and column, and leaves dist untouched',
  { timeout: 60_000 },
  () => {
    const data = copyDataDir(join(ROOT, 'data'));
    editFile(join(data, 'hate-crime.csv'), ',318,', ',12a,');
    editFile(join(data, 'reoffending-cohort.csv'), ',80,', ',,');
    const parent = mkdtempSync(join(tmpdir(), 'wcsn-out-'));
    const out = join(parent, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'marker.txt'), 'previous build');

    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: data, OUT_DIR: out },
      encoding: 'utf8',
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/hate-crime\.csv:2:4: column "value": expected a plain decimal number.*, found "12a"/);
    expect(run.stderr).toMatch(/reoffending-cohort\.csv:\d+:4: column "value": expected .*, found an empty cell/);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous build');
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  },
);
