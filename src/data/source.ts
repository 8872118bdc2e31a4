/**
 * The report's text as the site reads it: `data/source/community-safety-overview.txt`, one entry per
 * line (1-based, as every `source_lines` cell counts them), the page each line is on, and the numbers
 * printed in any range of lines. Pages are not marked in the text: a run of three or more blank lines
 * is a page break (see data/source/README.md).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LineRange } from '../schemas/source-lines.ts';
import { MAX_REPORT_BYTES } from './limits.ts';

/** Where the report's text lives inside a data folder. */
export const REPORT_FILE = 'source/community-safety-overview.txt';

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

/** Read the report from a data folder; `undefined` if it is missing or over its size limit (reported by the loader). */
export function readReport(dataDir: string, path = join(dataDir, REPORT_FILE)): Report | undefined {
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
}

const NUMBER =
  /(?<![\w.])(£)?([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k(?![a-z]))?(\s?%)?/gi;
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const WORD = new RegExp(`\\b(${WORDS.join('|')})\\b`, 'gi');

/** Every number printed in a piece of text, in order: digits (`10,947`, `+6.3%`, `£106k`) then number words. */
export function printedNumbers(text: string): PrintedNumber[] {
  const found: PrintedNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, pound, sign, digits, fraction, k, percent] = m;
    let value = Number(`${digits!.replace(/,/g, '')}${fraction ?? ''}`);
    if (k) value *= 1000;
    if (sign === '-') value = -value;
    found.push({ text: whole, value, currency: Boolean(pound), percent: Boolean(percent), word: false });
  }
  for (const m of text.matchAll(WORD)) {
    found.push({ text: m[0], value: WORDS.indexOf(m[1]!.toLowerCase()) + 1, currency: false, percent: false, word: true });
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
