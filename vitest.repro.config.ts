import { defineConfig } from 'vitest/config';

/** Reproducible-build check: builds the site twice (slow; run by `npm run test:repro`). */
export default defineConfig({
  test: {
    include: ['tests/build/reproducible.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
  },
});
