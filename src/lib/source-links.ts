/**
 * Every "Show in the report" link is built here. The report is rendered at `/source/`; a single line
 * is `#L339`, a range `#L339-L341` (the page marks both with `:target` styling, no script needed).
 * Dataset table rows are `#row-<key>` on `/data/<id>/`.
 */
import { parseLineRange, type LineRange } from './line-range.ts';
import { withBase } from './url.ts';

export const SOURCE_PATH = '/source/';

function asRange(lines: string | LineRange): LineRange {
  if (typeof lines !== 'string') return lines;
  const range = parseLineRange(lines);
  if (!range) throw new Error(`Not a line range of the report: ${JSON.stringify(lines)} (expected 339 or 339-341)`);
  return range;
}

/** The fragment id of a line or range: `L339` or `L339-L341`. */
export function sourceAnchor(lines: string | LineRange): string {
  const r = asRange(lines);
  return r.start === r.end ? `L${r.start}` : `L${r.start}-L${r.end}`;
}

/** Link to a line or range of the report on the source page. */
export function sourceHref(lines: string | LineRange): string {
  return withBase(`${SOURCE_PATH}#${sourceAnchor(lines)}`);
}

/**
 * Link to the first range of a row's `source_lines` (`339`, `339-341`, or several joined by `;`), or
 * undefined when the row has none or it is not a line range: for views that show the passage when
 * the data cites one and fall back to the section name otherwise.
 */
export function sourceHrefIfCited(lines: string | undefined | null): string | undefined {
  const range = parseLineRange((lines ?? '').split(';')[0]?.trim() ?? '');
  return range ? sourceHref(range) : undefined;
}

/** "line 339" / "lines 339–341", for link text. */
export function linesLabel(lines: string | LineRange): string {
  const r = asRange(lines);
  return r.start === r.end ? `line ${r.start}` : `lines ${r.start}\u2013${r.end}`;
}

/** The id of a dataset table row: `row-` and its primary key with every run of other characters as `-`. */
export function rowAnchor(key: string): string {
  return `row-${key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** Link to one row of a dataset's table on its catalogue page. */
export function datasetRowHref(dataset: string, key: string): string {
  return withBase(`/data/${dataset}/#${rowAnchor(key)}`);
}

/** Link to a section heading on the source page. */
export function sourceSectionHref(section: string): string {
  return withBase(`${SOURCE_PATH}#section-${section}`);
}
