/**
 * Row-level provenance: every dataset drawn from the report carries `source_lines`, the lines of
 * `data/source/community-safety-overview.txt` that state the row (which datasets must: `REPORT_DRAWN`
 * in src/schemas/index.ts, enforced through their schemas). Here the build checks that
 *  - in every dataset that has the column, each range exists in the text and is not all blank;
 *  - a figure row's value is printed inside its range the way the report prints it (`10,947`,
 *    `8.2%`, `£106,000`, `£106k`, `three`), and a claim's stated figure or direction is too.
 * A failure is a Problem with file, line and column, expected and found.
 */
import { join, relative } from 'node:path';
import { formatValue } from '../lib/format.ts';
import { parseLineRange, type LineRange } from '../schemas/source-lines.ts';
// Types only: load.ts calls this module, so anything more from it would make a loop.
import type { Catalog, LoadedDataset, LoadedRow } from './load.ts';
import type { Problem } from './problems.ts';
import { DIRECTION_WORDS, isBlank, printedAs, printedNumbers, rangeText, readReport, REPORT_FILE, type Report } from './source.ts';

export const SOURCE_LINES = 'source_lines';

/** What a row must show inside its lines: a value in a unit, a direction, or nothing beyond the range. */
type Expectation = { kind: 'value'; value: number; unit: string } | { kind: 'direction'; direction: 'increase' | 'decrease' } | { kind: 'none' };

function expectationFor(row: LoadedRow): Expectation {
  const v = row.value as { value?: unknown; unit?: unknown; stated_value?: unknown; stated_direction?: unknown };
  if (typeof v.value === 'number' && typeof v.unit === 'string') return { kind: 'value', value: v.value, unit: v.unit };
  if (typeof v.stated_value === 'number' && typeof v.unit === 'string') return { kind: 'value', value: v.stated_value, unit: v.unit };
  if (v.stated_direction === 'increase' || v.stated_direction === 'decrease') return { kind: 'direction', direction: v.stated_direction };
  return { kind: 'none' };
}

/** How a value may appear in the report, for the "expected" half of a message. */
export function printedForms(value: number, unit: string): string {
  switch (unit) {
    case 'gbp':
      return value % 1000 === 0 ? `${formatValue(value, 'gbp')} or £${value / 1000}k` : formatValue(value, 'gbp');
    case 'percent':
      return `${value}%`;
    case 'percent-change':
      return value > 0 ? `${value}% or +${value}%` : `${value}%`;
    default: {
      const digits = formatValue(value, 'count');
      const plain = String(value);
      const forms = [digits, ...(plain !== digits ? [plain] : []), ...(Number.isInteger(value) && value >= 1 && value <= 20 ? ['the word for it'] : [])];
      return forms.join(' or ');
    }
  }
}

/** A path relative to the project root where possible (as load.ts shows paths). */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function range(row: LoadedRow): { text: string; range: LineRange | undefined } {
  const text = row.raw[SOURCE_LINES] ?? '';
  return { text, range: parseLineRange(text) };
}

function describeLines(r: LineRange): string {
  return r.start === r.end ? `line ${r.start}` : `lines ${r.start}-${r.end}`;
}

function checkRow(dataset: LoadedDataset, row: LoadedRow, report: Report, columnNumber: number): Problem | undefined {
  const { text, range: r } = range(row);
  const at = { file: dataset.path, line: row.line, column: SOURCE_LINES, columnNumber };
  if (!r) return undefined; // The schema has already reported a malformed cell.
  const count = report.lines.length;
  if (r.end > count) return { ...at, expected: `lines that exist in ${report.path} (1 to ${count})`, found: JSON.stringify(text) };
  const lines = report.lines.slice(r.start - 1, r.end);
  if (lines.every(isBlank)) return { ...at, expected: `lines of ${report.path} that hold text`, found: `${describeLines(r)}, which are blank` };
  const want = expectationFor(row);
  if (want.kind === 'none') return undefined;
  const body = rangeText(report, r);
  if (want.kind === 'direction') {
    if (DIRECTION_WORDS[want.direction].test(body)) return undefined;
    return { ...at, expected: `a word for "${want.direction}" in ${describeLines(r)} of ${report.path}`, found: JSON.stringify(clip(body)) };
  }
  const numbers = printedNumbers(body);
  if (numbers.some((n) => printedAs(n, want.value, want.unit))) return undefined;
  const seen = numbers.map((n) => n.text.trim()).join(', ');
  return {
    ...at,
    expected: `the value ${printedForms(want.value, want.unit)} printed in ${describeLines(r)} of ${report.path}`,
    found: seen ? `only ${seen}` : 'no number there',
  };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

/**
 * Check every `source_lines` cell in the catalog against the report in `dataDir`; `required` names
 * datasets that must have the column (the registry already makes the real ones carry it).
 */
export function checkProvenance(catalog: Catalog, dataDir: string, required: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const cited: LoadedDataset[] = [];
  for (const [id, dataset] of catalog) {
    const names = dataset.meta.columns.map((c) => c.name);
    if (names.includes(SOURCE_LINES)) cited.push(dataset);
    else if (required.has(id))
      problems.push({
        file: displayPath(join(dataDir, `${id}.meta.json`)),
        column: 'columns',
        expected: `a ${SOURCE_LINES} column (the dataset is drawn from the report, so each row says which lines state it)`,
        found: 'no such column',
      });
  }
  if (cited.length === 0) return problems;
  const report = readReport(dataDir);
  if (!report) {
    problems.push({ file: displayPath(join(dataDir, REPORT_FILE)), expected: `the report's text (${cited.map((d) => d.meta.id).join(', ')} cite its lines)`, found: 'no such file' });
    return problems;
  }
  report.path = displayPath(report.path);
  for (const dataset of cited) {
    const columnNumber = dataset.meta.columns.findIndex((c) => c.name === SOURCE_LINES) + 1;
    for (const row of dataset.rows) {
      const problem = checkRow(dataset, row, report, columnNumber);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
