/**
 * Issue #28, "adding things is expensive": a new dataset, its theme page and one figure of an existing
 * kind take at most six files. tests/fixtures/six-files/ holds exactly those files, at the paths they
 * would have in the project: the CSV, its metadata, the MDX page, the figure's file, its snapshot, and
 * one list (data/themes.csv, whose row is appended). The variant build (tests/support/build-site.ts)
 * copies what a build reads from the project (scripts/project-copy.ts), drops in those files and no
 * other code (tests/support/six-files.ts; the same copy carries the fictional edition's and the
 * injection's data rows, which add no theme), builds the whole site there in the background, and this
 * checks the new theme page, its chart, table, downloads, snapshot and dataset page. A step that
 * needed a seventh file fails it: the build, or the count below.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { filesUnder } from '../../scripts/files.ts';
import { awaitBuild } from '../support/build-site.ts';
import {
  SIX_DATASET as DATASET,
  SIX_FIGURE as FIGURE,
  SIX_FILES as FIXTURE,
  SIX_SNAPSHOT as SNAPSHOT,
  SIX_THEME as THEME,
} from '../support/six-files.ts';
import { compareSnapshot } from '../support/snapshot.ts';

const ROOT = join(import.meta.dirname, '../..');

let site = '';
const page = (path: string): string => readFileSync(join(site, path), 'utf8');
const rows = (path: string): Record<string, string>[] =>
  parse(page(path).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

beforeAll(async () => {
  site = await awaitBuild(inject('extraBuilds').variant);
}, 600_000);

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
    // As every chart snapshot (tests/support/snapshot.ts), against the fixture's own snapshot.
    const snapshot = compareSnapshot(
      `figures/${FIGURE}`,
      page(`figures/${FIGURE}.svg`),
      join(FIXTURE, 'tests/snapshots'),
    );
    expect(snapshot.ok, snapshot.message).toBe(true);
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
