/**
 * Issue #27, classes 3, 4, 5 and 10: every input bounded and refused before it is read; a long report
 * does not overflow the stack; problem lists arrive whole through a pipe, and very long ones end with
 * a count; and messages that misled (UTF-16 without a byte-order mark, a header name twice, a reference
 * to a dataset with no id column, an en dash in a range) name the real cause. In-process except one
 * spawned `npm run validate` through a pipe.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemLines } from '../../scripts/print-problems.ts';
import { formatContentProblem } from '../../src/validate/scan-mdx.ts';
import { MAX_CELL_CHARS } from '../../src/data/limits.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { DataValidationError, formatProblem } from '../../src/data/problems.ts';
import { checkSource } from '../../src/data/source-index.ts';
import { sha256 } from '../../src/data/sources.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { checkThemeFolder } from '../../src/validate/theme-pages.ts';
import { copyDataDir, editFile } from '../support/fixtures.ts';
import { copyThemes } from '../support/broken-copies.ts';
import { sourceFileOf } from '../../src/data/source.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REPORT = `source/${sourceFileOf(join(ROOT, 'data'))}`;

/** The problems loading a data folder gives, formatted (none: an empty list). */
function problemsOf(dir: string): string[] {
  try {
    loadCatalog(dir, DATASET_SCHEMAS);
    return [];
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe('every input has a size limit, checked before it is read', () => {
  it('a metadata file over 64 KB', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    const path = join(dir, 'hate-crime.meta.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('{', `{${' '.repeat(70_000)}`));
    expect(problemsOf(dir)).toContain(
      `${join(dir, 'hate-crime.meta.json')}: expected a metadata file of at most 64.0 KB (the site's limit, docs/validation.md), found ${(statSync(path).size / 1024).toFixed(1)} KB; not read`,
    );
  });

  it("the report's text over 1 MB (and its sources are not checked against it)", () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    appendFileSync(join(dir, REPORT), 'padding line\n'.repeat(90_000));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /community-safety-overview\.txt: expected the report's text of at most 1\.0 MB .*found 1\.1 MB; not read$/,
      ),
    );
    expect(problems).toContainEqual(expect.stringContaining('sources not checked'));
    expect(problems.length).toBeLessThan(5);
  });

  it('a cell over 2,000 characters', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    editFile(
      join(dir, 'glossary.csv'),
      '"The county-wide board',
      `"${'x'.repeat(MAX_CELL_CHARS)} The county-wide board`,
    );
    expect(problemsOf(dir)).toContainEqual(
      expect.stringMatching(
        /glossary\.csv:2:4: column "definition": expected a cell of at most 2,000 characters .*found 2,\d{3} characters$/,
      ),
    );
  });

  it('the reading order over 256 KB', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    appendFileSync(join(dir, 'source/reading-order.csv'), 'community-safety-overview,2,label\n'.repeat(8000));
    const message = expect.stringMatching(
      /reading-order\.csv: expected the reading order of at most 256\.0 KB .*; not read$/,
    );
    expect(problemsOf(dir)).toContainEqual(message);
    const catalog = loadCatalog(join(ROOT, 'data'), DATASET_SCHEMAS);
    expect(checkSource(dir, catalog).problems.map(formatProblem)).toEqual([message]);
  });

  it('a theme page over 256 KB', () => {
    const content = copyThemes();
    appendFileSync(join(content, 'prevent.mdx'), '\nWords.\n'.repeat(40_000));
    const catalog = loadCatalog(join(ROOT, 'data'), DATASET_SCHEMAS);
    const problems = checkThemeFolder(content, catalog, content).problems.map(formatContentProblem);
    expect(problems).toContainEqual(
      expect.stringMatching(/^prevent\.mdx: expected a theme page of at most 256\.0 KB.*; not read$/),
    );
  });
});

it(
  'a report text with 200,000 unplaced lines gives 200,000 problems, not a stack overflow',
  { timeout: 30_000 },
  () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    appendFileSync(join(dir, REPORT), 'x\n'.repeat(200_000));
    const catalog = loadCatalog(join(ROOT, 'data'), DATASET_SCHEMAS);
    // Accept the longer text deliberately (its digest in the sources row), so the reading order is checked.
    catalog.get('sources')!.rows[0]!.raw.sha256 = sha256(readFileSync(join(dir, REPORT)));
    const { problems } = checkSource(dir, catalog);
    expect(problems).toHaveLength(200_000);
    expect(formatProblem(problems.at(-1)!)).toMatch(
      /community-safety-overview\.txt:\d+: expected a block in .*reading-order\.csv for every line of the report, found line \d+ \("x"\) in none$/,
    );
    // What the build does with them: one DataValidationError, no RangeError.
    expect(() => {
      throw new DataValidationError(problems);
    }).toThrow(/200000 problems/);
  },
);

describe('problem lists arrive whole', () => {
  it('a list longer than the limit ends with a count of the rest', () => {
    const lines = problemLines('Heading', ['a', 'b', 'c', 'd', 'e'], 3);
    expect(lines).toEqual([
      'Heading',
      '  a',
      '  b',
      '  c',
      '  … and 2 more problems not listed (5 in all; fix these and run again)',
    ]);
    expect(problemLines('Heading', ['a'], 3)).toEqual(['Heading', '  a']);
  });

  it('2,000 problems reach a piped stderr, every line whole, before validate exits', { timeout: 60_000 }, async () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    appendFileSync(join(dir, 'hate-crime.csv'), 'not-a-row-of-this-dataset\n'.repeat(2000));
    const child = spawn(process.execPath, [join(ROOT, 'scripts/validate-data.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const chunks: Buffer[] = [];
    // A slow reader: the pipe fills, as it does when CI is busy.
    child.stderr.pause();
    const drain = setInterval(() => {
      let chunk: Buffer | null;
      while ((chunk = child.stderr.read(4096) as Buffer | null)) chunks.push(chunk);
    }, 20);
    child.stderr.on('readable', () => undefined);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    clearInterval(drain);
    let rest: Buffer | null;
    while ((rest = child.stderr.read() as Buffer | null)) chunks.push(rest);
    const stderr = Buffer.concat(chunks).toString('utf8');
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Data validation failed: 2000 problems in 1 file$/);
    const rows = lines.filter((l) => /hate-crime\.csv:\d+: expected 10 cells \(one per column\), found 1$/.test(l));
    expect(rows).toHaveLength(2000);
    expect(lines.at(-1)).toMatch(/claims\.csv: claims on hate-crime not checked: .*\(fix those first\)$/);
  });
});

describe('messages that name the real cause', () => {
  it('a CSV saved as UTF-16 without a byte-order mark', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    const text = readFileSync(join(dir, 'areas.csv'), 'utf8');
    writeFileSync(join(dir, 'areas.csv'), Buffer.from(text, 'utf16le'));
    expect(problemsOf(dir)).toContainEqual(
      expect.stringMatching(
        /areas\.csv: expected UTF-8 text, found UTF-16 \(little-endian, without a byte-order mark: every other byte is zero\); save the file as UTF-8$/,
      ),
    );
  });

  it('a metadata file saved as UTF-16', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    const path = join(dir, 'areas.meta.json');
    writeFileSync(path, Buffer.from(readFileSync(path, 'utf8'), 'utf16le'));
    expect(problemsOf(dir)).toContainEqual(
      expect.stringMatching(/areas\.meta\.json: expected UTF-8 text, found UTF-16 \(little-endian/),
    );
  });

  it('a header that names a column twice', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    editFile(join(dir, 'hate-crime.csv'), 'area,period,measure,value,', 'area,period,measure,area,');
    expect(problemsOf(dir)).toContainEqual(
      expect.stringMatching(
        /hate-crime\.csv:1:4: column "area": expected each column name once in the header, found "area" again \(first in column 1\)$/,
      ),
    );
  });

  it('a reference to a dataset that has no id column', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    editFile(join(dir, 'activities.meta.json'), '"references": "themes"', '"references": "hate-crime"');
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /activities\.meta\.json: field "columns\.theme\.references": expected a dataset with an id column \(a reference names a row by its id\), found "hate-crime", which has no id column \(its rows are keyed by area\|period\|measure\|source\)$/,
      ),
    );
    expect(problems.filter((p) => p.includes('activities.csv') && p.includes('column "theme"'))).toEqual([]);
  });

  it('a range written with an en dash says so', () => {
    const dir = copyDataDir(join(ROOT, 'data'));
    editFile(join(dir, 'hate-crime.csv'), 'hate-crime-data,338-341', 'hate-crime-data,338\u2013341');
    expect(problemsOf(dir)).toContainEqual(
      expect.stringContaining('found "338\u2013341" (it has U+2013 (EN DASH) where a hyphen-minus "-" is expected)'),
    );
  });
});
