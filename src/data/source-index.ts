/** The report's text and its reading order, read once per build and checked; the /source/ page's entry. */
import { join } from 'node:path';
import { dataDir, getCatalog } from './index.ts';
import { displayPath } from './load.ts';
import { DataValidationError, type Problem } from './problems.ts';
import type { Catalog } from './catalog.ts';
import { MAX_REPORT_BYTES, oversize } from './limits.ts';
import { checkReadingOrder, READING_ORDER_FILE, readReadingOrder, type Block } from './reading-order.ts';
import { buildSourcePage, type SourcePage } from './source-page.ts';
import { readReport, REPORT_FILE, type Report } from './source.ts';

let cached: { report: Report; page: SourcePage } | undefined;

export function getReport(): Report {
  return getSource().report;
}

export function getSourcePage(): SourcePage {
  return getSource().page;
}

/**
 * The report's text and its reading order, checked against each other and the sections: what the
 * /source/ page needs. `npm run validate` runs this too, so the build cannot fail on it afterwards.
 */
export function checkSource(dir: string, catalog: Catalog): { report?: Report; blocks: Block[]; problems: Problem[] } {
  const reportFile = displayPath(join(dir, REPORT_FILE));
  const big = oversize(join(dir, REPORT_FILE), reportFile, { bytes: MAX_REPORT_BYTES, what: "the report's text" });
  if (big) return { blocks: [], problems: [big] };
  const report = readReport(dir);
  if (!report) return { blocks: [], problems: [{ file: reportFile, expected: "the report's text", found: 'no such file' }] };
  const { blocks, problems } = readReadingOrder(dir, displayPath(join(dir, READING_ORDER_FILE)));
  if (problems.length > 0) return { report, blocks, problems };
  const sections = new Map((catalog.get('sections')?.rows ?? []).map((r) => [r.raw.id!, { page: Number(r.raw.page) }]));
  // One problem per unplaced line can be many thousands: never spread them into push() (stack overflow).
  return { report, blocks, problems: checkReadingOrder(blocks, report, sections, displayPath(join(dir, READING_ORDER_FILE))) };
}

function getSource(): { report: Report; page: SourcePage } {
  if (cached) return cached;
  const catalog = getCatalog();
  const { report, blocks, problems } = checkSource(dataDir(), catalog);
  if (problems.length > 0 || !report) throw new DataValidationError(problems);
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
    if (lines && (!section || row.raw.source_section === section)) seen.add(lines);
  }
  return [...seen].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}
