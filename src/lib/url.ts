/**
 * URL helpers. Every internal link and asset on the site goes through `withBase`,
 * so the site works both at `/` and under a GitHub Pages project path such as
 * `/worcestershire-community-safety/`.
 */
import { DEFAULT_SITE } from './site.ts';

/** Normalise a base path to exactly one leading and one trailing slash ("" -> "/"). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Join a site-internal path onto a base path, collapsing duplicate slashes.
 * Keeps a trailing slash when the path has one, keeps `?query` and `#hash`.
 * Absolute URLs (`https:`, `mailto:`) and pure fragments (`#top`) are returned unchanged.
 */
export function joinBase(base: string | undefined, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('#') || path.startsWith('//')) return path;
  const root = normaliseBase(base);
  const match = /^([^?#]*)(.*)$/.exec(path);
  const pathname = (match?.[1] ?? '').replace(/^\/+/, '').replace(/\/{2,}/g, '/');
  const rest = match?.[2] ?? '';
  return `${root}${pathname}${rest}`;
}

function configuredBase(): string {
  // `import.meta.env` exists under Vite (Astro, Vitest); plain Node scripts fall back to the env var.
  const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env;
  return env?.BASE_URL ?? process.env.BASE_PATH ?? '/';
}

/** Prefix a site-internal path with the configured base path. */
export function withBase(path: string): string {
  return joinBase(configuredBase(), path);
}

/**
 * Absolute URL of a site-internal path: origin + base path + path (`/themes/x/` ->
 * `https://host/base/themes/x/`). `site` is Astro's `site` (the `SITE` variable), else DEFAULT_SITE;
 * `base` defaults to the configured base path.
 */
export function absoluteUrl(path: string, site?: URL | string, base: string = configuredBase()): string {
  return new URL(joinBase(base, path), site ?? DEFAULT_SITE).href;
}
