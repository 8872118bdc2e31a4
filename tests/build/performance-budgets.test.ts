/**
 * Performance budgets (budgets.config.ts) on the built site: every page of the shared build (or of
 * `BUDGETS_DIR`, built with the `BASE_PATH` given beside it). One test per page, discovered from the folder,
 * so new pages are checked without touching this file. Bytes are deterministic; nothing here is timed.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { checkBudgets } from '../../scripts/bench/budgets.ts';

const own = process.env.BUDGETS_DIR;
const folder = resolve(own ?? inject('siteDir'));
const { report, violations } = await checkBudgets(folder, {
  base: own ? (process.env.BASE_PATH ?? '/') : inject('basePath'),
});

describe(`performance budgets of ${folder}`, () => {
  test('the build has a home page', () => {
    expect(report.pages.map((p) => p.page)).toContain('index.html');
  });

  test.each(report.pages.map((p) => p.page))('%s is within budget', (page) => {
    const messages = violations.filter((v) => v.page === page).map((v) => v.message);
    expect(messages, `\n${messages.join('\n')}\n`).toEqual([]);
  });
});
