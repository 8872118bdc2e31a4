/**
 * `node scripts/search-index.ts <dir>`: build the site-search index of a built site with Pagefind
 * (its Node API; the indexer is a binary shipped in the `@pagefind/<platform>` npm package) and write
 * it into `<dir>/pagefind/`. Run by scripts/build.ts on the temporary build folder, before it
 * replaces `dist/`; a failure here fails the build.
 *
 * Indexed: theme pages, dataset pages and the glossary (one result per term, from its heading id).
 * Only `<main>` is read, without navigation, chart SVGs (their tables say the same) and download
 * links. The URLs in the index are relative to the site root; the search page adds the base path.
 * Pagefind's ready-made UI files are removed: the site has its own (src/client/site-search.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { filesUnder } from './files.ts';

/** Pages to index, as paths relative to the build folder. */
export const INDEXED = /^(themes\/[^/]+|data\/(?!changelog\/)[^/]+|glossary)\/index\.html$/;

/** Parts of `<main>` that are not worth finding: navigation, chart drawings, controls, download and embed links. */
export const EXCLUDED = [
  'nav',
  'svg',
  'button',
  '[data-js-only]',
  '.skip-link',
  '.figure-downloads',
  '.figure-links',
  '.figure-embed',
];

/** Pagefind's own interface files, which the site does not use. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export interface SearchIndexReport {
  pages: string[];
  files: number;
  bytes: number;
}

export async function buildSearchIndex(dir: string): Promise<SearchIndexReport> {
  const pages = filesUnder(dir).filter((f) => INDEXED.test(f));
  if (pages.length === 0) throw new Error(`No pages to index in ${dir}`);
  const { index, errors } = await createIndex({
    rootSelector: 'main',
    excludeSelectors: EXCLUDED,
    forceLanguage: 'en',
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({
        url: `/${page.replace(/index\.html$/, '')}`,
        content: readFileSync(join(dir, page), 'utf8'),
      });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page}: ${added.errors.join('; ')}`);
    }
    const out = join(dir, 'pagefind');
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    for (const f of readdirSync(out)) if (UNUSED.test(f)) rmSync(join(out, f));
    const all = filesUnder(out);
    return { pages, files: all.length, bytes: all.reduce((sum, f) => sum + statSync(join(out, f)).size, 0) };
  } finally {
    await close();
  }
}

// Run as a script (not when imported by the tests).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node scripts/search-index.ts <built site folder>');
    process.exit(2);
  }
  try {
    const started = performance.now();
    const report = await buildSearchIndex(dir);
    console.log(
      `Search index: ${report.pages.length} pages, ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KB (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  } catch (error) {
    console.error(`Search index failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
