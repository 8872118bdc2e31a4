/**
 * Static analysis of a built site folder: for every `*.html` file, what the page costs a reader.
 *
 * - Bytes of the HTML, of the CSS and of the JavaScript it loads, raw and gzip (GitHub Pages serves
 *   text gzip-compressed; we compress with zlib's default level 6, deterministic).
 * - Requests: the HTML plus every same-origin asset it references, found statically:
 *   `<link rel=stylesheet|icon|preload|modulepreload|manifest…>`, `<script src>`, the static imports of
 *   every module script (module scripts and inline module scripts, followed recursively with
 *   es-module-lexer), `<img src|srcset>`, `<source srcset>`, media posters, and `url()`/`@import` in
 *   the CSS (css-tree). Dynamic `import()` targets are counted as lazy: their bytes are in the JS total
 *   (a budget is a promise about everything a page may run) but not in the requests at load.
 * - Inline `<svg>` elements (top-level only), each named by its figure: the nearest ancestor with a
 *   `data-figure` attribute, else the nearest `<figure id>`, else the SVG's own id or `<title>`.
 * - The facts the budgets check: render-blocking scripts (external classic scripts in `<head>`; inline
 *   ones are measured, as they need no download), images without width and height, web fonts,
 *   third-party references, references to files that are not in the build.
 *
 * Pages are discovered by walking the folder, so the analysis keeps up with the site by itself.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { init as initLexer } from 'es-module-lexer';
import { normaliseBase } from '../../src/lib/url.ts';
import { analysePage, readCached, type Ctx, type FileCache } from './analyse-walk.ts';

export { sizeOf } from './analyse-walk.ts';

export interface Size {
  raw: number;
  gzip: number;
}

export type AssetKind = 'css' | 'js' | 'image' | 'font' | 'other';

export interface AssetRef {
  /** File path relative to the site folder (`_astro/x.js`), or the URL for a third-party reference. */
  file: string;
  kind: AssetKind;
  size: Size;
  /** Loaded only on demand (a dynamic `import()`). */
  lazy: boolean;
  /** Which figure references it, when the reference sits inside one. */
  figure?: string;
}

export interface InlineSvg {
  figure: string;
  size: Size;
}

export interface Problem {
  /** What is wrong, in words. */
  what: string;
  /** The resource concerned (a file, URL or element description). */
  resource: string;
  figure?: string;
}

export interface PageReport {
  /** HTML file relative to the site folder, e.g. `themes/hate-crime/index.html`. */
  page: string;
  /** The path the page is served at, e.g. `/base/themes/hate-crime/`. */
  url: string;
  html: Size;
  /** Stylesheets plus inline `<style>` content. */
  css: Size;
  /** Scripts (files and inline) including module imports and lazy chunks. */
  js: Size;
  /** Images, icons and other non-text assets. */
  other: Size;
  /** Requests at load: the HTML plus every non-lazy same-origin asset. */
  requests: number;
  /** Requests only made on demand (dynamic imports). */
  lazyRequests: number;
  assets: AssetRef[];
  /** Inline scripts and styles (their bytes are counted in both the HTML and js/css). */
  inline: { kind: 'css' | 'js'; size: Size; figure?: string }[];
  svgs: InlineSvg[];
  renderBlockingScripts: Problem[];
  /** Raw bytes of inline classic scripts in `<head>` (they run before first paint). */
  inlineHeadScript: number;
  imagesWithoutSize: Problem[];
  webFonts: Problem[];
  thirdParty: Problem[];
  missing: Problem[];
}

export interface SiteReport {
  root: string;
  base: string;
  pages: PageReport[];
}

function addSize(a: Size, b: Size): Size {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip };
}

const ZERO: Size = { raw: 0, gzip: 0 };

/** Every `*.html` file under `root`, relative, `/`-separated, sorted (home first). */
export function listPages(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.')))
    .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
}

/** The path a built HTML file is served at under `base`. */
export function pagePath(base: string, file: string): string {
  const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
  return normaliseBase(base) + path;
}

let lexerReady: Promise<void> | undefined;

/** Analyse every page of a built site. `base` is the path the site is served under (default `/`). */
export async function analyseSite(folder: string, options: { base?: string } = {}): Promise<SiteReport> {
  lexerReady ??= initLexer;
  await lexerReady;
  const root = resolve(folder);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`No built site in ${folder} (no index.html): run the build first.`);
  const base = normaliseBase(options.base);
  const cache: FileCache = new Map();
  const pages: PageReport[] = [];
  for (const page of listPages(root)) {
    const report: PageReport = {
      page,
      url: pagePath(base, page),
      html: readCached(cache, root, page).size,
      css: ZERO,
      js: ZERO,
      other: ZERO,
      requests: 0,
      lazyRequests: 0,
      assets: [],
      inline: [],
      svgs: [],
      renderBlockingScripts: [],
      inlineHeadScript: 0,
      imagesWithoutSize: [],
      webFonts: [],
      thirdParty: [],
      missing: [],
    };
    const ctx: Ctx = { root, base, report, seen: new Set([page]), cache };
    analysePage(ctx, page);
    for (const a of report.assets) {
      if (a.kind === 'css') report.css = addSize(report.css, a.size);
      else if (a.kind === 'js') report.js = addSize(report.js, a.size);
      else report.other = addSize(report.other, a.size);
    }
    for (const i of report.inline) {
      if (i.kind === 'css') report.css = addSize(report.css, i.size);
      else report.js = addSize(report.js, i.size);
    }
    report.requests = 1 + report.assets.filter((a) => !a.lazy).length;
    report.lazyRequests = report.assets.filter((a) => a.lazy).length;
    report.svgs.sort((a, b) => b.size.raw - a.size.raw);
    pages.push(report);
  }
  return { root, base, pages };
}
