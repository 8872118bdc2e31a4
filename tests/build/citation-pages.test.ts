/**
 * Every printed page number beside cited lines on every page of the shared build is the page of those
 * lines (scripts/citation-pages.ts). Proved to fail on a broken page by tests/unit/citation-pages.test.ts.
 */
import { describe, expect, inject, test } from 'vitest';
import { checkSite, checkUsedOn } from '../../scripts/citation-pages.ts';
import { readReport, sourceFileOf } from '../../src/data/source.ts';

const report = readReport(inject('dataDir'), sourceFileOf(inject('dataDir')));
const found = report ? checkSite(inject('siteDir'), report) : [];
const usedOn = checkUsedOn(inject('siteDir'));

describe('page numbers of citations on the built site', () => {
  test('figures and key figures print pages beside their cited lines', () => {
    expect(report).toBeDefined();
    expect(found.length).toBeGreaterThan(50);
    expect(new Set(found.map((f) => f.page))).toContain('themes/domestic-abuse/index.html');
  });

  test('every printed page is the page of the lines cited', () => {
    const bad = found
      .filter((f) => !f.ok)
      .map((f) => `${f.page}: prints ${f.printed.join(', ')} for lines on ${f.cited.join(', ')}: ${f.text}`);
    expect(bad, `\n${bad.join('\n')}\n`).toEqual([]);
  });

  test('the report page names, beside each activity and body, only theme pages that show it', () => {
    expect(usedOn.length).toBeGreaterThan(50);
    const bad = usedOn.filter((u) => !u.shown).map((u) => `${u.row} is not on ${u.page}: ${u.text}`);
    expect(bad, `\n${bad.join('\n')}\n`).toEqual([]);
  });
});
