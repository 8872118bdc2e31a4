/**
 * `/robots.txt`: everything may be crawled; names the sitemap by its absolute URL (origin + base path).
 * Crawlers only read robots.txt at the root of a host, so under a project base path on GitHub Pages
 * this file is informative only; with a custom domain (base `/`) it is the one they read.
 */
import type { APIRoute } from 'astro';
import { absoluteSiteUrl } from '../lib/seo.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteSiteUrl('/sitemap-index.xml', site, import.meta.env.BASE_URL)}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
