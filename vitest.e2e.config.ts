import { defineConfig } from 'vitest/config';

/**
 * The browser quality gates (`npm run test:e2e`). One global setup builds the site under a non-root
 * base path, serves it and starts one Chromium; test files run one at a time and share it.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    // Two pages at a time (one per core) inside a file whose tests are marked concurrent.
    maxConcurrency: 2,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});
