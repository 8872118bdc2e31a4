/**
 * The report put back into reading order: `data/source/reading-order.csv` lists, section by section,
 * the blocks of the text (a heading, a paragraph, a bullet, a table) and the lines of each, in the
 * order they are read once the flattened columns are rejoined (`68-69;78-79` is one bullet split by a
 * page break). `checkReadingOrder` proves the layout covers every non-blank line exactly once, names
 * only known sections, and agrees with the pages in data/sections.csv.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseLineRange, type LineRange } from '../schemas/source-lines.ts';
import { parseCsv } from './csv.ts';
import { MAX_READING_ORDER_BYTES, oversize } from './limits.ts';
import { describeCell, type Problem } from './problems.ts';
import { isBlank, type Report } from './source.ts';

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export const READING_ORDER_FILE = 'source/reading-order.csv';
export const BLOCK_KINDS = ['heading', 'label', 'paragraph', 'bullet', 'table'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  section: string;
  kind: BlockKind;
  /** The ranges in reading order (one, or several for a bullet a page break cut). */
  ranges: LineRange[];
  /** Line of reading-order.csv, for messages. */
  csvLine: number;
}

/** Every line number of a block, in reading order. */
export function blockLines(block: Block): number[] {
  return block.ranges.flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
}

export function parseReadingOrder(text: string, file: string): { blocks: Block[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const blocks: Block[] = [];
  const parsed = parseCsv(file, new TextEncoder().encode(text));
  if (!parsed.ok) return { blocks, problems: [parsed.problem] };
  const header = parsed.header?.cells.join(',');
  if (header !== 'section,lines,kind') return { blocks, problems: [{ file, line: 1, expected: 'the header section,lines,kind', found: JSON.stringify(header ?? '') }] };
  for (const { line, cells } of parsed.records) {
    const [section = '', lines = '', kind = ''] = cells;
    const ranges = lines.split(';').map(parseLineRange);
    if (ranges.some((r) => !r)) {
      problems.push({ file, line, column: 'lines', columnNumber: 2, expected: 'line ranges like 68-69 or 68-69;78-79', found: describeCell(lines) });
      continue;
    }
    if (!(BLOCK_KINDS as readonly string[]).includes(kind)) {
      problems.push({ file, line, column: 'kind', columnNumber: 3, expected: `one of ${BLOCK_KINDS.join(', ')}`, found: JSON.stringify(kind) });
      continue;
    }
    blocks.push({ section, kind: kind as BlockKind, ranges: ranges as LineRange[], csvLine: line });
  }
  return { blocks, problems };
}

export function readReadingOrder(dataDir: string, file: string = join(dataDir, READING_ORDER_FILE)): { blocks: Block[]; problems: Problem[] } {
  const path = join(dataDir, READING_ORDER_FILE);
  const big = oversize(path, file, { bytes: MAX_READING_ORDER_BYTES, what: 'the reading order' });
  if (big) return { blocks: [], problems: [big] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { blocks: [], problems: [{ file, expected: "the report's reading order (src/data/reading-order.ts)", found: 'no such file' }] };
  }
  return parseReadingOrder(text, file);
}

/**
 * Check a layout against the report and the sections: known sections, ranges inside the text, every
 * non-blank line placed exactly once, each section's blocks together, and each section's first line
 * on the page sections.csv gives it.
 */
export function checkReadingOrder(blocks: Block[], report: Report, sections: Map<string, { page: number }>, file: string): Problem[] {
  const problems: Problem[] = [];
  const placed = new Map<number, number>();
  const seenSections: string[] = [];
  for (const block of blocks) {
    const at = { file, line: block.csvLine };
    const section = sections.get(block.section);
    if (!section) problems.push({ ...at, column: 'section', columnNumber: 1, expected: 'a section id from data/sections.csv', found: JSON.stringify(block.section) });
    if (seenSections.at(-1) !== block.section) {
      if (seenSections.includes(block.section)) problems.push({ ...at, column: 'section', columnNumber: 1, expected: "a section's blocks listed together", found: `"${block.section}" again after "${seenSections.at(-1)}"` });
      seenSections.push(block.section);
      const first = block.ranges[0]!.start;
      const page = report.pages[first - 1];
      if (section && page !== undefined && page !== section.page)
        problems.push({ ...at, column: 'lines', columnNumber: 2, expected: `the section to start on page ${section.page} (data/sections.csv)`, found: `line ${first}, on page ${page}` });
    }
    for (const n of blockLines(block)) {
      if (n > report.lines.length) {
        problems.push({ ...at, column: 'lines', columnNumber: 2, expected: `lines 1 to ${report.lines.length}`, found: String(n) });
        break;
      }
      if (isBlank(report.lines[n - 1]!)) continue;
      const before = placed.get(n);
      if (before !== undefined) problems.push({ ...at, column: 'lines', columnNumber: 2, expected: 'each line in one block only', found: `line ${n}, already on line ${before}` });
      else placed.set(n, block.csvLine);
    }
  }
  const reportFile = displayPath(report.path);
  report.lines.forEach((text, i) => {
    if (!isBlank(text) && !placed.has(i + 1))
      problems.push({ file: reportFile, line: i + 1, expected: `a block in ${file} for every line of the report`, found: `line ${i + 1} (${JSON.stringify(text.trim().slice(0, 40))}) in none` });
  });
  return problems;
}
