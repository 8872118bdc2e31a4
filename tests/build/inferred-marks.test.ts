/**
 * Every rendering of an inferred row on every page of the shared build carries the "our reading" mark
 * and its note (scripts/inferred-marks.ts; docs/data-rules.md, "Stated or inferred"). The check is
 * proved to fail on a broken page by tests/unit/inferred-marks.test.ts.
 */
import { describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSite, inferredRows, repeatedNotes } from '../../scripts/inferred-marks.ts';
import { filesUnder } from '../../scripts/files.ts';

const rows = inferredRows(inject('dataDir'));
const found = checkSite(inject('siteDir'), rows);

describe('"our reading" marks on the built site', () => {
  test('inferred rows are shown on the theme, governance, figures, data and report pages', () => {
    const pages = new Set(found.map((f) => f.page));
    for (const page of [
      'themes/governance/index.html',
      'themes/pcc-and-panel/index.html',
      'themes/child-exploitation/index.html',
      'figures/index.html',
      'source/index.html',
      'data/activities/index.html',
    ])
      expect(pages, page).toContain(page);
    expect(found.length).toBeGreaterThan(300);
  });

  test('a spending row whose funder is our reading is found on the report page, beside its lines', () => {
    const spending = found.filter((f) => f.key.startsWith('spending:')).map((f) => f.page);
    expect(spending).toContain('source/index.html');
  });

  test('every instance carries the mark and its note', () => {
    const bad = found.filter((f) => !f.marked).map((f) => `${f.page}: ${f.key}: ${f.problem}`);
    expect(bad, `\n${bad.join('\n')}\n`).toEqual([]);
  });

  test('a list says each note once: its items link to it, not repeat it', () => {
    const site = inject('siteDir');
    const repeated = filesUnder(site)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) => repeatedNotes(readFileSync(join(site, f), 'utf8'), f, rows))
      .map((r) => `${r.page}: said ${r.times} times in one list: ${r.note}`);
    expect(repeated, `\n${repeated.join('\n')}\n`).toEqual([]);
  });
});
