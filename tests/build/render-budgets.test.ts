/**
 * Rendering work at load (budgets.config.ts: domElements, elementsAtLoad, heavyBlockElements) on the
 * built site: every page of the shared build (or of `BUDGETS_DIR`, with its `BASE_PATH`). Every page
 * is within the DOM size budget; on every theme page any heavy block below the lead figure is lazy
 * (`content-visibility: auto`) and what renders at load is within budget. Deterministic: counts of
 * elements and CSS rules, nothing timed (Lighthouse itself is in `npm run bench`). The check is
 * scripts/bench/render.ts; tests/unit/render-check.test.ts proves it fails on broken pages.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { checkRendering } from '../../scripts/bench/render.ts';

const own = process.env.BUDGETS_DIR;
const folder = resolve(own ?? inject('siteDir'));
const { pages, violations } = checkRendering(folder, {
  base: own ? (process.env.BASE_PATH ?? '/') : inject('basePath'),
});

describe(`rendering work of ${folder}`, () => {
  test('the build has theme pages, and the governance list renders lazily', () => {
    const themes = pages.filter((p) => p.themePage);
    expect(themes.length).toBeGreaterThanOrEqual(9);
    // Whole page blocks are not lazy (docs/performance.md says why); the governance list entries are.
    const governance = themes.find((p) => p.page === 'themes/governance/index.html');
    expect(governance, 'themes/governance/index.html').toBeDefined();
    expect(governance?.elementsAtLoad).toBeLessThan(governance?.elements ?? 0);
  });

  test.each(pages.map((p) => p.page))('%s is within the rendering budgets', (page) => {
    const messages = violations.filter((v) => v.page === page).map((v) => v.message);
    expect(messages, `\n${messages.join('\n')}\n`).toEqual([]);
  });
});
