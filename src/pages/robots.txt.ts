/**
 * `/robots.txt`: everything may be crawled; names the sitemap by its absolute URL (origin + base path).
 * Crawlers only read robots.txt at the root of a host, so under a project base path on GitHub Pages
 * this file is informative only; with a custom domain (base `/`) it is the one they read.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
