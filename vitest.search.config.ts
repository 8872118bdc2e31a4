import { defineConfig } from 'vitest/config';

/**
 * Discovery and sharing (`npm run test:search`): builds the site under the GitHub Pages base path once
 * (tests/support/discovery-setup.ts), then checks search in Chromium, JSON-LD, social meta and cards,
 * canonical URLs, the sitemap and robots.txt, and the figure embeds in iframes.
 */
export default defineConfig({
  test: {
    include: ['tests/browser/{site-search,embeds}.test.ts', 'tests/build/discovery-meta.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/discovery-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
