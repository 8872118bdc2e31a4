/**
 * The citation-page check of scripts/citation-pages.ts (run on the whole built site by
 * tests/build/citation-pages.test.ts): a printed page number must be the page of the lines cited
 * beside it. Proved on a broken fixture page (a section's first page printed for a line on the next
 * page; "pages 1–5" beside a line on page 6) and on the report's own page breaks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkPage,
  checkPageMarks,
  checkUsedOn,
  linkedPages,
  printedPages,
  readReports,
} from '../../scripts/citation-pages.ts';
import { FICTIONAL_SOURCE_ID, withFictionalEdition } from '../support/editions.ts';
import { copyDataDir } from '../support/fixtures.ts';

const DATA = resolve(import.meta.dirname, '../../data');
const report = readReports(DATA);
const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/citation-pages/broken.html'), 'utf8');
const otherSource = readFileSync(resolve(import.meta.dirname, '../fixtures/citation-pages/other-source.html'), 'utf8');

describe('citation-page check', () => {
  it('reads printed pages in every form the site prints', () => {
    expect(printedPages('section “X”, page 4, lines 294–295')).toEqual([4]);
    expect(printedPages('9 sections of the report, pages 1–5')).toEqual([1, 2, 3, 4, 5]);
    expect(printedPages('pages 1, 3 and 6')).toEqual([1, 3, 6]);
    expect(printedPages('lines 294–295')).toEqual([]);
  });

  it('computes the pages of cited lines from the report’s page breaks', () => {
    expect(linkedPages(['/source/#L294-L295'], report)).toEqual([4]);
    expect(linkedPages(['/source/#L224-L225', '/source/#L271'], report)).toEqual([3, 4]);
    expect(linkedPages(['/source/#L390'], report)).toEqual([6]);
  });

  it('fails a "Page N" mark placed after a line of page N, or with no line after it', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../fixtures/citation-pages/page-marks.html'), 'utf8');
    const first = [...report.values()][0]!;
    expect(checkPageMarks(html, first).map((m) => [m.printed, m.line, m.ok])).toEqual([
      [5, 338, false],
      [6, 386, true],
      [7, undefined, false],
    ]);
  });

  it('fails each wrong page on the broken page and passes the right ones', () => {
    const found = checkPage(fixture, 'broken.html', report);
    expect(found.map((f) => [f.printed.join(','), f.cited.join(','), f.ok])).toEqual([
      ['3', '4', false],
      ['1,2,3,4,5', '5,6', false],
      ['5', '5', true],
      ['1,3', '1,3', true],
    ]);
  });

  it('reads each link in the text of the source it names (the fictional edition beside the first report)', () => {
    const reports = readReports(withFictionalEdition(copyDataDir(DATA)));
    expect([...reports.keys()]).toEqual(['community-safety-overview-2018', FICTIONAL_SOURCE_ID]);
    expect(linkedPages([`/sources/${FICTIONAL_SOURCE_ID}/#L19`], reports)).toEqual([1]);
    expect(linkedPages([`/sources/${FICTIONAL_SOURCE_ID}/#L390`], reports)).toEqual([]);
    const found = checkPage(otherSource, 'other-source.html', reports);
    expect(found.map((f) => [f.printed.join(','), f.cited.join(','), f.ok])).toEqual([
      ['1', '1', true],
      ['6', '', false],
      ['6', '', false],
      ['6', '6', true],
    ]);
  });

  it('fails a "used on" link to a theme page that does not show the row (broken fixture site)', () => {
    const found = checkUsedOn(resolve(import.meta.dirname, '../fixtures/used-on'));
    expect(found.map((u) => [u.text, u.page, u.shown])).toEqual([
      ['A protocol was completed.', 'themes/governance/index.html', true],
      ['A protocol was completed.', 'themes/prevent/index.html', false],
      ['Channel Panel', 'themes/prevent/index.html', true],
      ['Channel Panel', 'themes/governance/index.html', false],
      // A spending row listed as used on a page that does not show its figure (the stale lists of #24).
      ['£146,370', 'themes/governance/index.html', true],
      ['£146,370', 'themes/prevent/index.html', false],
    ]);
  });
});
