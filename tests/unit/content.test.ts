/**
 * Theme pages: no figure is typed by hand into content/, and frontmatter agrees with the data.
 * The fixtures in tests/fixtures/content/ prove the checks can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanMdx } from '../../src/validate/scan-mdx.ts';
import { checkThemeContent, checkThemeEntries, type ThemeEntry } from '../../src/validate/theme-pages.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { frontmatter as readFrontmatter, mdxTree } from '../../src/lib/mdx-tree.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTENT = join(ROOT, 'content/themes');
const FIXTURES = join(ROOT, 'tests/fixtures/content');
const catalog = loadCatalog(join(ROOT, 'data'), DATASET_SCHEMAS);

function scanFixture(name: string) {
  return scanMdx(readFileSync(join(FIXTURES, name), 'utf8'), name, catalog);
}

function frontmatter(path: string): ThemeEntry['data'] {
  const { node, data } = readFrontmatter(mdxTree(readFileSync(path, 'utf8')));
  if (!node || !data) throw new Error(`no frontmatter in ${path}`);
  return data as unknown as ThemeEntry['data'];
}

const pages = readdirSync(CONTENT)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => join(CONTENT, f));

describe('the theme pages in content/themes', () => {
  it('has a page for every theme in data/themes.csv', () => {
    const themes = catalog.get('themes')!.rows.map((r) => r.raw.id);
    expect(pages.length).toBe(themes.length);
    expect(pages.map((p) => frontmatter(p).theme).sort()).toEqual([...themes].sort());
  });

  it.each(pages.map((p) => [p.slice(ROOT.length + 1), p]))('%s contains no figure typed by hand', (_, path) => {
    const { problems } = scanMdx(readFileSync(path, 'utf8'), path, catalog);
    expect(problems).toEqual([]);
  });

  it('pass every build-time content check (frontmatter, datasets used, figures)', () => {
    const entries = pages.map((file) => ({ file, data: frontmatter(file) }));
    expect(checkThemeContent(entries, catalog, ROOT)).toEqual([]);
  });

  it('read figures through components (every page binds at least one value or count to data)', () => {
    for (const path of pages) {
      const text = readFileSync(path, 'utf8');
      expect(text, path).toMatch(/<(Value|KeyFigure|KeyCount|Count|Change|Sum)\s/);
      // The work the report lists: its own list, or the site-wide activities board that lists it all.
      expect(text, path).toMatch(/<Activities theme="|<Figure id="activities-board"/);
    }
  });
});

describe('the hand-typed figure check', () => {
  it('fails a page with "338 offences" in its prose, naming the file, line and figure', () => {
    const { problems } = scanFixture('hand-typed-figure.mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'hand-typed-figure.mdx', line: 10, column: 45 });
    expect(problems[0]!.message).toContain('"338"');
  });

  it('fails a figure written as a word', () => {
    const { problems } = scanFixture('number-word.mdx');
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('the number word "three"')]);
  });

  it('finds figures in the summary, headings, expressions, text props and unresolved row keys, and base-less links', () => {
    const messages = scanFixture('hidden-figures.mdx').problems.map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/frontmatter field "summary" contains "£106k/),
      expect.stringContaining('"2017/18" in the text'),
      expect.stringContaining('{3780100}'),
      expect.stringContaining('label="Staff costs, up 0.4%"'),
      expect.stringContaining('row="staffing|wcc-public-health|2019/20|actual"'),
      expect.stringContaining('fallback="146370"'),
      expect.stringContaining('"/themes/funding/" would skip the site\'s base path'),
    ]);
  });

  it('passes a page whose numbers are all bound to data (row keys, periods, glossary ids, heading levels)', () => {
    const result = scanFixture('bound-figures.mdx');
    expect(result.problems).toEqual([]);
    expect([...result.datasetsUsed].sort()).toEqual(['hate-crime']);
    expect(result.termsUsed).toEqual(['section-42']);
  });

  it('reports a dataset a page reads but does not list in its frontmatter', () => {
    const file = join(FIXTURES, 'unlisted-dataset.mdx');
    const problems = checkThemeContent([{ file, data: frontmatter(file) }], catalog, ROOT).filter((p) =>
      p.file.endsWith('unlisted-dataset.mdx'),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('the page reads dataset "prevent-channel" but does not list it'),
    ]);
  });
});

describe('the frontmatter checks', () => {
  const good = pages.map((file) => ({ file, data: frontmatter(file) }));

  it('names the file and field of an unknown dataset, theme or related theme, and a wrong order', () => {
    const [first, ...rest] = good;
    const bad = {
      file: 'content/themes/bad.mdx',
      data: { ...first!.data, datasets: ['hate-crimes'], related: ['nowhere'], order: 42 },
    };
    const messages = checkThemeEntries([bad, ...rest], catalog).map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^content\/themes\/bad\.mdx: frontmatter field "order": 42 differs/),
      expect.stringMatching(
        /^data\/themes\.csv: theme "[a-z-]+", column "datasets": expected "hate-crimes" as the page's frontmatter gives it/,
      ),
      expect.stringMatching(
        /^content\/themes\/bad\.mdx: frontmatter field "datasets": "hate-crimes" is not a dataset in data\//,
      ),
      expect.stringMatching(/^content\/themes\/bad\.mdx: frontmatter field "related": "nowhere" is not a theme id/),
    ]);
    const unknown = { file: 'content/themes/x.mdx', data: { ...first!.data, theme: 'knife-crime' } };
    expect(checkThemeEntries([unknown, ...rest], catalog).map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('frontmatter field "theme": "knife-crime" is not a theme id in data/themes.csv'),
      ]),
    );
  });

  it('fails when data/themes.csv and a page disagree on a title, summary or datasets (the page is the one source)', () => {
    expect(checkThemeEntries(good, catalog)).toEqual([]);
    const [first, ...rest] = good;
    const edited = { ...first!, data: { ...first!.data, title: 'A new title', summary: 'A new summary.' } };
    expect(checkThemeEntries([edited, ...rest], catalog).map((p) => `${p.file}: ${p.message}`)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^data/themes\\.csv: theme "${first!.data.theme}", column "title": expected "A new title" as the page's frontmatter gives it .*found "`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^data/themes\\.csv: theme "${first!.data.theme}", column "summary": expected "A new summary\\." `),
      ),
    ]);
  });

  it('fails when a theme in data/themes.csv has no page, or has two', () => {
    const missing = checkThemeEntries(
      good.filter((e) => e.data.theme !== 'prevent'),
      catalog,
    );
    expect(missing.map((p) => p.message)).toEqual([
      'theme "prevent" has no page: add content/themes/prevent.mdx with "theme: prevent" in its frontmatter',
    ]);
    const twice = checkThemeEntries([...good, { ...good[0]!, file: 'content/themes/copy.mdx' }], catalog);
    expect(twice.map((p) => p.message)).toEqual([expect.stringContaining('already has a page')]);
  });
});

describe('a count by section of the report', () => {
  const page = (section: string) =>
    `---\ntitle: T\n---\n\n<KeyCount of="activities" source_section="${section}" label="outcomes listed" />\n`;
  it('accepts a source_section that names a section of the report', () => {
    expect(scanMdx(page('scb-2017-18-outcomes'), 'ok.mdx', catalog).problems).toEqual([]);
  });
  it('fails one that names no section (its digits would be a figure typed by hand)', () => {
    const { problems } = scanMdx(page('scb-2099-00-outcomes'), 'bad.mdx', catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('source_section="scb-2099-00-outcomes"');
  });
});
