/**
 * Every printed page number beside cited lines on every page of the shared build is the page of those
 * lines (scripts/citation-pages.ts). Proved to fail on a broken page by tests/unit/citation-pages.test.ts.
 */
import { describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPageMarks, checkSite, checkUsedOn, readReports } from '../../scripts/citation-pages.ts';

const reports = readReports(inject('dataDir'));
const report = reports.size > 0 ? reports : undefined;
const found = report ? checkSite(inject('siteDir'), reports) : [];
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

  test('each "Page N" mark on the report page comes right before the first line of page N', () => {
    const first = [...reports.values()][0]!;
    const marks = checkPageMarks(readFileSync(join(inject('siteDir'), 'source/index.html'), 'utf8'), first);
    expect(marks.length).toBeGreaterThan(5);
    const bad = marks
      .filter((m) => !m.ok)
      .map((m) => `Page ${m.printed} before line ${m.line}, after a line on page ${m.beforeOn}`);
    expect(bad, `\n${bad.join('\n')}\n`).toEqual([]);
  });

  test('the report page names, beside each row, only theme pages that show it', () => {
    expect(usedOn.length).toBeGreaterThan(50);
    expect(usedOn.some((u) => u.row.includes('/data/spending/'))).toBe(true);
    const bad = usedOn.filter((u) => !u.shown).map((u) => `${u.row} is not on ${u.page}: ${u.text}`);
    expect(bad, `\n${bad.join('\n')}\n`).toEqual([]);
  });
});
