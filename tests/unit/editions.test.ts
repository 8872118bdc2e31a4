/** A second edition drops in as text plus rows (the fictional fixture), and what the data layer makes of it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentRows, isCurrent, revisionsOf } from '../../src/data/editions.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { checkThemeFolder } from '../../src/validate/theme-pages.ts';
import { FICTIONAL_EDITION, FICTIONAL_SOURCE_ID, FICTIONAL_TEXT, withFictionalEdition } from '../support/editions.ts';
import { copyDataDir, editFile } from '../support/fixtures.ts';
import { problemsIn } from '../support/broken-copies.ts';

const DATA = resolve(import.meta.dirname, '../../data');

describe('the fictional edition', () => {
  it('says on its first line that it is fictional', () => {
    expect(readFileSync(join(FICTIONAL_EDITION, 'source', FICTIONAL_TEXT), 'utf8').split('\n')[0]).toMatch(
      /^FICTIONAL TEST TEXT: .*never published/,
    );
  });

  const dir = withFictionalEdition(copyDataDir(DATA));
  const catalog = loadCatalog(dir, DATASET_SCHEMAS);
  const hate = catalog.get('hate-crime')!;

  it('validates on a copy of data/ with no code change, keeping both editions’ rows', () => {
    expect(hate.rows.filter((r) => r.raw.source === FICTIONAL_SOURCE_ID)).toHaveLength(8);
    expect(hate.rows).toHaveLength(16);
    // The dataset's period grows with the rows; its metadata was not edited.
    expect(hate.meta.period.end).toBe('2019-03-31');
    // What `npm run validate` runs next: the theme pages against the data, unchanged.
    expect(checkThemeFolder(resolve(import.meta.dirname, '../../content/themes'), catalog).problems).toEqual([]);
  });

  it('takes the later edition as current and keeps the revision', () => {
    const current = currentRows(hate, catalog);
    // Three periods per series; 2017/18 once (the revised value), from the later edition.
    const north = current.filter((r) => r.raw.area === 'north-worcestershire' && r.raw.measure === 'hate-offences');
    expect(north.map((r) => [r.raw.period, r.raw.value, r.raw.source])).toEqual([
      ['2016/17', '318', 'community-safety-overview-2018'],
      ['2017/18', '340', FICTIONAL_SOURCE_ID],
      ['2018/19', '352', FICTIONAL_SOURCE_ID],
    ]);
    const revised = north[1]!;
    expect(revisionsOf(hate, revised, catalog).map((r) => [r.source, r.value])).toEqual([
      ['community-safety-overview-2018', 338],
    ]);
    const old = hate.rows.find(
      (r) =>
        r.raw.area === 'north-worcestershire' &&
        r.raw.period === '2017/18' &&
        r.raw.measure === 'hate-offences' &&
        r.raw.source !== FICTIONAL_SOURCE_ID,
    )!;
    expect(isCurrent(hate, old, catalog)).toBe(false);
    // Restated with the same value: an earlier edition, but not a revision.
    const south = current.find(
      (r) => r.raw.area === 'south-worcestershire' && r.raw.period === '2017/18' && r.raw.measure === 'hate-offences',
    )!;
    expect(revisionsOf(hate, south, catalog)).toEqual([]);
  });

  it('fails a duplicate row within one edition', () => {
    const broken = withFictionalEdition(copyDataDir(DATA));
    const rows = readFileSync(join(FICTIONAL_EDITION, 'hate-crime.csv'), 'utf8').split('\n')[0]!;
    writeFileSync(join(broken, 'hate-crime.csv'), `${readFileSync(join(broken, 'hate-crime.csv'), 'utf8')}${rows}\n`);
    const problems = problemsIn(broken).filter((p) => !p.note);
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/hate-crime\.csv$/),
        line: 18,
        found: expect.stringMatching(/again \(first on line 10\)/),
      }),
    ]);
  });

  it('fails a value moved off its cited line with file:line:column, expected and found', () => {
    const broken = withFictionalEdition(copyDataDir(DATA));
    // MARAC's 601 cited to the line that prints only the domestic abuse total.
    editFile(
      join(broken, 'domestic-abuse.csv'),
      'marac-cases,601,count,reported,county-area-assumed,fictional-2019-domestic-abuse-data,21,',
      'marac-cases,601,count,reported,county-area-assumed,fictional-2019-domestic-abuse-data,19,',
    );
    const problems = problemsIn(broken);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(
      /domestic-abuse\.csv:11:9: column "source_lines": expected the value 601 printed in line 19 of .*fictional-overview-2019\.txt, found only 10,512/,
    );
  });

  it('refuses a changed text, naming the file and how to accept it, and does not blame its rows', () => {
    const broken = withFictionalEdition(copyDataDir(DATA));
    editFile(join(broken, 'source', FICTIONAL_TEXT), '352', '353');
    const problems = problemsIn(broken);
    expect(problems.filter((p) => !p.note)).toHaveLength(1);
    const p = problems[0]!;
    expect(p.file).toMatch(/source\/fictional-overview-2019\.txt$/);
    expect(p.expected).toMatch(/SHA-256 is [0-9a-f]{64} \(.*sources\.csv line 3, column sha256\)/);
    expect(p.found).toMatch(/a different text, SHA-256 [0-9a-f]{64}\..*put [0-9a-f]{64} in the sha256 cell/);
    expect(problems[1]!.note).toMatch(/^12 rows citing "fictional-overview-2019" not checked/);
  });
});
