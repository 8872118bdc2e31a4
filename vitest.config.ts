import { defineConfig } from 'vitest/config';

/**
 * The one test configuration (`npm test` runs `npm run check` and every project side by side:
 * scripts/test.ts; docs/testing.md).
 *
 * - unit (and unit-mocked, the files that use vi.mock): pure functions, the data loader, charts
 *   against their snapshots, fixture-only checks.
 * - build: checks of the shared production build (downloads, budgets, citations), beside the unit files.
 * - browser: the same build served and driven in Chromium (pages, keyboard, no-JS, links, HTML,
 *   search, embeds, discovery meta).
 * - variants: the reproducibility build and the variant build (a new theme, a second edition,
 *   malicious labels), which run in the background from the start; this project comes last.
 *
 * The build and browser projects share ONE production build under the GitHub Pages base path
 * (tests/support/build-site.ts), made in the global setup before any test. Groups run one after
 * another (sequence.groupOrder), so a unit failure is reported before any browser check starts.
 */
/** Unit files that replace a module with vi.mock: run isolated, so the mock reaches no other file. */
export const MOCKING = ['tests/unit/figure-periods.test.ts', 'tests/unit/spending-periods.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    teardownTimeout: 30_000,
    // Both cores (vitest's default leaves one free: on two cores, one worker). The unit and build
    // files are CPU-bound and short; the browser files set their own (one file at a time).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: MOCKING,
          sequence: { groupOrder: 0 },
          // Files share one module registry per worker instead of re-importing d3, zod, Plot and the
          // data for each of ~75 files: 49 CPU s instead of 101 (issue #26). Only the files that
          // replace a module (vi.mock) need their own registry: unit-mocked below.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-mocked',
          include: MOCKING,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/build-setup.ts'],
          // Beside the unit files: they read the shared build, made before any file runs.
          sequence: { groupOrder: 0 },
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/browser-setup.ts'],
          sequence: { groupOrder: 2 },
          fileParallelism: false,
          // One file at a time in one worker that keeps its modules (playwright-core, axe-core's source,
          // the figures) from file to file: each file had re-imported them, about a second each.
          isolate: false,
          // Four pages at a time inside a file whose tests are marked concurrent, each in a reused tab
          // (tests/support/tabs.ts). On 2 cores, 4 beat 2 by 10-15%: a check spends part of its time
          // waiting on the protocol, and the other checks fill those gaps.
          maxConcurrency: 4,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          // The builds these read (a second clean build; the variant build with a new theme, a second
          // edition and malicious labels) run in the background from the start of the run, so this
          // project comes last and finds them made (tests/support/build-site.ts).
          name: 'variants',
          include: ['tests/variants/**/*.test.ts'],
          globalSetup: ['tests/support/build-setup.ts'],
          sequence: { groupOrder: 3 },
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
