/**
 * A period in the report's own words, with our reading of it visible (docs/data-rules.md, "Shares,
 * bases and groups"): the report counts quarters ("1st quarter 2017", "the first two quarters of
 * 2017") without saying whether they are calendar or financial quarters; the data reads them as
 * calendar quarters. `reportWords` gives the report's form and the months we read it as, so a
 * sentence never states the assumed months as the report's.
 */
import { MONTHS } from './words.ts';
import type { Period } from './period.ts';

const ORDINALS = ['first', 'second', 'third', 'fourth'];
const COUNTS = ['', 'one', 'two', 'three', 'four'];

/** "the first quarter of 2017 (read as January to March)", or undefined for other periods. */
export function reportWords(p: Period): string | undefined {
  const [y1, m1] = p.start.split('-').map(Number) as [number, number];
  const [y2, m2] = p.end.split('-').map(Number) as [number, number];
  const calendarQuarterStart = (m1 - 1) % 3 === 0;
  const calendarQuarterEnd = m2 % 3 === 0;
  if (p.kind === 'financial-year' || y1 !== y2 || !calendarQuarterStart || !calendarQuarterEnd) return undefined;
  const first = (m1 - 1) / 3;
  const count = (m2 - m1 + 1) / 3;
  const months = `${MONTHS[m1 - 1]} to ${MONTHS[m2 - 1]}`;
  const words =
    count === 1
      ? `the ${ORDINALS[first]} quarter of ${y1}`
      : first === 0
        ? `the first ${COUNTS[count]} quarters of ${y1}`
        : `the ${ORDINALS[first]} to ${ORDINALS[first + count - 1]} quarters of ${y1}`;
  return `${words} (read as ${months})`;
}

/**
 * Said in place of a period where the report gives none (status `period-unclear`): the data files
 * such a row under a year so it can be joined, but a card, chart or table never shows that year as
 * the figure's period.
 */
export const NO_PERIOD_GIVEN = 'the report gives no period';

/**
 * The short form for a chart's axis and its marks' labels: the report's "1st quarter 2017" with the
 * months we read it as ("1st quarter 2017 (Jan–Mar)"); undefined for a period that is not a single
 * quarter the report counts.
 */
export function reportShortWords(p: Period): string | undefined {
  if (p.kind !== 'quarter' || !reportWords(p)) return undefined;
  const [y, m1] = p.start.split('-').map(Number) as [number, number];
  const m2 = Number(p.end.split('-')[1]);
  const ordinal = ['1st', '2nd', '3rd', '4th'][(m1 - 1) / 3];
  return `${ordinal} quarter ${y} (read as ${MONTHS[m1 - 1]!.slice(0, 3)}\u2013${MONTHS[m2 - 1]!.slice(0, 3)})`;
}
