/**
 * A source's text as the site reads it (a file in `data/source/` named by `data/sources.csv`), one
 * entry per line (1-based, as every `source_lines` cell counts them), the page each line is on, and
 * the numbers printed in any range of lines. Pages are not marked in the text: a run of three or more
 * blank lines is a page break (see data/source/README.md). Which text a row cites: src/data/sources.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LineRange } from '../schemas/source-lines.ts';
import { parseCsv } from './csv.ts';
import { MAX_REPORT_BYTES } from './limits.ts';

/** The folder inside a data folder that holds the source texts. */
export const SOURCE_FOLDER = 'source';

/**
 * The first report's id: what a row without a `source` column cites (test fixtures and code written
 * before editions). Every committed report-drawn dataset has the column.
 */
export const FIRST_SOURCE = 'community-safety-overview-2018';

/** The file (in `data/source/`) that `data/sources.csv` names for a source, by default the first report. */
export function sourceFileOf(dataDir: string, id: string = FIRST_SOURCE): string {
  const path = join(dataDir, 'sources.csv');
  const csv = parseCsv(path, readFileSync(path));
  if (!csv.ok) throw new Error(`${csv.problem.file}: ${csv.problem.expected}`);
  const header = csv.header?.cells ?? [];
  const row = csv.records.find((r) => r.cells[header.indexOf('id')] === id);
  const file = row?.cells[header.indexOf('file')];
  if (!file) throw new Error(`${path}: expected a row for source "${id}" with a file, found none`);
  return file;
}

export interface Report {
  /** Path for messages, e.g. `data/source/community-safety-overview.txt`. */
  path: string;
  /** `lines[n - 1]` is line n. A final newline does not start an extra line. */
  lines: string[];
  /** `pages[n - 1]` is the page line n is on (blank lines of a break belong to the page before). */
  pages: number[];
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Split the text into lines and number its pages. */
export function parseReport(text: string, path: string): Report {
  const lines = text.replace(/\n$/, '').split('\n');
  const pages: number[] = [];
  let page = 1;
  let blanks = 0;
  for (const line of lines) {
    if (isBlank(line)) blanks += 1;
    else {
      if (blanks >= 3 && pages.some((_, i) => !isBlank(lines[i]!))) page += 1;
      blanks = 0;
    }
    pages.push(page);
  }
  return { path, lines, pages };
}

/** Read a source's text (`file` relative to `data/source/`); `undefined` if it is missing or over its size limit (reported by the loader). */
export function readReport(dataDir: string, file: string): Report | undefined {
  const path = join(dataDir, SOURCE_FOLDER, file);
  try {
    if (statSync(path).size > MAX_REPORT_BYTES) return undefined;
    return parseReport(readFileSync(path, 'utf8'), path);
  } catch {
    return undefined;
  }
}

/** The text of a range, lines joined by a space. */
export function rangeText(report: Report, range: LineRange): string {
  return report.lines.slice(range.start - 1, range.end).join(' ');
}

/** A number as printed: its value (signed, `k` multiplied out), and whether it carried `£` or `%`. */
export interface PrintedNumber {
  text: string;
  value: number;
  currency: boolean;
  percent: boolean;
  /** True when written as a word ("three"). */
  word: boolean;
  /** Where it starts in the text it was read from. */
  index: number;
}

/**
 * A year as the report writes it (`2016/7`, `2017/18`, `2017/8`): masked before numbers are read, so
 * neither half is ever a number (a count of 7 or 2016, or a percentage of 8 on "2017/8 %").
 */
const YEAR = /(?<![\w./])(?:\d{4}|\d{2})\/\d{1,2}(?![\w/])/g;
/**
 * A whole printed number: never inside a longer one, after a dot or a slash, or followed by letters
 * (`1st` is an ordinal, not 1) other than the `k` of `£106k`.
 */
const NUMBER = /(?<![\w./])(£)?([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k(?![a-z]))?(\s?%)?(?![\w/]|\.\d)/gi;
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const WORD = new RegExp(`\\b(${WORDS.join('|')})\\b`, 'gi');

/**
 * A number word counts when written in lower case, or capitalised where a sentence starts (the start
 * of the text, after `.`, `:`, `!`, `?` or a bullet; a line break alone is not a sentence start). "One" inside a name ("the One Day One
 * Conversation meeting") is a name, not the number 1.
 */
function countsAsWord(text: string, index: number, word: string): boolean {
  if (word === word.toLowerCase()) return true;
  const raw = text.slice(0, index);
  if (/\uF0B7\s*$/.test(raw)) return true;
  const before = raw.replace(/[\s(“"]+$/, '');
  return before === '' || /[.:!?]$/.test(before);
}

/** The text with every year form (`2016/7`) blanked out, same length so indexes still agree. */
function withoutYears(text: string): string {
  return text.replace(YEAR, (m) => ' '.repeat(m.length));
}

/** The years printed in a text (`2016/7`, `2017/18`), for messages and date checks. */
export function printedYears(text: string): string[] {
  return [...text.matchAll(YEAR)].map((m) => m[0]);
}

/**
 * Every number printed in a piece of text, in order: digits (`10,947`, `+6.3%`, `£106k`) then number
 * words. Years (`2016/7`) and ordinals (`1st`) are not numbers.
 */
export function printedNumbers(text: string): PrintedNumber[] {
  const found: PrintedNumber[] = [];
  const plain = withoutYears(text);
  for (const m of plain.matchAll(NUMBER)) {
    const [whole, pound, sign, digits, fraction, k, percent] = m;
    let value = Number(`${digits!.replace(/,/g, '')}${fraction ?? ''}`);
    if (k) value *= 1000;
    if (sign === '-') value = -value;
    found.push({ text: whole, value, currency: Boolean(pound), percent: Boolean(percent), word: false, index: m.index });
  }
  for (const m of plain.matchAll(WORD)) {
    if (!countsAsWord(plain, m.index, m[0])) continue;
    found.push({ text: m[0], value: WORDS.indexOf(m[1]!.toLowerCase()) + 1, currency: false, percent: false, word: true, index: m.index });
  }
  return found;
}

/** Whether a printed number is the given value in the given unit (`£` for gbp, `%` for percentages). */
export function printedAs(n: PrintedNumber, value: number, unit: string): boolean {
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  switch (unit) {
    case 'gbp':
      return n.currency && same(n.value, value);
    case 'percent':
      return n.percent && same(Math.abs(n.value), value);
    case 'percent-change':
      return n.percent && same(n.value, value);
    default:
      return !n.currency && !n.percent && same(n.value, value);
  }
}

/** Words that say a figure went up or down, as the report phrases it. */
export const DIRECTION_WORDS: Record<'increase' | 'decrease', RegExp> = {
  increase: /\b(increas\w*|rise|rising|rose|risen|grew|grow\w*|higher)\b/i,
  decrease: /\b(decreas\w*|reduc\w*|fell|fall\w*|lower|drop\w*)\b/i,
};
