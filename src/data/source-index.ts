/** The report's text and its reading order, read once per build and checked; the /source/ page's entry. */
import { join } from 'node:path';
import { dataDir, getCatalog } from './index.ts';
import { displayPath } from './load.ts';
import { DataValidationError } from './problems.ts';
import { checkReadingOrder, READING_ORDER_FILE, readReadingOrder } from './reading-order.ts';
import { buildSourcePage, type SourcePage } from './source-page.ts';
import { isBlank, readReport, REPORT_FILE, type Report } from './source.ts';
import { citedRanges } from '../lib/source-links.ts';
import { parseLineRanges } from '../lib/line-range.ts';

let cached: { report: Report; page: SourcePage } | undefined;

export function getReport(): Report {
  return getSource().report;
}

export function getSourcePage(): SourcePage {
  return getSource().page;
}

function getSource(): { report: Report; page: SourcePage } {
  if (cached) return cached;
  const dir = dataDir();
  const report = readReport(dir);
  if (!report) throw new DataValidationError([{ file: displayPath(join(dir, REPORT_FILE)), expected: "the report's text", found: 'no such file' }]);
  const catalog = getCatalog();
  const { blocks, problems } = readReadingOrder(dir);
  const sections = new Map((catalog.get('sections')?.rows ?? []).map((r) => [r.raw.id!, { page: Number(r.raw.page) }]));
  problems.push(...checkReadingOrder(blocks, report, sections, displayPath(join(dir, READING_ORDER_FILE))));
  if (problems.length > 0) throw new DataValidationError(problems);
  cached = { report, page: buildSourcePage(catalog, report, blocks) };
  return cached;
}

/**
 * The distinct line ranges a dataset's rows cite (optionally only rows of one report section), in
 * the order of the text: what a figure's source line links to.
 */
export function citedLines(datasetId: string, section?: string): string[] {
  const dataset = getCatalog().get(datasetId);
  if (!dataset) return [];
  const seen = new Set<string>();
  for (const row of dataset.rows) {
    const lines = row.raw.source_lines;
    if (!lines || (section && row.raw.source_section !== section)) continue;
    // A cell citing several passages (`19-21;122;152-155`) links each.
    for (const part of lines.includes(';') ? citedRanges(lines) : [lines]) seen.add(part);
  }
  return [...seen].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}

/**
 * The pages of the report that hold the non-blank lines of some `source_lines` cells (each a range
 * or several `;`-separated), ascending: a printed "page N" is always computed from the cited lines,
 * never taken from the section's first page.
 */
export function pagesOfLines(cells: readonly string[]): number[] {
  const report = getReport();
  const pages = new Set<number>();
  for (const cell of cells)
    for (const r of parseLineRanges(cell) ?? [])
      for (let n = r.start; n <= r.end; n++)
        if (!isBlank(report.lines[n - 1] ?? '') && report.pages[n - 1] !== undefined) pages.add(report.pages[n - 1]!);
  return [...pages].sort((a, b) => a - b);
}
