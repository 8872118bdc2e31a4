import { defineConfig } from 'vitest/config';

/**
 * Performance budgets (`npm run test:budgets`): checks the built `dist/` (run `npm run build` first;
 * `BUDGETS_DIR` and `BASE_PATH` point it at another build), and the check itself on a fixture site.
 */
export default defineConfig({
  test: {
    include: ['tests/build/performance-budgets.test.ts'],
    environment: 'node',
  },
});
