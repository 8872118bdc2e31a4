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
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { isBlank, readReport, sourceFileOf, type Report } from '../src/data/source.ts';
import { filesUnder } from './files.ts';

export interface PageCitation {
  page: string;
  text: string;
  printed: number[];
  cited: number[];
  ok: boolean;
}

const PAGES = /\bpages? (\d+(?:\s*(?:[–-]|,|and)\s*\d+)*)/gi;
// `/source/#L294` (the first report's old address) or `/sources/<id>/#L294`; the site has one source
// text today, so every link is read against it (a second edition would need its own report here).
const LINK = /\/(?:source|sources\/[^/#]+)\/#L(\d+)(?:-L(\d+))?$/;
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

/** The pages the non-blank lines of the linked ranges are on. */
export function linkedPages(hrefs: readonly string[], report: Report): number[] {
  const out = new Set<number>();
  for (const href of hrefs) {
    const m = LINK.exec(href);
    if (!m) continue;
    const start = Number(m[1]);
    const end = m[2] ? Number(m[2]) : start;
    for (let n = start; n <= end; n++)
      if (!isBlank(report.lines[n - 1] ?? '') && report.pages[n - 1] !== undefined) out.add(report.pages[n - 1]!);
  }
  return [...out].sort((x, y) => x - y);
}

/** A link to lines of a source text: `/source/#L294` (the first report's old address) or `/sources/<id>/#L294`. */
const LINE_LINK = 'a[href*="/source/#L"], a[href*="/sources/"][href*="/#L"]';

export function checkPage(html: string, page: string, report: Report): PageCitation[] {
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
    const cited = linkedPages(links, report);
    out.push({ page, text: text.slice(0, 160), printed, cited, ok: printed.join(',') === cited.join(',') });
  }
  return out;
}

export function checkSite(siteDir: string, report: Report): PageCitation[] {
  return filesUnder(siteDir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => checkPage(readFileSync(join(siteDir, f), 'utf8'), f, report));
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  const report = readReport(dataDir, sourceFileOf(dataDir));
  if (!report) throw new Error('No report text in the data folder.');
  const found = checkSite(dir, report);
  const bad = found.filter((f) => !f.ok);
  for (const b of bad)
    console.log(`${b.page}: prints page(s) ${b.printed.join(', ')} for lines on ${b.cited.join(', ')}: ${b.text}`);
  console.log(`${found.length} printed page numbers beside cited lines, ${bad.length} wrong.`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

export interface UsedOn {
  /** The row's table link on /source/, e.g. `/data/activities/#row-a-2017-18-…`. */
  row: string;
  text: string;
  page: string;
  shown: boolean;
}

/**
 * The "used on" links of `/source/` for activities (by their description) and bodies (by their
 * name): each linked theme page must show that text.
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
  const { document } = parseHTML(readFileSync(join(siteDir, 'source/index.html'), 'utf8'));
  const out: UsedOn[] = [];
  for (const li of Array.from(document.querySelectorAll('.src-values li')) as Element[]) {
    const first = li.querySelector('a');
    const row = first?.getAttribute('href') ?? '';
    const kind = /\/data\/(activities|bodies)\/#row-/.exec(row)?.[1];
    if (!kind || !first) continue;
    const text =
      kind === 'bodies'
        ? squash(first.querySelector('strong')?.textContent ?? '')
        : squash(
            (li.textContent ?? '').replace(first.textContent ?? '', '').split(/ \(our reading| \(lines? /)[0] ?? '',
          );
    const used = Array.from(li.querySelectorAll('a[href*="/themes/"]')).map((a) => a.getAttribute('href') ?? '');
    for (const href of used) {
      const file = `${href.replace(/^.*?\/themes\//, 'themes/').replace(/\/?$/, '/')}index.html`;
      out.push({ row, text, page: file, shown: textOf(file).includes(text) });
    }
  }
  return out;
}
