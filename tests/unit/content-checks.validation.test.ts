/**
 * Issue #15, class 9: figures typed into content where the check did not look (full-width digits, alt
 * text, link titles, strings in expressions, number words, ⅓ and ²), external images, and a clean
 * failure message. Issue #16: each MDX source is parsed once, whoever asks.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanMdx } from '../../src/validate/scan-mdx.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { mdxParseCount } from '../../src/lib/mdx-tree.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { editFile } from '../support/fixtures.ts';
import { copyThemes } from '../support/broken-copies.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const catalog = loadCatalog(join(ROOT, 'data'), DATASET_SCHEMAS);
const FIXTURE = join(ROOT, 'tests/fixtures/content/typed-figures-elsewhere.mdx');

describe('figures typed where the check did not look', () => {
  const problems = scanMdx(readFileSync(FIXTURE, 'utf8'), 'typed-figures-elsewhere.mdx', catalog).problems;
  const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);

  it.each([
    [10, 'full-width digits', '"３３８" in the text'],
    [12, 'image alt text', 'the image alt text "Chart of 338 offences" contains "338"'],
    [14, 'a link title', 'the link title "page 12 of the report" contains "12"'],
    [
      16,
      'a string in an expression (now refused as code)',
      'expected no {…} expressions (theme pages are data, not code',
    ],
    [18, '"a third of"', 'the number word "a third of"'],
    [20, '"by a quarter"', 'the number word "by a quarter"'],
    [22, '"zero"', 'the number word "zero"'],
    [24, '"a score of"', 'the number word "A score of"'],
    [26, '"a dozen"', 'the number word "dozen"'],
    [28, '⅓', '"⅓" in the text'],
    [30, '²', '"km²" in the text'],
    [
      32,
      'an external image',
      'the image "https://example.org/map.png" is on another site: loading it would be a third-party request',
    ],
    [
      34,
      'a string in a prop expression',
      '<Figure caption={\'a quarter of all offences\'}>: <Figure> takes no prop "caption"',
    ],
  ])('line %i: %s', (line, _what, message) => {
    expect(at(line)).toEqual([expect.stringContaining(message)]);
  });

  it('finds nothing else', () => {
    expect(problems).toHaveLength(13);
  });
});

it('parses each MDX source once, however many checks read it', () => {
  const source = `${readFileSync(FIXTURE, 'utf8')}\n<!-- ${Math.random()} -->\n`
    .replace('<!--', 'Unique')
    .replace('-->', '');
  const before = mdxParseCount();
  scanMdx(source, 'a.mdx', catalog);
  scanMdx(source, 'a.mdx', catalog);
  expect(mdxParseCount()).toBe(before + 1);
});

it('a content failure in the build prints plain file:line:column lines, no stack trace', { timeout: 60_000 }, () => {
  const content = copyThemes();
  editFile(join(content, 'hate-crime.mdx'), '\n\n', '\n\nOffences rose to ３３８.\n\n');
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/validate-data.ts')], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(
    /^Theme pages failed their checks: 1 problem\n {2}\S*hate-crime\.mdx:\d+:\d+: "３３８\." in the text looks like a figure typed by hand/,
  );
  expect(run.stderr).not.toMatch(/Stack trace|Location|at .*\(.*:\d+:\d+\)/);
});
