/**
 * The glossary's "Used on" lists on the shared build name only theme pages that use the term
 * (scripts/glossary-used-on.ts; its broken fixture is in tests/unit/glossary-used-on.test.ts).
 */
import { describe, expect, inject, test } from 'vitest';
import { checkSite } from '../../scripts/glossary-used-on.ts';

describe('glossary "Used on" on the built site', () => {
  test('every listed theme page uses the term', () => {
    const { pairs, problems } = checkSite(inject('siteDir'));
    expect(pairs).toBeGreaterThan(30);
    expect(problems.map((p) => `${p.term}: ${p.page}`)).toEqual([]);
  });
});
