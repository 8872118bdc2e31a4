/** Row-level provenance: `source_lines` ranges exist in the report and hold the row's value as printed. */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { checkProvenance } from '../../src/data/provenance.ts';
import { sha256 } from '../../src/data/sources.ts';
import { parseReport, printedAs, printedNumbers, sourceFileOf } from '../../src/data/source.ts';

/** The first report's text, as data/sources.csv names it. */
const REPORT_FILE = `source/${sourceFileOf(resolve(import.meta.dirname, '../../data'))}`;
import { claimsSchema } from '../../src/schemas/claims.ts';
import { DATASET_SCHEMAS, isReportDrawn, missingSourceLines, type DatasetSchema } from '../../src/schemas/index.ts';
import { parseLineRanges } from '../../src/lib/line-range.ts';
import { parseLineRange } from '../../src/schemas/source-lines.ts';
import { editFile, FIXTURES } from '../support/fixtures.ts';
import { problemsAfter } from '../support/broken-copies.ts';

const DATA = resolve(import.meta.dirname, '../../data');

describe('the report in the repository', () => {
  it('is the text every line number counts: 421 lines on 6 pages', () => {
    const report = parseReport(readFileSync(join(DATA, REPORT_FILE), 'utf8'), REPORT_FILE);
    expect(report.lines).toHaveLength(421);
    expect(report.lines[339]).toMatch(/^Hate Offences\s+318\s+338\s+\+6\.3%$/);
    expect(report.pages[0]).toBe(1);
    expect(Math.max(...report.pages)).toBe(6);
    // The page breaks the reading notes describe: Prevent Data opens page 6.
    expect(report.pages[386 - 1]).toBe(6);
    expect(report.pages[382 - 1]).toBe(5);
  });
});

describe('printed numbers', () => {
  it("reads the report's own formats", () => {
    const n = printedNumbers('10,947 and +6.3% and -10.8% and £106k and £3,780,100, 3 FTE, three reviews, 1.4.17');
    // A date like 1.4.17 is not a number: a number never starts right after a dot, nor ends just before one and a digit.
    expect(n.map((x) => x.value)).toEqual([10947, 6.3, -10.8, 106000, 3780100, 3, 3]);
    expect(n.find((x) => x.text === '£106k')).toMatchObject({ currency: true, percent: false });
    expect(n.find((x) => x.word)?.text).toBe('three');
  });

  it('matches a value only in its unit', () => {
    const [pounds] = printedNumbers('£106,000');
    expect(printedAs(pounds!, 106000, 'gbp')).toBe(true);
    expect(printedAs(pounds!, 106000, 'count')).toBe(false);
    const [share] = printedNumbers('55%');
    expect(printedAs(share!, 55, 'percent')).toBe(true);
    expect(printedAs(share!, 55, 'count')).toBe(false);
    const [fall] = printedNumbers('-10.8%');
    expect(printedAs(fall!, -10.8, 'percent-change')).toBe(true);
    expect(printedAs(fall!, 10.8, 'percent-change')).toBe(false);
  });

  it('does not find a number inside a longer one', () => {
    expect(printedNumbers('338').some((n) => n.value === 3 || n.value === 33)).toBe(false);
  });

  it('parses line ranges and refuses backwards ones', () => {
    expect(parseLineRange('339')).toEqual({ start: 339, end: 339 });
    expect(parseLineRange('339-341')).toEqual({ start: 339, end: 341 });
    expect(parseLineRange('341-339')).toBeUndefined();
    expect(parseLineRange('0')).toBeUndefined();
    expect(parseLineRange('L339')).toBeUndefined();
  });
});

describe('the committed data', () => {
  const catalog = loadCatalog(DATA, DATASET_SCHEMAS);

  it('cites lines for every row of every report-drawn dataset, and every citation holds', () => {
    const drawn = [...catalog.values()].filter((d) => isReportDrawn(d.meta.kind)).map((d) => d.meta.id);
    // Every kind but reference: the seven figure datasets, claims and the three governance tables.
    expect(drawn.length).toBe(11);
    for (const id of drawn) {
      const d = catalog.get(id)!;
      expect(
        d.meta.columns.map((c) => c.name),
        id,
      ).toContain('source_lines');
      for (const row of d.rows)
        expect(parseLineRanges(row.raw.source_lines ?? ''), `${id} line ${row.line}`).toBeDefined();
    }
    expect(checkProvenance(catalog, DATA)).toEqual([]);
  });
});

describe('a broken citation fails the build', () => {
  it('a value outside its cited lines (committed fixture) fails with file:line:column, expected and found', () => {
    const problems = problemsAfter((dir) =>
      copyFileSync(
        join(FIXTURES, 'provenance/domestic-abuse-value-outside-lines.csv'),
        join(dir, 'domestic-abuse.csv'),
      ),
    );
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p).toMatchObject({
      file: expect.stringMatching(/domestic-abuse\.csv$/),
      line: 6,
      column: 'source_lines',
      columnNumber: 9,
    });
    expect(p.expected).toMatch(/the value 88 printed in lines 351-352 of .*community-safety-overview\.txt/);
    expect(p.found).toMatch(/10,947/);
    expect(formatProblem(p)).toMatch(/domestic-abuse\.csv:6:9: column "source_lines": expected the value 88/);
  });

  it('a range past the end of the text fails', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'prevent-channel.csv'), ',prevent-data,390', ',prevent-data,1390'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'source_lines',
        expected: expect.stringMatching(/1 to 421/),
        found: '"1390"',
      }),
    ]);
  });

  it('a blank range fails', () => {
    const problems = problemsAfter((dir) => editFile(join(dir, 'staffing.csv'), ',401-403', ',383-385'));
    expect(problems).toEqual([
      expect.objectContaining({ column: 'source_lines', found: 'lines 383-385, which are blank' }),
    ]);
  });

  it('a pound value needs its £ and a percentage its %', () => {
    // 106 appears in line 192 as £106k; the 55% share cited to the reoffending figures finds 55 nowhere.
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'prevent-channel.csv'), 'harm-reduction-prevent,178-182', 'harm-reduction-prevent,146-148'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.expected).toMatch(/the value 55% printed in lines 146-148/);
    // "1st quarter 2017": an ordinal is not the number 1.
    expect(problems[0]!.found).toBe('only 2017, 80, 160, 2018, 60, 112');
  });

  it('a direction claim needs the direction word in its lines', () => {
    const moved = problemsAfter((dir) =>
      editFile(
        join(dir, 'claims.csv'),
        ',,decrease,,count,domestic-abuse-data,360-361,',
        ',,decrease,,count,domestic-abuse-data,351-352,',
      ),
    );
    expect(moved).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/claims\.csv$/),
        column: 'source_lines',
        expected: expect.stringMatching(/a word for "decrease" in lines 351-352/),
      }),
    ]);
  });

  it('the registry gives every report-drawn dataset a source_lines column, and says which lack one', () => {
    expect(missingSourceLines(DATASET_SCHEMAS)).toEqual([]);
    // A claims table without line citations (the fixtures' schema) is of a report-drawn kind.
    const uncited = { ...DATASET_SCHEMAS, 'uncited-claims': claimsSchema as unknown as DatasetSchema };
    expect(missingSourceLines(uncited)).toEqual(['uncited-claims']);
    expect(isReportDrawn('reference')).toBe(false);
    expect(isReportDrawn('observations')).toBe(true);
  });

  it('a required dataset without the column fails, and a missing report fails', () => {
    const catalog = loadCatalog(DATA, DATASET_SCHEMAS);
    const drawn = [...catalog.values()].filter((d) => isReportDrawn(d.meta.kind)).map((d) => d.meta.id);
    const withAreas = new Set([...drawn, 'areas']);
    expect(checkProvenance(catalog, DATA, withAreas)).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/areas\.meta\.json$/),
        column: 'columns',
        found: 'no such column',
      }),
    ]);
    const problems = problemsAfter((dir) => rmSync(join(dir, REPORT_FILE)));
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/community-safety-overview\.txt$/),
        found: 'no such file',
      }),
      // One note for the rows that cite it, not one problem per row.
      expect.objectContaining({
        note: expect.stringMatching(/^\d+ rows citing "community-safety-overview-2018" not checked/),
      }),
    ]);
  });
});

describe('provenance that cannot be fooled', () => {
  it('never reads half of a year or an ordinal as a number, nor "One" in a name', () => {
    expect(printedNumbers('2016/7            2017/8 % change').map((n) => n.value)).toEqual([]);
    expect(printedNumbers('17/18 actuals  £146,370').map((n) => n.value)).toEqual([146370]);
    expect(printedNumbers('during the 1st quarter 2017').map((n) => n.value)).toEqual([2017]);
    expect(printedNumbers('through the One Day One Conversation (ODOC) meeting').map((n) => n.value)).toEqual([]);
    expect(printedNumbers('reviews. One was completed').map((n) => n.value)).toEqual([1]);
    expect(printedNumbers('one review').map((n) => n.value)).toEqual([1]);
  });

  it('a value of 7 or 2016 does not pass on lines that print the year 2016/7, and years are not listed as numbers', () => {
    for (const value of ['7', '2016']) {
      const problems = problemsAfter((dir) =>
        editFile(
          join(dir, 'hate-crime.csv'),
          'north-worcestershire,2016/17,hate-offences,318,',
          `north-worcestershire,2016/17,hate-offences,${value},`,
        ),
      );
      const cited = problems.find((p) => p.column === 'source_lines')!;
      expect(cited).toMatchObject({
        line: 2,
        columnNumber: 9,
        expected: expect.stringMatching(new RegExp(`the value .*${value}.* printed in lines 338-341`)),
      });
      expect(cited.found).toBe('only 318, 338, +6.3%, 37, 33, -10.8%');
    }
  });

  it('a percentage of 8 does not pass on "2017/8 %"', () => {
    const problems = problemsAfter((dir) =>
      editFile(
        join(dir, 'domestic-abuse.csv'),
        's42-da-referrals-over-50-share,79,percent,reported,s42-context;county-area-assumed,domestic-abuse-data,368-371,',
        's42-da-referrals-over-50-share,8,percent,reported,s42-context;county-area-assumed,domestic-abuse-data,338-341,',
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        column: 'source_lines',
        expected: expect.stringMatching(/the value 8% printed in lines 338-341/),
      }),
    ]);
  });

  it("a value taken from another section's lines fails on source_section", () => {
    const problems = problemsAfter((dir) =>
      editFile(
        join(dir, 'hate-crime.csv'),
        'financial-year-notation,hate-crime-data,338-341,',
        'financial-year-notation,domestic-abuse-data,338-341,',
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'source_section',
        columnNumber: 8,
        found: 'line 340 is in "hate-crime-data"',
      }),
    ]);
  });

  it('a range wider than the passage that prints the value fails, naming the narrower one', () => {
    const problems = problemsAfter((dir) =>
      editFile(
        join(dir, 'hate-crime.csv'),
        'financial-year-notation,hate-crime-data,338-341,',
        'financial-year-notation,hate-crime-data,337-341,',
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'source_lines',
        expected: expect.stringMatching(/the narrowest passage that prints 318: lines 338-341 of/),
        found: 'lines 337-341, which runs past it',
      }),
    ]);
  });

  it("a stated relationship's lines must name both bodies", () => {
    const problems = problemsAfter((dir) =>
      editFile(
        join(dir, 'relationships.csv'),
        'The council is responsible for running and supporting the Police and Crime Panel.,pcc-and-panel,64-65,',
        'The council is responsible for running and supporting the Police and Crime Panel.,pcc-and-panel,61-63,',
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        column: 'source_lines',
        columnNumber: 8,
        expected: expect.stringMatching(/lines that name to_body "west-mercia-pcp"/),
      }),
    ]);
  });

  it("an activity's date must be one its lines print", () => {
    const problems = problemsAfter((dir) => editFile(join(dir, 'activities.csv'), ',2018-09,', ',2018-03,'));
    expect(problems).toEqual([
      expect.objectContaining({ line: 20, column: 'date', found: '2018-03, which they do not' }),
    ]);
  });

  it('a basis_note must be a sentence, not a placeholder', () => {
    const problems = problemsAfter((dir) =>
      editFile(
        join(dir, 'activities.csv'),
        '"Listed among the outcomes in the report\'s section on the Safer Communities Board and the two community safety partnerships, which does not say which body did it; we file it under the board, which leads county-wide work."',
        'TBC',
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, column: 'basis_note', found: 'a placeholder: "TBC"' }),
    ]);
  });
});

describe('the report is pinned by its SHA-256 (data/sources.csv)', () => {
  it('a changed digit that only activities cite fails, naming the report, once', () => {
    // Line 140 ("September 2018.") is cited only by an activity, whose date is a month.
    const problems = problemsAfter((dir) => editFile(join(dir, REPORT_FILE), 'September 2018.', 'September 2019.'));
    const faults = problems.filter((p) => !p.note);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({
      file: expect.stringMatching(/source\/community-safety-overview\.txt$/),
      expected: expect.stringMatching(/whose SHA-256 is 36c69ecf[0-9a-f]{56} \(.*sources\.csv line 2, column sha256\)/),
      found: expect.stringMatching(/^a different text, SHA-256 [0-9a-f]{64}\. .*put [0-9a-f]{64} in the sha256 cell/),
    });
    expect(problems.find((p) => p.note)?.note).toMatch(/^\d+ rows citing "community-safety-overview-2018" not checked/);
  });

  it('a text that is not UTF-8, or holds a control character, fails with its line and column', () => {
    const bad = problemsAfter((dir) => {
      const path = join(dir, REPORT_FILE);
      const bytes = readFileSync(path);
      const at = bytes.indexOf('Appendix 1');
      bytes[at] = 0x07;
      writeFileSync(path, bytes);
      editFile(
        join(dir, 'sources.csv'),
        '36c69ecfa6d92d517b4cae178c618c197b851b6d3d3647a2d75f048ef2a87df2',
        sha256(bytes),
      );
    });
    expect(bad.filter((p) => !p.note)).toEqual([
      expect.objectContaining({
        line: 2,
        columnNumber: 1,
        expected: 'text with no control characters other than newline and tab',
        found: 'U+0007',
      }),
    ]);
  });
});
