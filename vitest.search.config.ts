import { defineConfig } from 'vitest/config';

/**
 * Discovery and sharing (`npm run test:search`): builds the site under the GitHub Pages base path once
 * (tests/search/global-setup.ts), then checks search in Chromium, JSON-LD, social meta and cards,
 * canonical URLs, the sitemap and robots.txt, and the figure embeds in iframes.
 */
export default defineConfig({
  test: {
    include: ['tests/search/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/search/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
