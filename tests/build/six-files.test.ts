/**
 * Issue #28, "adding things is expensive": a new dataset, its theme page and one figure of an existing
 * kind take at most six files. tests/fixtures/six-files/ holds exactly those files, at the paths they
 * would have in the project: the CSV, its metadata, the MDX page, the figure's file, its snapshot, and
 * one list (data/themes.csv, whose row is appended). This test copies what a build reads from the
 * project (src/, content/, data/…: scripts/project-copy.ts) to a temporary folder, drops in those
 * files and nothing else, builds the whole site there, and checks the new theme page, its chart,
 * table, downloads, snapshot and dataset page. A step that needed a seventh file fails it: the build, or the count below.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/files.ts';
import { copyProject } from '../../scripts/project-copy.ts';
import { FIXTURES } from '../support/fixtures.ts';
import { normalise } from '../support/snapshot.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(FIXTURES, 'six-files');
const DATASET = 'fixture-hate-offences';
const THEME = 'fixture-theme';
const FIGURE = 'fixture-hate-offences-trend';
const SNAPSHOT = `tests/snapshots/figures/${FIGURE}.svg`;

let tree = '';
let site = '';
const page = (path: string): string => readFileSync(join(site, path), 'utf8');
const rows = (path: string): Record<string, string>[] =>
  parse(page(path).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

/** Drop the fixture into the copy: a file the project already has (a list) gets its rows appended. */
function dropIn(file: string): void {
  const to = join(tree, file);
  if (existsSync(join(ROOT, file))) {
    const text = readFileSync(to, 'utf8');
    appendFileSync(to, (text.endsWith('\n') ? '' : '\n') + readFileSync(join(FIXTURE, file), 'utf8'));
  } else {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(FIXTURE, file), to);
  }
}

beforeAll(() => {
  tree = copyProject(ROOT, 'wcsn-six-files-');
  for (const file of filesUnder(FIXTURE)) if (file !== SNAPSHOT) dropIn(file);
  site = join(tree, 'dist');
  const env: Record<string, string | undefined> = {
    ...process.env,
    OUT_DIR: site,
    SITE: 'https://example.org',
    BASE_PATH: '/',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Vitest's own variables (BASE_URL=/, MODE=test…) must not reach the child build.
  for (const key of Object.keys(env))
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|DATA_DIR)$/.test(key)) delete env[key];
  const run = spawnSync(process.execPath, [join(tree, 'scripts/build.ts')], { cwd: tree, env, encoding: 'utf8' });
  if (run.status !== 0)
    throw new Error(`The fixture theme's build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
}, 600_000);

afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
});

describe('a new dataset, theme page and figure in six files', () => {
  it('the fixture is those six files and no more: CSV, metadata, page, figure, snapshot, one list', () => {
    expect(filesUnder(FIXTURE)).toEqual([
      `content/themes/${THEME}.mdx`,
      `data/${DATASET}.csv`,
      `data/${DATASET}.meta.json`,
      'data/themes.csv',
      `src/figures/${DATASET}.ts`,
      SNAPSHOT,
    ]);
    // Only the list is a file the project already has; every other file is new.
    expect(filesUnder(FIXTURE).filter((f) => existsSync(join(ROOT, f)))).toEqual(['data/themes.csv']);
  });

  it('builds the theme page with the figure: its chart SVG, its table of the plotted rows, its summary', () => {
    const html = page(`themes/${THEME}/index.html`);
    const figure = new RegExp(`<figure[^>]*id="${FIGURE}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';
    expect(figure).not.toBe('');
    expect(figure).toMatch(/<svg[^>]*role="group"/);
    const table = /<table[\s\S]*?<\/table>/.exec(figure)?.[0] ?? '';
    const cells = table.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const text of ['2016/17', '318', '2017/18', '338']) expect(cells).toContain(text);
    expect(html).toMatch(/Hate offences in North Worcestershire rose between 2016\/17 and 2017\/18/);
  });

  it('offers the figure downloads: the CSV of exactly the plotted rows, and the image its snapshot holds', () => {
    expect(rows(`figures/${FIGURE}.csv`).map((r) => [r.period, r.value])).toEqual([
      ['2016/17', '318'],
      ['2017/18', '338'],
    ]);
    const built = normalise(page(`figures/${FIGURE}.svg`));
    // As tests/support/snapshot.ts does: a missing snapshot is written on a developer's machine, fails in CI.
    if (!existsSync(join(FIXTURE, SNAPSHOT)) && !process.env['CI'])
      writeFileSync(join(FIXTURE, SNAPSHOT), `${built}\n`);
    const expected = normalise(readFileSync(join(FIXTURE, SNAPSHOT), 'utf8'));
    if (built !== expected) writeFileSync(join(FIXTURE, SNAPSHOT.replace(/\.svg$/, '-changed.svg')), `${built}\n`);
    expect(
      built === expected,
      `the built ${FIGURE}.svg differs from ${SNAPSHOT} (new output beside it as -changed.svg)`,
    ).toBe(true);
    expect(existsSync(join(site, `figures/${FIGURE}.png`))).toBe(true);
  });

  it('publishes the dataset: its page, its CSV as validated, and its measure in measures.csv', () => {
    expect(page(`data/${DATASET}/index.html`)).toContain('Fixture: hate offences in North Worcestershire');
    const source = parse(readFileSync(join(FIXTURE, `data/${DATASET}.csv`), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows(`data/${DATASET}.csv`)).toEqual(source);
    expect(rows('data/measures.csv')).toContainEqual(
      expect.objectContaining({ id: 'fixture-north-hate-offences', unit: 'count', dataset: DATASET }),
    );
    expect(page('figures/index.html')).toContain(`#${FIGURE}`);
  });
});
