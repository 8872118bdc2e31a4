/**
 * Every printed page number of a citation equals the pages of the lines it cites (docs/provenance.md,
 * "Page numbers"). Checked statically on a built site folder: in every HTML page, the smallest element
 * (`p`, `li`, `span`, `td`) whose text prints "page N" / "pages N–M" / "pages 1, 3 and 6" and which
 * holds links to lines of the report (`/source/#L294`, `#L351-L352`) must print exactly the pages those
 * lines are on (pages counted from the text's page breaks, src/data/source.ts). A citation that prints
 * the section's first page instead fails.
 *
 * Used by tests/build/citation-pages.test.ts (the shared build) and tests/unit/citation-pages.test.ts
 * (a broken fixture page). Run on a folder: `node scripts/citation-pages.ts dist`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { isBlank, readReport, type Report } from '../src/data/source.ts';
import { FIRST_SOURCE_ID } from '../src/lib/source-links.ts';
import { filesUnder } from './files.ts';

/** Every source text by its id (data/sources.csv); `/source/`, the old address, is the first report's. */
export type Reports = ReadonlyMap<string, Report>;

/** Read every source text data/sources.csv names (a text that cannot be read is left out). */
export function readReports(dataDir: string): Map<string, Report> {
  const rows = parse(readFileSync(join(dataDir, 'sources.csv'), 'utf8'), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  const out = new Map<string, Report>();
  for (const row of rows) {
    const report = row.id && row.file ? readReport(dataDir, row.file) : undefined;
    if (report) out.set(row.id!, report);
  }
  return out;
}

export interface PageCitation {
  page: string;
  text: string;
  printed: number[];
  cited: number[];
  ok: boolean;
}

const PAGES = /\bpages? (\d+(?:\s*(?:[–-]|,|and)\s*\d+)*)/gi;
// `/source/#L294` (the first report's old address) or `/sources/<id>/#L294`: each link is read
// against the text of the source it names.
const LINK = /\/(?:source|sources\/([^/#]+))\/#L(\d+)(?:-L(\d+))?$/;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The pages a text prints: "page 4" -> [4], "pages 3–5" -> [3, 4, 5], "pages 1, 3 and 6" -> [1, 3, 6]. */
export function printedPages(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(PAGES)) {
    for (const part of m[1]!.split(/\s*(?:,|and)\s*/)) {
      const [a, b] = part.split(/\s*[–-]\s*/).map(Number);
      if (a === undefined || Number.isNaN(a)) continue;
      for (let p = a; p <= (b ?? a); p++) out.add(p);
    }
  }
  return [...out].sort((x, y) => x - y);
}

/** The pages the non-blank lines of the linked ranges are on, each in the source its link names. */
export function linkedPages(hrefs: readonly string[], reports: Reports): number[] {
  const out = new Set<number>();
  for (const href of hrefs) {
    const m = LINK.exec(href);
    if (!m) continue;
    // A link to a source with no text here prints pages of nothing: the check fails it.
    const report = reports.get(m[1] ?? FIRST_SOURCE_ID);
    if (!report) continue;
    const start = Number(m[2]);
    const end = m[3] ? Number(m[3]) : start;
    for (let n = start; n <= end; n++)
      if (!isBlank(report.lines[n - 1] ?? '') && report.pages[n - 1] !== undefined) out.add(report.pages[n - 1]!);
  }
  return [...out].sort((x, y) => x - y);
}

/** A link to lines of a source text: `/source/#L294` (the first report's old address) or `/sources/<id>/#L294`. */
const LINE_LINK = 'a[href*="/source/#L"], a[href*="/sources/"][href*="/#L"]';

export function checkPage(html: string, page: string, reports: Reports): PageCitation[] {
  const { document } = parseHTML(html);
  const out: PageCitation[] = [];
  const candidates = Array.from(document.querySelectorAll('p, li, span, td')) as Element[];
  for (const el of candidates) {
    const text = squash(el.textContent ?? '');
    if (!/\bpages? \d/i.test(text)) continue;
    const links = Array.from(el.querySelectorAll(LINE_LINK)).map((a) => a.getAttribute('href') ?? '');
    if (links.length === 0) continue;
    // The smallest such element: skip one whose child already holds the page and a line link.
    const inner = Array.from(el.querySelectorAll('p, li, span, td')).some(
      (c) => /\bpages? \d/i.test(c.textContent ?? '') && c.querySelector(LINE_LINK),
    );
    if (inner) continue;
    // Only the words outside the links print pages ("lines 294–295" is not a page).
    const clone = el.cloneNode(true) as Element;
    for (const a of Array.from(clone.querySelectorAll('a'))) a.remove();
    const printed = printedPages(squash(clone.textContent ?? ''));
    if (printed.length === 0) continue;
    const cited = linkedPages(links, reports);
    out.push({ page, text: text.slice(0, 160), printed, cited, ok: printed.join(',') === cited.join(',') });
  }
  return out;
}

export function checkSite(siteDir: string, reports: Reports): PageCitation[] {
  return filesUnder(siteDir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => checkPage(readFileSync(join(siteDir, f), 'utf8'), f, reports));
}

export interface PageMark {
  /** The page the mark prints ("Page 5"). */
  printed: number;
  /** The line shown next after the mark, and the page that line is on. */
  line: number | undefined;
  lineOn: number | undefined;
  /** The page of the line shown last before the mark (a line of page N before "Page N" is misplaced). */
  beforeOn: number | undefined;
  ok: boolean;
}

/**
 * The "Page N" marks of a source's page (`/sources/<id>/`): each must sit right before the first line
 * of page N, in reading order, so a heading that opens a page comes after its mark, not before it.
 */
export function checkPageMarks(html: string, report: Report): PageMark[] {
  const { document } = parseHTML(html);
  const out: PageMark[] = [];
  let pending: number | undefined;
  let beforeOn: number | undefined;
  let lastOn: number | undefined;
  for (const el of Array.from(document.querySelectorAll('.src-pagemark, .ln[data-l]')) as Element[]) {
    if (el.classList.contains('src-pagemark')) {
      pending = Number(/Page (\d+)/.exec(el.textContent ?? '')?.[1]);
      beforeOn = lastOn;
      continue;
    }
    const line = Number(el.getAttribute('data-l'));
    const lineOn = report.pages[line - 1];
    lastOn = lineOn;
    if (pending === undefined) continue;
    const ok = lineOn === pending && beforeOn !== pending;
    out.push({ printed: pending, line, lineOn, beforeOn, ok });
    pending = undefined;
  }
  if (pending !== undefined) out.push({ printed: pending, line: undefined, lineOn: undefined, beforeOn, ok: false });
  return out;
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const reports = readReports(resolve(process.env.DATA_DIR ?? 'data'));
  if (reports.size === 0) throw new Error('No source text in the data folder (data/sources.csv).');
  const found = checkSite(dir, reports);
  const bad = found.filter((f) => !f.ok);
  for (const b of bad)
    console.log(`${b.page}: prints page(s) ${b.printed.join(', ')} for lines on ${b.cited.join(', ')}: ${b.text}`);
  console.log(`${found.length} printed page numbers beside cited lines, ${bad.length} wrong.`);
  const first = [...reports.values()][0]!;
  const marks = existsSync(join(dir, 'source/index.html'))
    ? checkPageMarks(readFileSync(join(dir, 'source/index.html'), 'utf8'), first)
    : [];
  const badMarks = marks.filter((m) => !m.ok);
  for (const m of badMarks)
    console.log(
      `source/index.html: "Page ${m.printed}" before line ${m.line} (on page ${m.lineOn}), after a line on page ${m.beforeOn}`,
    );
  console.log(`${marks.length} page marks on the report's page, ${badMarks.length} misplaced.`);
  process.exitCode = bad.length > 0 || badMarks.length > 0 ? 1 : 0;
}

export interface UsedOn {
  /** The row's table link on a source's page, e.g. `/data/activities/#row-a-2017-18-…`. */
  row: string;
  text: string;
  page: string;
  shown: boolean;
}

/**
 * The "used on" links of each source's page (`/sources/<id>/`) for activities (by their
 * description), bodies (by their name) and rows of the other datasets (by the figure shown beside
 * them, "£106,000", without its sign): each linked theme page must show that text. A claim given as
 * a direction only has no figure to look for and is skipped.
 */
export function checkUsedOn(siteDir: string): UsedOn[] {
  const pages = new Map<string, string>();
  const textOf = (file: string): string => {
    if (!pages.has(file)) {
      const { document } = parseHTML(readFileSync(join(siteDir, file), 'utf8'));
      pages.set(file, squash(document.querySelector('main')?.textContent ?? ''));
    }
    return pages.get(file)!;
  };
  // Every source's page (`sources/<id>/`), or the old address where a site has only that.
  const sourcePages = filesUnder(siteDir).filter((f) => /^sources\/[^/]+\/index\.html$/.test(f));
  const pagesToRead =
    sourcePages.length > 0 ? sourcePages : ['source/index.html'].filter((f) => existsSync(join(siteDir, f)));
  const items = pagesToRead.flatMap(
    (f) =>
      Array.from(
        parseHTML(readFileSync(join(siteDir, f), 'utf8')).document.querySelectorAll('.src-values li'),
      ) as Element[],
  );
  const out: UsedOn[] = [];
  for (const li of items) {
    const first = li.querySelector('a');
    const row = first?.getAttribute('href') ?? '';
    const kind = /\/data\/([a-z0-9-]+)\/#row-/.exec(row)?.[1];
    if (!kind || !first || kind === 'relationships') continue;
    const label = squash(first.querySelector('strong')?.textContent ?? '');
    if (kind !== 'activities' && kind !== 'bodies' && !/\d/.test(label)) continue;
    const text =
      kind === 'activities'
        ? squash(
            (li.textContent ?? '').replace(first.textContent ?? '', '').split(/ \(our reading| \(lines? /)[0] ?? '',
          )
        : kind === 'bodies'
          ? label
          : label.replace(/^[+\u2212-]/, '');
    const used = Array.from(li.querySelectorAll('a[href*="/themes/"]')).map((a) => a.getAttribute('href') ?? '');
    for (const href of used) {
      const file = `${href.replace(/^.*?\/themes\//, 'themes/').replace(/\/?$/, '/')}index.html`;
      out.push({ row, text, page: file, shown: textOf(file).includes(text) });
    }
  }
  return out;
}
