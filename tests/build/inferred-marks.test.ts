/**
 * Every rendering of an inferred row on every page of the shared build carries the "our reading" mark
 * and its note (scripts/inferred-marks.ts; docs/data-rules.md, "Stated or inferred"). The check is
 * proved to fail on a broken page by tests/unit/inferred-marks.test.ts.
 */
import { describe, expect, inject, test } from 'vitest';
import { checkSite, inferredRows } from '../../scripts/inferred-marks.ts';

const found = checkSite(inject('siteDir'), inferredRows(inject('dataDir')));

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
});
