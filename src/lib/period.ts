/**
 * Typed periods. A period is never free text: it is one of
 *  - a financial year `2017/18` (1 April 2017 to 31 March 2018),
 *  - a calendar quarter `2017-Q1` (January to March 2017),
 *  - a month span `2014-02/2015-02` (first day of the start month to last day of the end month).
 */

export type PeriodKind = 'financial-year' | 'quarter' | 'month-span';

export interface Period {
  /** The period exactly as written in the data file; also its stable sort/join key. */
  readonly id: string;
  readonly kind: PeriodKind;
  /** First day, ISO `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day (inclusive), ISO `YYYY-MM-DD`. */
  readonly end: string;
  /** Human label, e.g. "2017/18", "Jan–Mar 2017", "Feb 2014 to Feb 2015". */
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const PERIOD_FORMATS =
  'a financial year like 2017/18, a quarter like 2017-Q1, or a month span like 2014-02/2015-02';

/** Parse a period string; returns `undefined` when it is not one of the three forms (or impossible). */
export function parsePeriod(text: string): Period | undefined {
  let m = /^(\d{4})\/(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    if ((y + 1) % 100 !== Number(m[2])) return undefined;
    return { id: text, kind: 'financial-year', start: `${y}-04-01`, end: `${y + 1}-03-31`, label: text };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return {
      id: text,
      kind: 'quarter',
      start: `${y}-${pad(first)}-01`,
      end: `${y}-${pad(last)}-${pad(lastDay(y, last))}`,
      label: `${MONTHS[first - 1]}\u2013${MONTHS[last - 1]} ${y}`,
    };
  }
  m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const [y1, m1, y2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || y2 * 12 + m2 < y1 * 12 + m1) return undefined;
    return {
      id: text,
      kind: 'month-span',
      start: `${y1}-${pad(m1)}-01`,
      end: `${y2}-${pad(m2)}-${pad(lastDay(y2, m2))}`,
      label: `${MONTHS[m1 - 1]} ${y1} to ${MONTHS[m2 - 1]} ${y2}`,
    };
  }
  return undefined;
}

/** Order periods by start date, then end date. */
export function comparePeriods(a: Period, b: Period): number {
  return a.start.localeCompare(b.start) || a.end.localeCompare(b.end);
}
