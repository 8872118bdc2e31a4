/**
 * The source texts and their reading orders, read once per build and checked (src/data/sources.ts);
 * the entry for the `/sources/<id>/` pages (and `/source/`, the first report's old address).
 */
import { getCatalog, dataDir } from './index.ts';
import { DataValidationError, type Problem } from './problems.ts';
import type { Catalog } from './catalog.ts';
import type { Block } from './reading-order.ts';
import { buildSourcePage, type SourcePage } from './source-page.ts';
import { FIRST_SOURCE, isBlank, type Report } from './source.ts';
import { readSources, type SourceText } from './sources.ts';
import { parseLineRanges } from '../lib/line-range.ts';
import { shownPeriod } from '../lib/status-verbs.ts';

export interface SourceDocument {
  id: string;
  title: string;
  publisher: string;
  published: string;
  /** True when the document prints no date and `published` is our reading (sources.csv `published_basis`). */
  publishedInferred: boolean;
  covers: string[];
  /** The text's file name in data/source/ (downloadable at /data/source/<file>). */
  file: string;
  report: Report;
  page: SourcePage;
  /** False when the source has no reading order yet: its paragraphs are shown in the text's own order. */
  ordered: boolean;
}

let cached: SourceDocument[] | undefined;

/** Without a reading order, the text's own order: one paragraph block per run of non-blank lines, in the source's top section. */
function paragraphBlocks(text: SourceText, section: string): Block[] {
  const seen = new Set<number[]>();
  const blocks: Block[] = [];
  for (const lines of [...text.passages.values()].sort((a, b) => a[0]! - b[0]!)) {
    if (seen.has(lines)) continue;
    seen.add(lines);
    blocks.push({ section, kind: 'paragraph', ranges: [{ start: lines[0]!, end: lines.at(-1)! }], csvLine: 0 });
  }
  return blocks;
}

/**
 * Every source text and its reading order, checked against each other and the sections: what the
 * `/sources/<id>/` pages need. `npm run validate` runs this too, so the build cannot fail on it afterwards.
 */
export function checkSource(dir: string, catalog: Catalog): { problems: Problem[] } {
  return { problems: readSources(catalog, dir).problems };
}

/** Every source of data/sources.csv with its text and page, in the order of that file. */
export function getSources(): SourceDocument[] {
  if (cached) return cached;
  const catalog = getCatalog();
  const { texts, problems } = readSources(catalog, dataDir());
  if (problems.length > 0) throw new DataValidationError(problems);
  const rows = catalog.get('sources')?.rows ?? [];
  const sections = catalog.get('sections')?.rows ?? [];
  cached = rows.map((row) => {
    const text = texts.get(row.raw.id!)!;
    const top = sections.find((s) => (s.raw.source ?? FIRST_SOURCE) === text.id && !s.raw.parent)?.raw.id ?? text.id;
    const blocks = text.blocks ?? paragraphBlocks(text, top);
    return {
      id: text.id,
      title: text.title,
      publisher: row.raw.publisher!,
      published: text.published,
      publishedInferred: row.raw.published_basis === 'inferred',
      covers: (row.raw.covers ?? '').split(';'),
      file: text.file,
      report: text.report!,
      page: buildSourcePage(catalog, text.report!, blocks, text.id),
      ordered: text.blocks !== undefined,
    };
  });
  return cached;
}

export function getSourceDocument(id: string = FIRST_SOURCE): SourceDocument {
  const found = getSources().find((s) => s.id === id);
  if (!found) throw new Error(`No source "${id}" in data/sources.csv`);
  return found;
}

/** The first report's text (kept for callers written before editions). */
/**
 * What a source's page says about itself, for `/sources/<id>/` and `/source/` alike: the other
 * sources it links to, its title ("The report" while there is only one) and its description.
 */
export function sourcePageFrame(doc: SourceDocument): { others: SourceDocument[]; label: string; description: string } {
  const others = getSources().filter((s) => s.id !== doc.id);
  return {
    others,
    label: others.length === 0 ? 'The report' : doc.title,
    description: `The full text of ${doc.publisher}'s ${doc.title}, in reading order, with every line numbered and linked to the data taken from it.`,
  };
}

export function getReport(): Report {
  return getSourceDocument().report;
}

/** The first report's page model (kept for callers written before editions). */
export function getSourcePage(): SourcePage {
  return getSourceDocument().page;
}

/**
 * The pages of the report that hold the non-blank lines of some `source_lines` cells (each a range
 * or several `;`-separated), ascending: a printed "page N" is always computed from the cited lines,
 * never taken from the section's first page. `source` is the text the lines count (the first report
 * unless a row says otherwise).
 */
export function pagesOfLines(cells: readonly string[], source: string = FIRST_SOURCE): number[] {
  const report = getSourceDocument(source).report;
  const pages = new Set<number>();
  for (const cell of cells)
    for (const r of parseLineRanges(cell) ?? [])
      for (let n = r.start; n <= r.end; n++)
        if (!isBlank(report.lines[n - 1] ?? '') && report.pages[n - 1] !== undefined) pages.add(report.pages[n - 1]!);
  return [...pages].sort((a, b) => a - b);
}

const sectionByLine = new Map<string, Map<number, string>>();

/**
 * The report section a line is shown under on the source page (by the reading order), or undefined
 * for a blank or unplaced line: a figure's source line names the section of the lines it cites, not
 * the section a row is filed under (a body filed under the Safer Communities Board section may cite
 * a line of the Prevent or domestic abuse passages too).
 */
export function sectionOfLine(line: number, source: string = FIRST_SOURCE): string | undefined {
  let map = sectionByLine.get(source);
  if (!map) {
    map = new Map();
    for (const s of getSourceDocument(source).page.sections)
      for (const b of s.blocks) for (const l of b.lines) if (!map.has(l.n)) map.set(l.n, s.id);
    sectionByLine.set(source, map);
  }
  return map.get(line);
}

/** The words of the lines a `source_lines` cell cites, joined by single spaces: what the report's verb rules read. */
export function citedWords(cell: string, source: string = FIRST_SOURCE): string {
  const report = getSourceDocument(source).report;
  return (parseLineRanges(cell) ?? [])
    .map((r) => report.lines.slice(r.start - 1, r.end).join(' '))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The period shown beside one piece of work: its column's year, or "period not stated exactly" where
 * the bullet's words place it over a year they do not name (`periodUnstated`, docs/data-rules.md).
 */
export function workPeriod(a: { period: { label: string }; source_lines?: string | undefined; source?: string | undefined }): string {
  return shownPeriod(a.period.label, citedWords(a.source_lines ?? '', a.source ?? FIRST_SOURCE));
}
