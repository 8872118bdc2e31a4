/**
 * The page walk of the site analysis (scripts/bench/analyse.ts): every resource a page references,
 * found statically in its HTML, CSS and module scripts, counted once per page with its size and
 * whether it loads lazily; the facts the budgets check are noted on the way.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as csstree from 'css-tree';
import { parse as parseModule } from 'es-module-lexer';
import { parseHTML } from 'linkedom';
import type { AssetKind, PageReport, Size } from './analyse.ts';

/** Origin used to resolve URLs; any other origin is a third party. */
const ORIGIN = 'http://site.invalid';

export function sizeOf(bytes: Uint8Array | string): Size {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return { raw: buf.byteLength, gzip: gzipSync(buf).byteLength };
}

const FONT_EXT = /\.(woff2?|ttf|otf|eot)$/i;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/i;

function kindOf(file: string): AssetKind {
  if (/\.css$/i.test(file)) return 'css';
  if (/\.m?js$/i.test(file)) return 'js';
  if (FONT_EXT.test(file)) return 'font';
  if (IMAGE_EXT.test(file)) return 'image';
  return 'other';
}

/** Figure name of an element: nearest `[data-figure]`, else nearest `figure[id]`, else undefined. */
function figureOf(el: Element | null): string | undefined {
  for (let node = el; node; node = node.parentElement) {
    const data = node.getAttribute('data-figure');
    if (data) return data;
    if (node.tagName.toLowerCase() === 'figure' && node.id) return node.id;
  }
  return undefined;
}

function svgName(svg: Element, index: number): string {
  const figure = figureOf(svg);
  const layout = svg.getAttribute('data-layout');
  const suffix = layout ? ` (${layout})` : '';
  const view = svg.closest('[data-view]')?.getAttribute('data-view');
  if (figure) return (view && view !== 'chart' ? `${figure}/${view}` : figure) + suffix;
  if (svg.id) return `svg#${svg.id}${suffix}`;
  const title = svg.querySelector('title')?.textContent?.trim();
  if (title) return `svg "${title.length > 40 ? `${title.slice(0, 39)}…` : title}"${suffix}`;
  return `svg #${index + 1}${suffix}`;
}

function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const src = el.getAttribute('src') ?? el.getAttribute('href');
  return src ? `<${tag} ${el.hasAttribute('src') ? 'src' : 'href'}="${src}">` : `<${tag}>`;
}

/** `srcset` candidates: the URL before each descriptor. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

const SUBRESOURCE_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
]);
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

export interface Ctx {
  root: string;
  base: string;
  report: PageReport;
  /** Files already counted for this page. */
  seen: Set<string>;
  /** Cache of file bytes and sizes across pages. */
  cache: FileCache;
}

export type FileCache = Map<string, { bytes: Buffer; size: Size }>;

export function readCached(cache: FileCache, root: string, file: string): { bytes: Buffer; size: Size } {
  let entry = cache.get(file);
  if (!entry) {
    const bytes = readFileSync(join(root, file));
    entry = { bytes, size: sizeOf(bytes) };
    cache.set(file, entry);
  }
  return entry;
}

function read(ctx: Ctx, file: string): { bytes: Buffer; size: Size } {
  return readCached(ctx.cache, ctx.root, file);
}

/**
 * Resolve a reference against the URL of the document that holds it. Returns the file relative to the
 * site folder, or undefined after recording a third-party or missing reference.
 */
function resolveRef(ctx: Ctx, ref: string, from: string, figure?: string): string | undefined {
  const trimmed = ref.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^(data|blob|about|javascript|mailto|tel):/i.test(trimmed))
    return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, ORIGIN + from);
  } catch {
    ctx.report.missing.push({ what: 'an unparseable URL', resource: ref, ...(figure ? { figure } : {}) });
    return undefined;
  }
  if (url.origin !== ORIGIN) {
    ctx.report.thirdParty.push({ what: 'a third-party request', resource: url.href, ...(figure ? { figure } : {}) });
    return undefined;
  }
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(ctx.base)) {
    ctx.report.missing.push({
      what: `a reference outside the base path ${ctx.base} (built with a different BASE_PATH?)`,
      resource: ref,
      ...(figure ? { figure } : {}),
    });
    return undefined;
  }
  let file = path.slice(ctx.base.length);
  if (file === '' || file.endsWith('/')) file += 'index.html';
  const full = join(ctx.root, file);
  if (!full.startsWith(ctx.root) || !existsSync(full) || !statSync(full).isFile()) {
    ctx.report.missing.push({
      what: 'a reference to a file that is not in the build',
      resource: ref,
      ...(figure ? { figure } : {}),
    });
    return undefined;
  }
  return file;
}

/** The URL path a site file is served at (for resolving references inside it). */
function servedAt(ctx: Ctx, file: string): string {
  return ctx.base + file;
}

function addAsset(ctx: Ctx, file: string, lazy: boolean, figure?: string): boolean {
  const key = file;
  if (ctx.seen.has(key)) {
    // A file first seen as lazy and later as eager becomes eager.
    const existing = ctx.report.assets.find((a) => a.file === file);
    if (existing && existing.lazy && !lazy) existing.lazy = false;
    return false;
  }
  ctx.seen.add(key);
  const kind = kindOf(file);
  const { size } = read(ctx, file);
  ctx.report.assets.push({ file, kind, size, lazy, ...(figure ? { figure } : {}) });
  if (kind === 'font')
    ctx.report.webFonts.push({ what: 'a web font file', resource: file, ...(figure ? { figure } : {}) });
  return true;
}

function walkScript(ctx: Ctx, file: string, lazy: boolean, figure?: string): void {
  if (!addAsset(ctx, file, lazy, figure)) return;
  const source = read(ctx, file).bytes.toString('utf8');
  walkModuleImports(ctx, source, servedAt(ctx, file), lazy, figure);
}

function walkModuleImports(ctx: Ctx, source: string, from: string, lazy: boolean, figure?: string): void {
  let imports: readonly { n: string | undefined; t: number }[];
  try {
    [imports] = parseModule(source);
  } catch {
    return; // Not a module (a classic script): it has no imports to follow.
  }
  for (const imp of imports) {
    // 1 static, 2 dynamic, 3 import.meta, 4-7 source/defer phases.
    if (imp.t === 3 || imp.n === undefined) continue;
    const dynamic = imp.t === 2 || imp.t === 5 || imp.t === 7;
    const target = resolveRef(ctx, imp.n, from, figure);
    if (target) walkScript(ctx, target, lazy || dynamic, figure);
  }
}

/** Follow `@import`, `url()` and `@font-face` in a stylesheet (file or inline). */
function walkCss(ctx: Ctx, source: string, from: string, figure?: string): void {
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(source, { parseValue: true, parseAtrulePrelude: true });
  } catch {
    return;
  }
  csstree.walk(ast, (node) => {
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'font-face') {
      ctx.report.webFonts.push({ what: 'an @font-face rule', resource: from, ...(figure ? { figure } : {}) });
    }
    if (node.type === 'Url') {
      const target = resolveRef(ctx, node.value, from, figure);
      if (!target) return;
      if (kindOf(target) === 'css') walkStylesheet(ctx, target, figure);
      else addAsset(ctx, target, false, figure);
    }
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'import' && node.prelude?.type === 'AtrulePrelude') {
      const first = node.prelude.children.first;
      if (first?.type === 'String') {
        const target = resolveRef(ctx, first.value, from, figure);
        if (target) walkStylesheet(ctx, target, figure);
      }
    }
  });
}

function walkStylesheet(ctx: Ctx, file: string, figure?: string): void {
  if (!addAsset(ctx, file, false, figure)) return;
  walkCss(ctx, read(ctx, file).bytes.toString('utf8'), servedAt(ctx, file), figure);
}

type Doc = ReturnType<typeof parseHTML>['document'];

/** `<link>` subresources: stylesheets, scripts, preloads and prefetches (a preloaded font is a web font). */
function walkLinks(ctx: Ctx, document: Doc, from: string): void {
  const { report } = ctx;
  for (const el of Array.from(document.querySelectorAll('link[href]'))) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rels.some((r) => SUBRESOURCE_RELS.has(r))) continue;
    const figure = figureOf(el);
    const target = resolveRef(ctx, el.getAttribute('href') ?? '', from, figure);
    if (!target) continue;
    const as = (el.getAttribute('as') ?? '').toLowerCase();
    if (rels.includes('preload') && as === 'font')
      report.webFonts.push({ what: 'a preloaded font', resource: target, ...(figure ? { figure } : {}) });
    if (kindOf(target) === 'css' || rels.includes('stylesheet')) walkStylesheet(ctx, target, figure);
    else if (kindOf(target) === 'js' || rels.includes('modulepreload'))
      walkScript(ctx, target, rels.includes('prefetch'), figure);
    else addAsset(ctx, target, rels.includes('prefetch'), figure);
  }
}

/**
 * `<script>` elements: external ones are walked with their imports, inline ones counted. In `<head>`,
 * an external classic script stops rendering until it has downloaded and run. An inline one needs no
 * download (defer and async do not apply to it); it is held to a byte budget instead.
 */
function walkScripts(ctx: Ctx, document: Doc, from: string): void {
  const { report } = ctx;
  for (const el of Array.from(document.querySelectorAll('script'))) {
    const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD, import maps, templates: data, not script.
    const figure = figureOf(el);
    const inHead = el.closest('head') !== null;
    const deferred = type === 'module' || el.hasAttribute('defer') || el.hasAttribute('async');
    const src = el.getAttribute('src');
    if (inHead && !deferred) {
      if (src !== null)
        report.renderBlockingScripts.push({
          what: 'a render-blocking script in <head> (no type="module", defer or async)',
          resource: describe(el),
          ...(figure ? { figure } : {}),
        });
      else report.inlineHeadScript += Buffer.byteLength(el.textContent ?? '');
    }
    if (src !== null) {
      const target = resolveRef(ctx, src, from, figure);
      if (target) walkScript(ctx, target, false, figure);
    } else {
      const code = el.textContent ?? '';
      report.inline.push({ kind: 'js', size: sizeOf(code), ...(figure ? { figure } : {}) });
      if (type === 'module') walkModuleImports(ctx, code, from, false, figure);
    }
  }
}

/** Inline `<style>` elements (not those inside an SVG, counted as part of it), with what they load. */
function walkStyles(ctx: Ctx, document: Doc, from: string): void {
  for (const el of Array.from(document.querySelectorAll('style'))) {
    if (el.closest('svg')) continue;
    const figure = figureOf(el);
    const code = el.textContent ?? '';
    ctx.report.inline.push({ kind: 'css', size: sizeOf(code), ...(figure ? { figure } : {}) });
    walkCss(ctx, code, from, figure);
  }
}

/** Images, media, frames and embeds, with their srcsets; an image without width and height is flagged. */
function walkMedia(ctx: Ctx, document: Doc, from: string): void {
  for (const el of Array.from(
    document.querySelectorAll('img, source, video, audio, track, iframe, embed, object, input[type="image"]'),
  )) {
    const tag = el.tagName.toLowerCase();
    const figure = figureOf(el);
    const refs: string[] = [];
    for (const attr of ['src', 'poster', 'data']) {
      const v = el.getAttribute(attr);
      if (v !== null && !(tag === 'object' && attr === 'src')) refs.push(v);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) refs.push(...srcsetUrls(srcset));
    for (const ref of refs) {
      const target = resolveRef(ctx, ref, from, figure);
      if (target) addAsset(ctx, target, el.getAttribute('loading') === 'lazy', figure);
    }
    if (tag === 'img' && (!el.hasAttribute('width') || !el.hasAttribute('height'))) {
      ctx.report.imagesWithoutSize.push({
        what: 'an image without width and height attributes',
        resource: describe(el),
        ...(figure ? { figure } : {}),
      });
    }
  }
}

/** Top-level inline SVGs (an `<svg>` nested in another is part of its parent's bytes), and what they load. */
function walkSvgs(ctx: Ctx, document: Doc, from: string): void {
  const svgs = Array.from(document.querySelectorAll('svg')).filter((svg) => svg.parentElement?.closest('svg') == null);
  svgs.forEach((svg, i) => {
    ctx.report.svgs.push({ figure: svgName(svg, i), size: sizeOf(svg.outerHTML) });
    for (const el of Array.from(svg.querySelectorAll('image, use, feImage'))) {
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
      if (href && !href.startsWith('#')) {
        const target = resolveRef(ctx, href, from, figureOf(svg) ?? svgName(svg, i));
        if (target) addAsset(ctx, target, false, figureOf(svg));
      }
    }
  });
}

export function analysePage(ctx: Ctx, page: string): void {
  const html = read(ctx, page).bytes.toString('utf8');
  const { document } = parseHTML(html);
  const from = ctx.report.url;
  walkLinks(ctx, document, from);
  walkScripts(ctx, document, from);
  walkStyles(ctx, document, from);
  walkMedia(ctx, document, from);
  walkSvgs(ctx, document, from);
}
