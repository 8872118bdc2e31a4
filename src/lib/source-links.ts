/**
 * Every "Show in the report" link is built here. Each source document is rendered at
 * `/sources/<id>/` (the first report also at its old address, `/source/`); a single line is `#L339`,
 * a range `#L339-L341` (the page marks both with `:target` styling, no script needed). A link names
 * the row's source; without one it goes to the first report. Dataset table rows are `#row-<key>` on
 * `/data/<id>/`.
 */
import { formatLineRange, parseLineRange, parseLineRanges, type LineRange } from './line-range.ts';
import { joinList } from './words.ts';
import { withBase } from './url.ts';

/** The first report: where a link without a source goes. */
export const FIRST_SOURCE_ID = 'community-safety-overview-2018';

/** The page of a source document: `/sources/<id>/`. */
export function sourcePath(source: string = FIRST_SOURCE_ID): string {
  return `/sources/${source}/`;
}

/** The first report's page before there were editions; it still serves the same page. */
export const OLD_SOURCE_PATH = '/source/';

/** A cell's first range (a cell may cite several passages, `19-21;122;152-155`: see `citedRanges`). */
function asRange(lines: string | LineRange): LineRange {
  if (typeof lines !== 'string') return lines;
  const range = parseLineRange(lines) ?? parseLineRanges(lines)?.[0];
  if (!range) throw new Error(`Not a line range of the report: ${JSON.stringify(lines)} (expected 339 or 339-341)`);
  return range;
}

/**
 * Every passage a `source_lines` cell cites, each as its own range text: `19-21;122;152-155` gives
 * `19-21`, `122`, `152-155`; a single range gives itself; anything else gives none.
 */
export function citedRanges(lines: string | undefined | null): string[] {
  return (parseLineRanges((lines ?? '').trim()) ?? []).map(formatLineRange);
}

/**
 * A figure table's citation of a passage (`rowSources`): the range alone for the first report, or
 * `<source>#<range>` for another source, so the link goes to that source's page (`splitCited`).
 */
export function citedCell(lines: string, source?: string): string {
  return source && source !== FIRST_SOURCE_ID ? `${source}#${lines}` : lines;
}

/** The range and source of a `citedCell` (no source: the first report). */
export function splitCited(cell: string): { lines: string; source?: string } {
  const at = cell.indexOf('#');
  return at < 0 ? { lines: cell } : { lines: cell.slice(at + 1), source: cell.slice(0, at) };
}

/** `{ source }` for a source other than the first report, else nothing: data that names only another source. */
export function otherSource(source: string | undefined): { source?: string } {
  return source && source !== FIRST_SOURCE_ID ? { source } : {};
}

/** The fragment id of a line or range: `L339` or `L339-L341`. */
export function sourceAnchor(lines: string | LineRange): string {
  const r = asRange(lines);
  return r.start === r.end ? `L${r.start}` : `L${r.start}-L${r.end}`;
}

/** Link to a line or range of a source (the first report when `source` is not given) on its page. */
export function sourceHref(lines: string | LineRange, source?: string): string {
  return withBase(`${sourcePath(source)}#${sourceAnchor(lines)}`);
}

/**
 * Link to the first range of a row's `source_lines` (`339`, `339-341`, or several joined by `;`), or
 * undefined when the row has none or it is not a line range: for views that show the passage when
 * the data cites one and fall back to the section name otherwise.
 */
export function sourceHrefIfCited(lines: string | undefined | null, source?: string): string | undefined {
  const range = parseLineRange((lines ?? '').split(';')[0]?.trim() ?? '');
  return range ? sourceHref(range, source) : undefined;
}

/** "line 339" / "lines 339–341" / "lines 19–21, line 122 and lines 152–155", for link text. */
export function linesLabel(lines: string | LineRange): string {
  if (typeof lines === 'string' && lines.includes(';')) {
    const parts = citedRanges(lines).map((r) => linesLabel(r));
    if (parts.length === 0) throw new Error(`Not a line range of the report: ${JSON.stringify(lines)}`);
    return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  }
  const r = asRange(lines);
  return r.start === r.end ? `line ${r.start}` : `lines ${r.start}\u2013${r.end}`;
}

/**
 * Several cited passages as one phrase of plain text (a download's source line, where nothing is a
 * link): every range of every cell, sorted, with touching or overlapping ranges joined, "line 122",
 * "lines 390–391" (from `390` and `391`), "lines 19–21, 122 and 152–155". Throws on a cell that is
 * not a line range. Links keep one per cited range (`linesLabel`), since each is an anchor.
 */
export function linesListLabel(cells: readonly string[]): string {
  const all = cells
    .flatMap((c) => {
      const ranges = parseLineRanges(c.trim());
      if (!ranges) throw new Error(`Not a line range of the report: ${JSON.stringify(c)}`);
      return ranges;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: LineRange[] = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  if (merged.length === 0) return '';
  const parts = merged.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}\u2013${r.end}`));
  const single = merged.length === 1 && merged[0]!.start === merged[0]!.end;
  return `${single ? 'line' : 'lines'} ${joinList(parts)}`;
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

/** Link to a section heading on a source's page. */
export function sourceSectionHref(section: string, source?: string): string {
  return withBase(`${sourcePath(source)}#section-${section}`);
}

/** "page 4", "pages 3–4", "pages 1, 3 and 6": pages as computed from cited lines (`pagesOfLines`). */
export function pagesLabel(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  if (sorted.length === 1) return `page ${sorted[0]}`;
  const consecutive = sorted.every((p, i) => i === 0 || p === sorted[i - 1]! + 1);
  if (consecutive) return `pages ${sorted[0]}\u2013${sorted.at(-1)}`;
  return `pages ${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
}
