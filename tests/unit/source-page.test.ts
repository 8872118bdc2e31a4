/** The report in reading order (data/source/reading-order.csv) and the /sources/<id>/ page's model. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import { checkReadingOrder, parseReadingOrder, READING_ORDER_FILE } from '../../src/data/reading-order.ts';
import { buildSourcePage, rangeCss } from '../../src/data/source-page.ts';
import { parseReport, sourceFileOf } from '../../src/data/source.ts';

/** The first report's text, as data/sources.csv names it. */
const REPORT_FILE = `source/${sourceFileOf(resolve(import.meta.dirname, '../../data'))}`;
import { DATASET_SCHEMAS } from '../../src/schemas/index.ts';
import {
  datasetRowHref,
  linesLabel,
  linesListLabel,
  rowAnchor,
  sourceAnchor,
  sourceHref,
} from '../../src/lib/source-links.ts';

const DATA = resolve(import.meta.dirname, '../../data');
const catalog = loadCatalog(DATA, DATASET_SCHEMAS);
const report = parseReport(readFileSync(join(DATA, REPORT_FILE), 'utf8'), REPORT_FILE);
const layoutText = readFileSync(join(DATA, READING_ORDER_FILE), 'utf8');
const sections = new Map(catalog.get('sections')!.rows.map((r) => [r.raw.id!, { page: Number(r.raw.page) }]));

function layoutProblems(text: string) {
  const { blocks, problems } = parseReadingOrder(text, READING_ORDER_FILE);
  return [...problems, ...checkReadingOrder(blocks, report, sections, READING_ORDER_FILE)];
}

describe('reading order', () => {
  it('places every non-blank line of the report exactly once, section by section, on the pages sections.csv gives', () => {
    expect(layoutProblems(layoutText)).toEqual([]);
    const { blocks } = parseReadingOrder(layoutText, READING_ORDER_FILE);
    // Every section of sections.csv appears, in the order the file lists them.
    const order = [...new Set(blocks.map((b) => b.section))];
    expect(order).toEqual(catalog.get('sections')!.rows.map((r) => r.raw.id));
  });

  it('rejoins the bullets a page break cut', () => {
    const { blocks } = parseReadingOrder(layoutText, READING_ORDER_FILE);
    const peel = blocks.find((b) => b.ranges.some((r) => r.start === 73))!;
    expect(peel.section).toBe('pcc-and-panel-2018-19-activity');
    expect(peel.ranges).toEqual([
      { start: 73, end: 74 },
      { start: 94, end: 94 },
    ]);
  });

  it('fails on a line left out, a line placed twice, and a section on the wrong page', () => {
    const missing = layoutProblems(layoutText.replace('hate-crime-data,348,paragraph\n', ''));
    expect(missing).toEqual([expect.objectContaining({ found: expect.stringMatching(/^line 348 .*in none$/) })]);
    const twice = layoutProblems(
      layoutText.replace('hate-crime-data,348,paragraph', 'hate-crime-data,346-348,paragraph'),
    );
    expect(twice.map((p) => p.found)).toEqual(['line 346, already on line 82']);
    const { blocks } = parseReadingOrder(layoutText, READING_ORDER_FILE);
    const wrongPage = new Map(sections).set('prevent-data', { page: 5 });
    expect(checkReadingOrder(blocks, report, wrongPage, READING_ORDER_FILE)).toEqual([
      expect.objectContaining({
        column: 'lines',
        expected: 'the section to start on page 5 (data/sections.csv)',
        found: 'line 386, on page 6',
      }),
    ]);
  });
});

describe('the source page model', () => {
  const { blocks } = parseReadingOrder(layoutText, READING_ORDER_FILE);
  const page = buildSourcePage(catalog, report, blocks);

  it('puts each cited value beside the passage its lines start in', () => {
    const block = page.sections.find((s) => s.id === 'domestic-abuse-data')!.blocks.find((b) => b.lines[0]?.n === 351)!;
    // The incident figures (351-352) and the helpline named in bodies.csv (352-353) both start here.
    expect(block.anchors).toEqual(['L351-L352', 'L352-L353']);
    expect(block.citations.map((c) => c.label).sort()).toEqual([
      '10,421',
      '10,947',
      '526',
      'Specialist domestic abuse helpline',
    ]);
    const dhr = page.sections.flatMap((s) => s.blocks).find((b) => b.lines[0]?.n === 294)!;
    // The figure, and the activity that lists the same bullet (activities cite their lines too).
    expect(dhr.citations).toEqual([
      expect.objectContaining({ dataset: 'activities', key: 'a-2018-19-domestic-homicide-reviews', lines: '294-295' }),
      expect.objectContaining({ dataset: 'domestic-abuse', label: '3', lines: '294-295' }),
    ]);
  });

  it('highlights exactly the non-blank lines of each cited range', () => {
    const staffing = page.ranges.find((r) => r.id === 'L401-L407')!;
    expect(staffing.lines).toEqual([401, 402, 403, 405, 407]);
    const css = rangeCss(page);
    expect(css).toContain('#L401-L407:target ~ * [data-l="405"]');
    expect(css).not.toContain('[data-l="404"]');
  });
});

describe('source links', () => {
  it('build one anchor and URL form for lines, ranges and rows', () => {
    expect(sourceAnchor('339')).toBe('L339');
    expect(sourceAnchor('339-341')).toBe('L339-L341');
    expect(sourceHref('339-341')).toMatch(/\/sources\/community-safety-overview-2018\/#L339-L341$/);
    expect(sourceHref('12', 'a-later-edition')).toMatch(/\/sources\/a-later-edition\/#L12$/);
    expect(linesLabel('339-341')).toBe('lines 339\u2013341');
    expect(rowAnchor('worcestershire|2017/18|dvpos')).toBe('row-worcestershire-2017-18-dvpos');
    expect(datasetRowHref('domestic-abuse', 'worcestershire|2017/18|dvpos')).toMatch(
      /\/data\/domestic-abuse\/#row-worcestershire-2017-18-dvpos$/,
    );
    expect(() => sourceHref('L339')).toThrow(/Not a line range/);
  });

  it('write several cited passages as one phrase, touching lines joined ("lines 390–391", never "line 390, 391")', () => {
    expect(linesListLabel(['390', '391'])).toBe('lines 390\u2013391');
    expect(linesListLabel(['122'])).toBe('line 122');
    expect(linesListLabel(['152-155', '19-21;122'])).toBe('lines 19\u201321, 122 and 152\u2013155');
    expect(linesListLabel(['338-341', '343-346'])).toBe('lines 338\u2013341 and 343\u2013346');
    expect(linesListLabel(['360-361', '361-363', '366'])).toBe('lines 360\u2013363 and 366');
    expect(linesListLabel([])).toBe('');
    expect(() => linesListLabel(['L390'])).toThrow(/Not a line range/);
  });
});
