/**
 * Which pages the suite checks. The union of three sources, so the list grows with the site by itself:
 *   1. every `.html` file in the build folder (catches pages nothing links to yet),
 *   2. every `<loc>` in `sitemap-index.xml` / `sitemap*.xml`, if the site has one,
 *   3. a crawl of `<a href>` links from the home page, staying under the base path.
 * URLs are returned on the local server's origin, sorted, without fragments or queries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';

/** Every file under `dir`, as paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The URL a built HTML file is served at (`a/index.html` -> `base/a/`). */
export function fileToUrl(baseUrl: string, file: string): string {
  const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return new URL(path, baseUrl).href;
}

/** Normalise a link to a page URL under the base, or undefined when it is not one. */
function pageUrl(href: string, from: string, baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, from);
  } catch {
    return undefined;
  }
  url.hash = '';
  url.search = '';
  if (!url.href.startsWith(baseUrl)) return undefined;
  // Downloads and assets are checked by the link checker, not visited as pages.
  const last = url.pathname.split('/').pop() ?? '';
  if (/\.[a-z0-9]+$/i.test(last) && !last.endsWith('.html')) return undefined;
  return url.href;
}

/** `<loc>` entries of the site's sitemaps, moved onto the local origin. */
function sitemapPages(dir: string, baseUrl: string): string[] {
  const base = new URL(baseUrl);
  const pages: string[] = [];
  for (const file of listFiles(dir).filter((f) => /^sitemap[^/]*\.xml$/.test(f))) {
    const xml = readFileSync(join(dir, file), 'utf8');
    for (const match of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
      const loc = new URL(match[1] ?? '');
      if (loc.pathname.endsWith('.xml')) continue; // a sitemap index entry, read from disk above
      const local = new URL(loc.pathname, base.origin).href;
      const page = pageUrl(local, local, baseUrl);
      if (page !== undefined) pages.push(page);
    }
  }
  return pages;
}

/** Follow `<a href>` links from the home page; returns every HTML page reached under the base. */
export async function crawlPages(baseUrl: string, limit = 2000): Promise<string[]> {
  const seen = new Set<string>([baseUrl]);
  const queue = [baseUrl];
  const pages: string[] = [];
  while (queue.length > 0 && seen.size <= limit) {
    const url = queue.shift() as string;
    const response = await fetch(url);
    if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    pages.push(url);
    const { document } = parseHTML(await response.text());
    for (const anchor of document.querySelectorAll('a[href]')) {
      const next = pageUrl(anchor.getAttribute('href') ?? '', url, baseUrl);
      if (next !== undefined && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return pages;
}

export async function discoverPages(dir: string, baseUrl: string): Promise<string[]> {
  const fromFiles = listFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => fileToUrl(baseUrl, file));
  const fromSitemap = existsSync(dir) ? sitemapPages(dir, baseUrl) : [];
  const fromCrawl = await crawlPages(baseUrl);
  return [...new Set([...fromFiles, ...fromSitemap, ...fromCrawl])].sort();
}

/** A short, file-name-safe label for a page URL: `/base/themes/hate-crime/` -> `themes-hate-crime`. */
export function pageSlug(url: string, baseUrl: string): string {
  const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : new URL(url).pathname;
  const slug = path
    .replace(/\/index\.html$|\.html$/, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? 'home' : slug.toLowerCase();
}
