/**
 * Issue #23, end to end: the fictional second edition (tests/fixtures/editions/fictional-2019/,
 * never published) dropped onto a copy of data/ as docs/adding-an-edition.md says, with no TypeScript
 * change, then the whole site built. Every affected figure shows three periods in its table and CSV,
 * each title's direction matches the numbers in the built CSV, the revised value is the one drawn and
 * the theme page's "Since the last report" block shows the revision, and the new source has its page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkSite, checkUsedOn, readReports } from '../../scripts/citation-pages.ts';
import { readDirection, shapeOf } from '../../src/lib/direction.ts';
import { filesUnder } from '../../scripts/files.ts';
import { awaitBuild } from '../support/build-site.ts';
import { FICTIONAL_SOURCE_ID } from '../support/editions.ts';

const FIRST = 'community-safety-overview-2018';
const FIRST_TITLE = 'Community Safety overview (Appendix 1)';
const FICTIONAL_TITLE = 'Community Safety overview 2019 (fictional test edition)';
let site = '';
let dataDir = '';
const page = (path: string): string => readFileSync(join(site, path), 'utf8');
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const csv = (figure: string): Record<string, string>[] =>
  parse(page(`figures/${figure}.csv`).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
const title = (html: string, figure: string): string =>
  text(new RegExp(`id="${figure}-title"[^>]*>([\\s\\S]*?)</h`).exec(html)?.[1] ?? '').trim();
/** The values of one series in a figure CSV, in period order. */
const series = (rows: Record<string, string>[], match: Record<string, string>) =>
  rows
    .filter((r) => Object.entries(match).every(([k, v]) => r[k] === v))
    .sort((a, b) => (a.period ?? '').localeCompare(b.period ?? ''))
    .map((r) => Number(r.value));

// Built in the background from the start of the run, after the reproducibility build; the same build
// carries the injection rows of export-injection.test.ts (two bodies; no edition row is a body) and the
// six-file theme of six-files.test.ts (tests/support/build-site.ts `ExtraBuilds.variant`).
beforeAll(async () => {
  site = await awaitBuild(inject('extraBuilds').variant);
  dataDir = inject('extraBuilds').variant.dataDir;
}, 600_000);
/** The hrefs of the links in some HTML. */
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

describe('a second edition added as text and rows builds, and every page grows with it', () => {
  it('hate crime: three periods in the CSV and the table; the revised 2017/18 value is the one drawn', () => {
    const rows = csv('hate-crime-trend');
    const north = series(rows, { area: 'north-worcestershire', measure: 'hate-offences' });
    expect(north).toEqual([318, 340, 352]);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2016/17', '2017/18', '2018/19']));
    const html = page('themes/hate-crime/index.html');
    for (const period of ['2016/17', '2017/18', '2018/19']) expect(text(html)).toContain(period);
  });

  it("each title's direction is the direction of the numbers in the built CSV", () => {
    const hate = csv('hate-crime-trend');
    const hateTitle = title(page('themes/hate-crime/index.html'), 'hate-crime-trend');
    const [offences, crimed] = hateTitle.split(';');
    for (const area of ['north-worcestershire', 'south-worcestershire']) {
      expect(readDirection(offences ?? '')).toBe(shapeOf(series(hate, { area, measure: 'hate-offences' })));
      expect(readDirection(crimed ?? '')).toBe(shapeOf(series(hate, { area, measure: 'hate-incidents-crimed' })));
    }
    const marac = csv('marac-cases');
    const maracTitle = title(page('themes/domestic-abuse/index.html'), 'marac-cases');
    expect(series(marac, { measure: 'marac-cases' })).toHaveLength(3);
    expect(readDirection(maracTitle)).toBe(shapeOf(series(marac, { measure: 'marac-cases' })));
  });

  it('the hate crime page says what changed since the last report, with the revision', () => {
    const block = /<section class="since-last"[\s\S]*?<\/section>/.exec(page('themes/hate-crime/index.html'))?.[0];
    expect(block).toBeDefined();
    const words = text(block ?? '');
    expect(words).toMatch(/338/);
    expect(words).toMatch(/340/);
    expect(words).toContain('2018/19');
    expect(block).toContain(`/sources/${FICTIONAL_SOURCE_ID}/#L`);
  });

  it('the new source has its own page with line anchors, beside the first report', () => {
    expect(page(`sources/${FICTIONAL_SOURCE_ID}/index.html`)).toMatch(/id="L7"/);
    expect(existsSync(join(site, 'sources/community-safety-overview-2018/index.html'))).toBe(true);
  });

  it('the revised value is shown beside the figure, in its summary and under its table, linked to both passages', () => {
    const html = page('themes/hate-crime/index.html');
    const list = /<ul class="figure-revisions"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    const said = `North Worcestershire hate offences, 2017/18: 340 (revised from 338 in ${FIRST_TITLE})`;
    expect(text(list)).toContain(said);
    expect(text(list)).toContain(FICTIONAL_TITLE);
    const links = hrefs(list);
    expect(links.some((h) => h.endsWith(`/sources/${FICTIONAL_SOURCE_ID}/#L7-L9`))).toBe(true);
    const earlier = parse(readFileSync(join(dataDir, 'hate-crime.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const old = earlier.find(
      (r) =>
        r.source === FIRST &&
        r.area === 'north-worcestershire' &&
        r.period === '2017/18' &&
        r.measure === 'hate-offences',
    )!;
    expect(links.some((h) => h.endsWith(`/sources/${FIRST}/#L${old.source_lines!.replace('-', '-L')}`))).toBe(true);
    const summary = /<div class="figure-summary[^"]*"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(text(summary)).toContain(`${said}.`);
  });

  it("figure source lines and table citations link each row's own source, and name it", () => {
    const html = page('themes/hate-crime/index.html');
    const source =
      /<p class="figure-source">[\s\S]*?<\/p>/.exec(html.slice(html.indexOf('id="hate-crime-trend')))?.[0] ?? '';
    expect(hrefs(source).some((h) => h.endsWith(`/sources/${FICTIONAL_SOURCE_ID}/#L7-L9`))).toBe(true);
    expect(text(source)).toContain(FICTIONAL_TITLE);
    expect(hrefs(source).some((h) => h.endsWith(`/sources/${FIRST}/#L7-L9`))).toBe(false);
    const cells = [...html.matchAll(/<td class="figure-table-source">[\s\S]*?<\/td>/g)].map((m) => m[0]).join('');
    expect(hrefs(cells).some((h) => h.endsWith(`/sources/${FICTIONAL_SOURCE_ID}/#L12-L14`))).toBe(true);
  });

  it("an activity from the new edition links to that edition's lines wherever it is listed", () => {
    const pages = filesUnder(site).filter((f) => f.endsWith('.html'));
    const items = pages.flatMap((f) =>
      [...page(f).matchAll(/<li[^>]*>(?:(?!<\/?li\b)[\s\S])*?fictional test campaign[\s\S]*?<\/li>/g)].map((m) => m[0]),
    );
    const cited = items.flatMap((li) => hrefs(li)).filter((h) => /\/sources?\/.*#L/.test(h));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((h) => h.endsWith(`/sources/${FICTIONAL_SOURCE_ID}/#L24`))).toBe(true);
  });

  it('every printed page beside a cited line is the page of that line in its own source', () => {
    const found = checkSite(site, readReports(dataDir));
    expect(found.filter((f) => f.page.startsWith('themes/hate-crime')).length).toBeGreaterThan(0);
    expect(found.filter((f) => !f.ok)).toEqual([]);
    expect(checkUsedOn(site).filter((u) => !u.shown)).toEqual([]);
  });

  it('the old /source/ address lists every source and still holds the first report’s line anchors', () => {
    const old = page('source/index.html');
    const list = /<div class="src-editions">[\s\S]*?<\/div>/.exec(old)?.[0] ?? '';
    expect(text(list)).toContain('built from 2 documents');
    expect(hrefs(list).filter((h) => /\/sources\/[^/]+\/$/.test(h))).toHaveLength(2);
    expect(old).toMatch(/id="L390"/);
    const own = page(`sources/${FICTIONAL_SOURCE_ID}/index.html`);
    expect(text(own)).toContain('The site is built from 2 documents');
    expect(text(own)).not.toContain('comes from one document');
  });
});

describe('every page, download and citation that names the report names each edition', () => {
  const FIRST_CREDIT = `Worcestershire County Council, ${FIRST_TITLE}`;
  const FICTIONAL_CREDIT = `Nobody: a fictional test edition, ${FICTIONAL_TITLE}`;

  it('the site footer lists both documents with the years each covers, and links to every report', () => {
    for (const path of ['index.html', 'about/index.html', 'themes/hate-crime/index.html']) {
      const footer = text(/<footer class="site-footer">[\s\S]*?<\/footer>/.exec(page(path))?.[0] ?? '');
      expect(footer).toContain(
        'Sources: Worcestershire County Council, Community Safety overview (Appendix 1), published 2018',
      );
      expect(footer).toContain('Community Safety overview 2019 (fictional test edition), published July 2019');
      expect(footer).toContain('looking back on 2018/19 and describing work in 2019/20');
    }
  });

  it('the about page, the data index and the home page name the new edition', () => {
    const about = text(/<h2 id="source">[\s\S]*?<h2/.exec(page('about/index.html'))?.[0] ?? '');
    expect(about).toContain('comes from two public documents');
    expect(about).toContain('Community Safety overview 2019 (fictional test edition)');
    expect(text(page('about/index.html'))).toContain(`Sources: ${FIRST_CREDIT}; ${FICTIONAL_CREDIT}.`);
    const lede = text(/<p class="dc-lede">[\s\S]*?<\/p>/.exec(page('data/index.html'))?.[0] ?? '');
    expect(lede).toContain('Community Safety overview 2019');
    const home = text(
      /<section aria-labelledby="data-heading">[\s\S]*?<\/section>/.exec(page('index.html'))?.[0] ?? '',
    );
    expect(home).toContain('The latest is Nobody: a fictional test edition’s Community Safety overview 2019');
    expect(home).toContain('describes work under way in 2019/20, and was published July 2019.');
  });

  it('the citations cite each source used: the whole package both, a dataset each with its own section', () => {
    const all = /<pre id="cite-data-plain"><code>([^<]*)/.exec(page('data/index.html'))?.[1] ?? '';
    expect(all).toContain(`Derived from ${FIRST_CREDIT}; ${FICTIONAL_CREDIT}.`);
    const hate = /<pre id="cite-hate-crime-plain"><code>([^<]*)/.exec(page('data/hate-crime/index.html'))?.[1] ?? '';
    expect(hate).toContain(`${FICTIONAL_CREDIT}, section &quot;Hate Crime data&quot;`);
    const spending = /<pre id="cite-spending-plain"><code>([^<]*)/.exec(page('data/spending/index.html'))?.[1] ?? '';
    expect(spending).not.toContain('fictional');
  });

  it('datapackage.json lists both sources, and a table its sources one per document', () => {
    const pkg = JSON.parse(page('datapackage.json')) as {
      description: string;
      sources: { title: string }[];
      resources: { name: string; sources?: { title: string }[]; period?: { label: string } }[];
    };
    expect(pkg.sources.map((s) => s.title)).toEqual([FIRST_CREDIT, FICTIONAL_CREDIT]);
    expect(pkg.description).toContain('covering 2018/19 and 2019/20');
    const hate = pkg.resources.find((r) => r.name === 'hate-crime')!;
    expect(hate.sources?.map((s) => s.title)).toEqual([
      `${FIRST_CREDIT}, section: Harm Reduction: Crime data/monitoring – Hate Crime data, page 5`,
      `${FICTIONAL_CREDIT}, section: Hate Crime data`,
    ]);
    expect(hate.period?.label).toBe('2016/17 to 2018/19');
  });

  it("the workbook's README and properties and the zip's README name both", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(site, 'data/all-data.xlsx'))));
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain(`${FICTIONAL_CREDIT}, published July 2019, covering 2018/19 and 2019/20`);
    expect(strFromU8(files['docProps/core.xml']!)).toContain(FICTIONAL_CREDIT);
    const zip = unzipSync(new Uint8Array(readFileSync(join(site, 'data/all-data.zip'))));
    const readme = Object.entries(zip).find(([name]) => name.endsWith('/README.txt'))![1];
    expect(strFromU8(readme)).toContain(`Sources: ${FIRST_CREDIT}; ${FICTIONAL_CREDIT}.`);
  });

  it('structured data: a dataset is based on each report its rows come from', () => {
    const ld = (path: string) =>
      JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page(path))?.[1] ?? '{}') as {
        isBasedOn?: { name?: string }[] | { name?: string };
      };
    const hate = ld('data/hate-crime/index.html').isBasedOn;
    expect(Array.isArray(hate) ? hate.map((r) => r.name) : []).toEqual([FIRST_TITLE, FICTIONAL_TITLE]);
    expect(ld('data/spending/index.html').isBasedOn).toMatchObject({ name: FIRST_TITLE });
  });
});
