/**
 * Row-level provenance: every dataset drawn from a report carries `source` (a document in
 * data/sources.csv) and `source_lines`, the lines of that document's text that state the row (which
 * datasets must: every kind but `reference`, `isReportDrawn` in src/schemas/index.ts). Here the build checks, for every cell:
 *  - each range (`339`, `338-341`, several as `19-21;122`) exists in the text and is not all blank;
 *  - a figure row's value is printed in its lines as a whole number of the right kind (`10,947`,
 *    `8.2%`, `£106,000`, `£106k`, `three`; never half of a year like `2016/7`, never "One" in a name),
 *    and a claim's stated figure or direction is too;
 *  - the lines that print it belong to the row's `source_section` (where the source has a reading order);
 *  - the range is no wider than the passage (paragraph, bullet, table) that prints it;
 *  - governance rows: src/data/governance-provenance.ts.
 * A failure is a Problem with file, line and column, expected and found. Docs: docs/provenance.md.
 */
import { join, relative } from 'node:path';
import { formatValue } from '../lib/format.ts';
import { parseLineRange, parseLineRanges, type LineRange } from '../lib/line-range.ts';
import type { Catalog, LoadedDataset, LoadedRow } from './catalog.ts';
import { checkGovernanceRow, governanceContext } from './governance-provenance.ts';
import type { Problem } from './problems.ts';
import { DIRECTION_WORDS, FIRST_SOURCE, isBlank, printedAs, printedNumbers, rangeText } from './source.ts';
import { readSources, type SourceText } from './sources.ts';

export const SOURCE_LINES = 'source_lines';
export const SOURCE = 'source';

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

/** Every range of a `source_lines` cell (`339`, `338-341`, `19-21;122`), or undefined when malformed. */
export function citedRanges(cell: string | undefined): LineRange[] | undefined {
  if (!cell) return undefined;
  return parseLineRanges(cell) ?? (parseLineRange(cell) ? [parseLineRange(cell)!] : undefined);
}

export function describeLines(r: LineRange): string {
  return r.start === r.end ? `line ${r.start}` : `lines ${r.start}-${r.end}`;
}

/** The source a row cites: its `source` cell, or the first report for a dataset without the column. */
export function sourceOf(row: LoadedRow): string {
  return row.raw[SOURCE] ?? FIRST_SOURCE;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

type At = Omit<Problem, 'expected'>;

/** The lines of `ranges` that print the value (read range by range, so a sentence running over a line end is read whole). */
function linesPrinting(text: SourceText, ranges: LineRange[], value: number, unit: string): number[] {
  const hits: number[] = [];
  for (const r of ranges) {
    const body = text.report!.lines.slice(r.start - 1, r.end).join('\n');
    for (const p of printedNumbers(body)) {
      if (printedAs(p, value, unit)) hits.push(r.start + body.slice(0, p.index).split('\n').length - 1);
    }
  }
  return hits;
}

/**
 * The narrowest-passage rule: a range that prints the value must not reach past the passage (the
 * block of the reading order, or the paragraph) that holds the line printing it. Returns the passage
 * to suggest when it does.
 */
function widerThanPassage(text: SourceText, r: LineRange, hits: number[]): LineRange | undefined {
  let best: LineRange | undefined;
  for (const n of hits) {
    if (n < r.start || n > r.end) continue;
    const passage = (text.passages.get(n) ?? [n]).filter((m) => m >= r.start && m <= r.end);
    const span = { start: Math.min(...passage), end: Math.max(...passage) };
    // Trim blank lines the range runs into: they are not part of any passage.
    if (span.start <= r.start && span.end >= r.end) return undefined;
    if (!best || span.end - span.start < best.end - best.start) best = span;
  }
  return best;
}

/** The section of each line printing the value, where the source's reading order says. */
function sectionProblem(text: SourceText, hits: number[], section: string | undefined, at: At, sectionColumn: number): Problem | undefined {
  if (!text.sections || !section || hits.length === 0) return undefined;
  if (hits.some((n) => text.sections!.get(n) === section)) return undefined;
  const where = hits.map((n) => `line ${n} is in "${text.sections!.get(n) ?? 'no section'}"`).join(', ');
  return { ...at, column: 'source_section', columnNumber: sectionColumn, expected: `the section that the cited lines belong to in ${text.report!.path} ("${section}" as the row says)`, found: where };
}

function checkRow(dataset: LoadedDataset, row: LoadedRow, text: SourceText, columnNumber: number, sectionColumn: number): Problem[] {
  const report = text.report!;
  const cell = row.raw[SOURCE_LINES] ?? '';
  const ranges = citedRanges(cell);
  const at: At = { file: dataset.path, line: row.line, column: SOURCE_LINES, columnNumber };
  if (!ranges) return []; // The schema has already reported a malformed cell.
  const count = report.lines.length;
  for (const r of ranges) {
    if (r.end > count) return [{ ...at, expected: `lines that exist in ${report.path} (1 to ${count})`, found: JSON.stringify(cell) }];
    if (report.lines.slice(r.start - 1, r.end).every(isBlank)) return [{ ...at, expected: `lines of ${report.path} that hold text`, found: `${describeLines(r)}, which are blank` }];
  }
  const want = expectationFor(row);
  const section = row.raw.source_section;
  if (want.kind === 'none') return [];
  if (want.kind === 'direction') {
    const body = ranges.map((r) => rangeText(report, r)).join(' ');
    if (DIRECTION_WORDS[want.direction].test(body)) return [];
    return [{ ...at, expected: `a word for "${want.direction}" in ${ranges.map(describeLines).join('; ')} of ${report.path}`, found: JSON.stringify(clip(body)) }];
  }
  const hits = linesPrinting(text, ranges, want.value, want.unit);
  if (hits.length === 0) {
    const seen = ranges.flatMap((r) => printedNumbers(rangeText(report, r))).map((n) => n.text.trim());
    return [
      {
        ...at,
        expected: `the value ${printedForms(want.value, want.unit)} printed in ${ranges.map(describeLines).join('; ')} of ${report.path}`,
        found: seen.length > 0 ? `only ${seen.join(', ')}` : 'no number there',
      },
    ];
  }
  const problems: Problem[] = [];
  const wrongSection = sectionProblem(text, hits, section, at, sectionColumn);
  if (wrongSection) problems.push(wrongSection);
  for (const r of ranges) {
    const narrower = widerThanPassage(text, r, hits);
    if (narrower) problems.push({ ...at, expected: `the narrowest passage that prints ${printedForms(want.value, want.unit)}: ${describeLines(narrower)} of ${report.path}`, found: `${describeLines(r)}, which runs past it` });
  }
  return problems;
}

/**
 * Check every `source_lines` cell in the catalog against the text of the source each row names;
 * `required` names datasets that must have the column (the registry already makes the real ones carry it).
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
  const { texts, problems: sourceProblems } = readSources(catalog, dataDir);
  problems.push(...sourceProblems);
  if (!catalog.has('sources')) {
    problems.push({ file: displayPath(join(dataDir, 'sources.csv')), expected: `the list of source documents (${cited.map((d) => d.meta.id).join(', ')} cite their lines)`, found: 'no sources dataset' });
    return problems;
  }
  const governance = governanceContext(catalog);
  const unchecked = new Map<string, number>();
  for (const dataset of cited) {
    const names = dataset.meta.columns.map((c) => c.name);
    const columnNumber = names.indexOf(SOURCE_LINES) + 1;
    const sectionColumn = names.indexOf('source_section') + 1;
    for (const row of dataset.rows) {
      const id = sourceOf(row);
      const text = texts.get(id);
      // An unknown source id is reported by the foreign-key check; a changed or unreadable text once, above.
      if (!text) continue;
      if (!text.report) {
        unchecked.set(id, (unchecked.get(id) ?? 0) + 1);
        continue;
      }
      problems.push(...checkRow(dataset, row, text, columnNumber, sectionColumn));
      problems.push(...checkGovernanceRow(dataset, row, text, governance));
    }
  }
  for (const [id, n] of unchecked) {
    const text = texts.get(id)!;
    problems.push({ file: displayPath(join(dataDir, 'source', text.file)), expected: '', note: `${n} row${n === 1 ? '' : 's'} citing "${id}" not checked: its text has the problem listed above (fix that first)` });
  }
  return problems;
}
