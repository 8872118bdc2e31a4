/**
 * Words around numbers, in one place so generated text never reads "1 pieces of work" or "+11% in
 * January 2017 to June 2017": counts with the right noun, lists joined the en-GB way, and periods as
 * they read inside a sentence.
 */
import type { Period } from './period.ts';

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** Month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface CountOptions {
  /** `digits` (default) "3 pieces of work"; `words` "three pieces of work" (zero to nine only). */
  as?: 'digits' | 'words';
}

/**
 * A count with its noun: `plural(1, 'piece of work', 'pieces of work')` is "1 piece of work",
 * `plural(3, 'body', 'bodies')` is "3 bodies". Without `many`, an "s" is added to the first word
 * ("piece of work" -> "pieces of work", "link" -> "links").
 */
export function plural(n: number, one: string, many?: string, options: CountOptions = {}): string {
  const noun = n === 1 ? one : (many ?? one.replace(/^(\S+)/, '$1s'));
  const num =
    options.as === 'words' && Number.isInteger(n) && n >= 0 && n < SMALL.length
      ? SMALL[n]
      : new Intl.NumberFormat('en-GB').format(n);
  return noun ? `${num} ${noun}` : `${num}`;
}

/** The verb that agrees with a count: `agree(1, 'was', 'were')` is "was". */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "a", "a and b", "a, b and c" (no serial comma, as en-GB house style). */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function monthYear(iso: string): { month: string; year: string } {
  const [y, m] = iso.split('-');
  return { month: MONTHS[Number(m) - 1] ?? '', year: y ?? '' };
}

/**
 * A period as it reads after a preposition we choose for it: "in 2017/18", "between January and
 * March 2017", "between January and June 2017", "between February 2014 and February 2015".
 * A month span that is exactly one month reads "in June 2017".
 */
export function duringPeriod(p: Pick<Period, 'kind' | 'id' | 'start' | 'end'>): string {
  if (p.kind === 'financial-year') return `in ${p.id}`;
  const a = monthYear(p.start);
  const b = monthYear(p.end);
  if (a.month === b.month && a.year === b.year) return `in ${a.month} ${a.year}`;
  if (a.year === b.year) return `between ${a.month} and ${b.month} ${b.year}`;
  return `between ${a.month} ${a.year} and ${b.month} ${b.year}`;
}

/**
 * The one rule for counts of the report's lists (docs/data-rules.md): a bullet that describes two
 * pieces of work is two rows, and a count says so. "The report lists 5 pieces of work" when every row
 * is its own item; "we count 6 pieces of work in 5 items of the report's lists" when some item holds two.
 * An item is what a row's `source_lines` cites: a bullet, or one of the two unbulleted entries of the
 * reducing reoffending list (lines 138-140, 141-143), so the count does not call them all bullets.
 * The sentence starts lower-case after `subject: 'mid'`.
 */
export function countWork(
  rows: number,
  bullets: number,
  options: CountOptions & { subject?: 'start' | 'mid' } = {},
): string {
  const work = plural(rows, 'piece of work', 'pieces of work', options);
  const text =
    rows === bullets
      ? `the report lists ${work}`
      : `we count ${work} in ${plural(bullets, 'item', 'items', options)} of the report’s lists`;
  return options.subject === 'mid' ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
