/**
 * The search-index step of the build (scripts/search-index.ts) on a small fixture site: it indexes
 * exactly the theme pages, dataset pages and glossary, reads only <main>, writes the same bytes twice,
 * drops Pagefind's unused UI files, and fails (so the build fails) when there is nothing to index.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, INDEXED } from '../../scripts/search-index.ts';
import { ROOT } from '../support/build-site.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function page(title: string, main: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">navigationword</a></nav><main><h1>${title}</h1>${main}</main><footer>footerword</footer></body></html>`;
}

function fixtureSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wcsn-search-'));
  made.push(dir);
  const files: Record<string, string> = {
    'themes/hate-crime/index.html': page(
      'Hate crime',
      '<p>Offences recorded by the police.</p><svg><text>svgword</text></svg><button type="button">buttonword</button>',
    ),
    'data/spending/index.html': page('Spending', '<dl><dt><code>funder</code></dt><dd>Who paid.</dd></dl>'),
    'glossary/index.html': page(
      'Glossary',
      '<h2 id="letter-m">M</h2><h3 id="marac">Multi-Agency Risk Assessment Conference (MARAC)</h3><p>A meeting.</p>',
    ),
    'about/index.html': page('About', '<p>Not indexed.</p>'),
    'data/changelog/index.html': page('Data changelog', '<p>Not indexed.</p>'),
  };
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    try {
      out[f] = readFileSync(join(dir, f)).toString('base64');
    } catch {
      // A folder.
    }
  }
  return out;
}

describe('the search index step', () => {
  it('chooses theme pages, dataset pages and the glossary', () => {
    expect(['themes/x/index.html', 'data/x/index.html', 'glossary/index.html'].every((f) => INDEXED.test(f))).toBe(
      true,
    );
    expect(
      [
        'index.html',
        'about/index.html',
        'data/index.html',
        'data/changelog/index.html',
        'embed/x/index.html',
        'search/index.html',
        '404.html',
      ].some((f) => INDEXED.test(f)),
    ).toBe(false);
  });

  it('writes an index of those pages only, without Pagefind UI files, the same bytes each time', async () => {
    const a = fixtureSite();
    const b = fixtureSite();
    const report = await buildSearchIndex(a);
    await buildSearchIndex(b);
    expect(report.pages).toEqual(['data/spending/index.html', 'glossary/index.html', 'themes/hate-crime/index.html']);
    const files = readdirSync(join(a, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-worker.js');
    expect(files).toContain('pagefind-entry.json');
    expect(files.filter((f) => /-ui\.|highlight/.test(f))).toEqual([]);
    expect(report.files).toBeGreaterThan(5);
    expect(tree(join(a, 'pagefind'))).toEqual(tree(join(b, 'pagefind')));
  });

  it('reads only the content: words of navigation, footer, SVG and buttons are not indexed', async () => {
    const dir = fixtureSite();
    await buildSearchIndex(dir);
    // Word lists are compressed; the fragment files hold each page's indexed text (gzip).
    const { gunzipSync } = await import('node:zlib');
    const text = readdirSync(join(dir, 'pagefind', 'fragment'))
      .map((f) => gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', f))).toString('utf8'))
      .join('\n');
    expect(text).toContain('Offences recorded by the police');
    expect(text).toContain('funder');
    for (const word of ['navigationword', 'footerword', 'svgword', 'buttonword', 'Not indexed'])
      expect(text).not.toContain(word);
  });

  it('fails when there is nothing to index, which fails the build', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wcsn-search-empty-'));
    made.push(empty);
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/search-index.ts'), empty], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No pages to index/);
  });
});
