/**
 * Issue #28: a new figure dataset is two files in data/ (its CSV and its metadata). Its row schema
 * comes from the metadata's units (src/schemas/index.ts) and its measures from the metadata's
 * `measures` (src/data/declared-measures.ts), and both are as strict as a registered schema and a row
 * of measures.csv: each broken copy below fails with the file, the field, expected and found.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { DataValidationError, formatProblem } from '../../src/data/problems.ts';
import { DATASET_SCHEMAS, schemaFor } from '../../src/schemas/index.ts';
import { copyDataDir, editFile, FIXTURES } from '../support/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(FIXTURES, 'six-files/data');
const ID = 'fixture-hate-offences';

/** A copy of data/ with the fixture dataset dropped in, after `edit`. */
function withFixture(edit: (dir: string) => void = () => {}): string {
  const dir = copyDataDir(join(ROOT, 'data'));
  for (const f of [`${ID}.csv`, `${ID}.meta.json`]) copyFileSync(join(FIXTURE, f), join(dir, f));
  edit(dir);
  return dir;
}

/** The problems loading a folder reports, formatted without the folder. */
function problems(dir: string): string[] {
  try {
    loadCatalog(dir, DATASET_SCHEMAS);
    return [];
  } catch (e) {
    if (!(e instanceof DataValidationError)) throw e;
    return e.problems.filter((p) => p.note === undefined).map((p) => formatProblem(p).replace(`${dir}/`, ''));
  }
}

describe('a figure dataset needs no schema file and no row in measures.csv', () => {
  it('loads from its CSV and metadata alone, its measure joining the measures dataset', () => {
    const catalog = loadCatalog(withFixture(), DATASET_SCHEMAS);
    const dataset = catalog.get(ID)!;
    expect(dataset.rows.map((r) => r.raw.value)).toEqual(['318', '338']);
    expect(Object.keys(schemaFor(dataset.meta)!.shape)).toEqual(dataset.meta.columns.map((c) => c.name));
    const measure = catalog.get('measures')!.rows.find((r) => r.raw.id === 'fixture-north-hate-offences');
    expect(measure?.raw).toMatchObject({ unit: 'count', dataset: ID });
  });

  it('rejects a row as a registered schema would, with file:line:column, expected and found', () => {
    const dir = withFixture((d) => editFile(join(d, `${ID}.csv`), ',338,count,', ',338,fte,'));
    expect(problems(dir)).toContainEqual(
      expect.stringMatching(/^fixture-hate-offences\.csv:3:5: column "unit": expected one of count, found "fte"$/),
    );
  });

  it('rejects metadata whose columns are not the observation columns', () => {
    const dir = withFixture((d) => {
      const path = join(d, `${ID}.meta.json`);
      const meta = JSON.parse(readFileSync(path, 'utf8')) as { columns: { name: string }[] };
      meta.columns = meta.columns.filter((c) => c.name !== 'source_lines');
      writeFileSync(path, JSON.stringify(meta));
    });
    expect(problems(dir)[0]).toMatch(
      /^fixture-hate-offences\.meta\.json: field "columns": expected the columns .*source_lines/,
    );
  });

  it('rejects a declared measure with a bad unit, and one that reuses an id, at the metadata entry', () => {
    const unit = withFixture((d) =>
      editFile(
        join(d, `${ID}.meta.json`),
        '"unit": "count",\n      "definition"',
        '"unit": "counts",\n      "definition"',
      ),
    );
    expect(problems(unit)).toContain(
      'fixture-hate-offences.meta.json: field "measures[0].unit": expected one of count, percent, percent-change, gbp, fte, found "counts"',
    );
    const taken = withFixture((d) =>
      editFile(join(d, `${ID}.meta.json`), '"id": "fixture-north-hate-offences"', '"id": "hate-offences"'),
    );
    expect(problems(taken)).toContainEqual(
      expect.stringMatching(
        /^fixture-hate-offences\.meta\.json: field "measures\[0\]\.id": expected a measure id not used by another measure, found "hate-offences" again \(first at .*measures\.csv:2\)$/,
      ),
    );
  });
});
