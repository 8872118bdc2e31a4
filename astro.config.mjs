// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { DEFAULT_SITE } from './src/lib/site.ts';
import { normaliseBase } from './src/lib/url.ts';

/**
 * SITE: the origin the site is served from (used for canonical URLs and the sitemap).
 * BASE_PATH: the path it is served under, e.g. `/worcestershire-community-safety/` on GitHub Pages.
 * Both come from the environment so one build setup serves `/` locally and a project path on Pages.
 */
const site = process.env.SITE ?? DEFAULT_SITE;
const base = normaliseBase(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  integrations: [
    mdx(),
    // sitemap-index.xml + sitemap-0.xml with absolute URLs (SITE + base). Left out: pages that are not
    // content in their own right (search, the 404 page, figure embeds,
    // whose canonical page is the theme page).
    sitemap({ filter: (page) => !/\/(search|404|embed\/.+)\/$/.test(new URL(page).pathname) }),
  ],
  build: {
    format: 'directory',
    // Stylesheets as files: cached across pages, and no inline <style> for the CSP to hash.
    inlineStylesheets: 'never',
  },
  markdown: {
    // Shiki's inline styles would be blocked by the CSP; the site has no code blocks to highlight.
    syntaxHighlight: false,
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "manifest-src 'self'",
      ],
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Harmless, known Astro issue with MDX imports (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
