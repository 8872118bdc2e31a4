/**
 * The rendering check (scripts/bench/render.ts) on a fixture site (tests/fixtures/render/site/): a
 * theme page whose heavy blocks are lazy passes, and each broken page fails with a message naming
 * the page and the block. This is what proves that tests/build/render-budgets.test.ts can fail.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGETS } from '../../budgets.config.ts';
import { checkRendering, lazySelectors, type RenderViolation } from '../../scripts/bench/render.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/render/site');

let dir: string;
let result: ReturnType<typeof checkRendering>;
const on = (page: string): RenderViolation[] => result.violations.filter((v) => v.page === page);

/** Write `count` elements in place of the `<!-- MANY -->` marker of a page in the copy. */
function fill(page: string, count: number, marker = '<!-- MANY -->'): void {
  const file = join(dir, page);
  const many = Array.from({ length: count }, (_, i) => `<span>${i}</span>`).join('');
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll(marker, many));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'render-fixture-'));
  cpSync(fixture, dir, { recursive: true });
  fill('themes/crowded/index.html', BUDGETS.elementsAtLoad + 10);
  fill('big/index.html', BUDGETS.domElements + 10);
  // Blocks heavier than the heavy-block limit (each also holds a list of 150 items).
  fill('themes/good/index.html', BUDGETS.heavyBlockElements, '<!-- BLOCK -->');
  fill('themes/uncovered/index.html', BUDGETS.heavyBlockElements, '<!-- BLOCK -->');
  result = checkRendering(dir, { base: '/' });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the rendering check on a fixture site', () => {
  test('reads content-visibility rules, not those for print', () => {
    const css = readFileSync(join(fixture, '_astro/site.css'), 'utf8');
    expect(lazySelectors(css)).toEqual([
      '.theme-page__body>figure',
      '.theme-page__body>section',
      '.theme-page>section',
    ]);
  });

  test('a theme page whose heavy blocks are lazy passes, and counts only what renders at load', () => {
    expect(on('themes/good/index.html')).toEqual([]);
    const good = result.pages.find((p) => p.page === 'themes/good/index.html')!;
    expect(good.themePage).toBe(true);
    expect(good.elements).toBeGreaterThan(400);
    expect(good.elementsAtLoad).toBeLessThan(200);
  });

  test('a heavy block without a rule fails, and a rule inside @media print does not count', () => {
    expect(
      on('themes/uncovered/index.html')
        .filter((v) => v.budget === 'heavyBlocks')
        .map((v) => v.message),
    ).toEqual([
      expect.stringMatching(
        /^themes\/uncovered\/index\.html: div\.big-table \(\d+ elements\) rendered at load below the first figure/,
      ),
      expect.stringMatching(/^themes\/uncovered\/index\.html: aside\.helplines \(\d+ elements\) rendered at load/),
    ]);
  });

  test('a theme page rendering too many elements at load fails', () => {
    expect(on('themes/crowded/index.html').map((v) => v.budget)).toEqual(['elementsAtLoad']);
    expect(on('themes/crowded/index.html')[0]!.message).toMatch(
      new RegExp(
        `elements rendered at load \\(outside content-visibility blocks\\) > ${BUDGETS.elementsAtLoad} budget`,
      ),
    );
  });

  test('a page over the DOM size budget fails; the elements-at-load budget is for theme pages only', () => {
    expect(on('big/index.html').map((v) => v.message)).toEqual([
      `big/index.html: ${BUDGETS.domElements + 10 + 2} elements > ${BUDGETS.domElements} budget`,
    ]);
  });
});
