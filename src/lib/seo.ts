/**
 * Helpers for what search engines, link previews and dataset search read: absolute URLs under the
 * base path, the social card of each page, and JSON-LD that is safe inside a `<script>` element.
 */
import { joinBase } from './url.ts';

/**
 * The page's path inside the site, without the base path and without `index.html` / `.html`:
 * `/base/themes/hate-crime/` -> `themes/hate-crime`, `/base/` -> ``, `/base/404.html` -> `404`.
 */
export function sitePath(pathname: string, base: string | undefined): string {
  const root = joinBase(base, '/');
  let path = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\/+/, '');
  path = path.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
  return path.replace(/^\/+|\/+$/g, '');
}

/**
 * The slug of a page's social card (`/cards/<slug>.png`): its site path with `/` written as `--`,
 * so it stays one flat, readable file name (`themes--hate-crime`). The home page is `home`.
 * Ids are kebab-case (single hyphens), so `--` cannot collide with an id.
 */
export function cardSlug(path: string): string {
  const clean = path.replace(/^\/+|\/+$/g, '');
  return clean === '' ? 'home' : clean.split('/').join('--');
}

/** The card image path (before the base path) of the page at `pathname`. */
export function cardPath(pathname: string, base: string | undefined): string {
  return `/cards/${cardSlug(sitePath(pathname, base))}.png`;
}

/** Card images are 1200 x 630 px, the size Open Graph and X/Twitter large cards expect (1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. `JSON.stringify`, then `<`, `>`, `&`,
 * U+2028 and U+2029 written as `\u` escapes: no string in the data can close the element
 * (`</script>`), open a comment (`<!--`) or be read as a character reference, and the parsed value
 * is unchanged (JSON.parse turns the escapes back into the same characters).
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('serializeJsonLd: the value cannot be written as JSON');
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => UNSAFE_IN_SCRIPT[ch] ?? ch);
}
