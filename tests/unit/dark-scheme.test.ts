/**
 * The dark colour scheme changes colours only (tests/support/dark-scheme.ts), which is why the browser
 * suite runs every axe rule in light and only the colour rules in dark (docs/testing.md). The broken
 * fixtures in tests/fixtures/dark-scheme/ show the check failing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDarkScheme, checkDarkSchemeCss, checkDarkSchemeSource } from '../support/dark-scheme.ts';
import { FIXTURES } from '../support/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the dark scheme changes colours only', () => {
  it("in the site's styles, components, client scripts and content", () => {
    expect(checkDarkScheme(ROOT, ['src', 'content'])).toEqual([]);
  });

  it('reports a dark rule that changes layout, a non-colour custom property and a dark [data-theme] rule', () => {
    const file = join(FIXTURES, 'dark-scheme', 'broken.css');
    const problems = checkDarkSchemeCss(readFileSync(file, 'utf8'), 'broken.css');
    expect(problems).toEqual([
      'broken.css:5: @media (prefers-color-scheme:dark) sets "--gap: 2rem"; the dark scheme may change colours only',
      'broken.css:9: @media (prefers-color-scheme:dark) sets "display: none"; the dark scheme may change colours only',
      'broken.css:13: ":root[data-theme="dark"] .chart" sets "width: 10px"; the dark scheme may change colours only',
    ]);
  });

  it('reports prefers-color-scheme in a script, but not in a comment', () => {
    const text = readFileSync(join(FIXTURES, 'dark-scheme', 'broken.ts'), 'utf8');
    expect(checkDarkSchemeSource(text, 'broken.ts')).toEqual([
      'broken.ts:3: mentions prefers-color-scheme outside a stylesheet; the dark scheme may change colours only (in CSS)',
    ]);
  });
});
