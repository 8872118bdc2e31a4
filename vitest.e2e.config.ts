import { defineConfig } from 'vitest/config';

/**
 * The browser quality gates (`npm run test:e2e`). One global setup builds the site under a non-root
 * base path, serves it and starts one Chromium; test files run one at a time and share it.
 */
export default defineConfig({
  test: {
    include: ['tests/browser/{every-page,no-js-and-keyboard,links-and-html,checks-catch-broken-pages,governance-map}.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/e2e-setup.ts'],
    fileParallelism: false,
    // Four pages at a time inside a file whose tests are marked concurrent, each in a reused tab
    // (tests/support/tabs.ts). On 2 cores, 4 beat 2 by 10-15%: a check spends part of its time
    // waiting on the protocol, and the other checks fill those gaps.
    maxConcurrency: 4,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});
