/**
 * Links to a passage of the report on the /source/ page, whose lines carry anchors `#L<n>` (one line)
 * or `#L<a>-L<b>` (a range). A row's `source_lines` value is a line (`12`), a range (`12-15`), either
 * written with the `L` prefix, or several separated by `;` or `,` (the first is linked). A missing or
 * unreadable value gives no link, so callers can show the section name instead.
 */
import { withBase } from './url.ts';

/** The anchor for a `source_lines` value, e.g. `12-15` -> `#L12-L15`; undefined when there is none. */
export function sourceAnchor(lines: string | undefined | null): string | undefined {
  const first = (lines ?? '').split(/[;,]/)[0]?.trim() ?? '';
  const m = /^L?(\d+)(?:\s*[-–]\s*L?(\d+))?$/i.exec(first);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || b < a) return undefined;
  return b === a ? `#L${a}` : `#L${a}-L${b}`;
}

/** URL of the passage on /source/ (with the site's base path), or undefined without usable lines. */
export function sourceHref(lines: string | undefined | null): string | undefined {
  const anchor = sourceAnchor(lines);
  return anchor ? `${withBase('/source/')}${anchor}` : undefined;
}
