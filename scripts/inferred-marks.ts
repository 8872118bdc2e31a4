/**
 * Every rendering of an inferred row carries the "our reading" mark and its note (docs/data-rules.md,
 * "Stated or inferred"). Checked statically on a built site folder: for every HTML page, every place
 * where the text of an activity or relationship with `basis=inferred` appears (its description), the
 * nearest item around it (a list item, table row, card, paragraph or `[data-row]` block) must hold
 *
 * - the mark: an element `[data-basis="inferred"]` whose text says "our reading", and
 * - the note: the row's `basis_note`, either in the item itself or in the element the mark links to
 *   (`href="#id"` on the same page), so a list can number its notes once below it.
 *
 * The marks come from one helper (`src/lib/basis.ts` for text and attributes,
 * `src/components/site/OurReading.astro` for HTML); this check finds any rendering that bypasses it.
 * Used by tests/build/inferred-marks.test.ts (the shared build) and tests/unit/inferred-marks.test.ts
 * (a broken fixture page). Run on a folder: `node scripts/inferred-marks.ts dist`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { loadCatalog } from '../src/data/load.ts';
import { describeCitation, readingNote } from '../src/data/source-page.ts';
import { DATASET_SCHEMAS } from '../src/schemas/index.ts';
import { filesUnder } from './files.ts';

export interface InferredRow {
  /** `activities:<id>` or `relationships:<from>|<to>|<type>`. */
  key: string;
  /** The text that shows the row (its description). */
  text: string;
  note: string;
}

export interface MarkInstance {
  page: string;
  key: string;
  marked: boolean;
  /** What is missing, when not marked. */
  problem?: string;
}

const ITEM = 'li, tr, dd, figcaption, [data-row], p, .govmap-card';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The rows of a data folder that are our reading (`readingNote` in src/data/source-page.ts): inferred
 * activities and relationships, found by their description, and rows of other datasets whose funder
 * the report does not name (a `*-funder-assumed` footnote), found by the words the report page shows
 * for them ("Alcohol and Substance misuse contract, budget, paid by the Police and Crime Commissioner,
 * 2018/19").
 */
export function inferredRows(dataDir: string): InferredRow[] {
  const catalog = loadCatalog(dataDir, DATASET_SCHEMAS);
  const out: InferredRow[] = [];
  for (const [id, dataset] of catalog) {
    for (const row of dataset.rows) {
      const note = readingNote(dataset, row);
      if (!note) continue;
      const raw = row.raw as Record<string, string>;
      const governance = id === 'activities' || id === 'relationships';
      const key =
        id === 'activities'
          ? raw.id
          : id === 'relationships'
            ? `${raw.from_body}|${raw.to_body}|${raw.type}`
            : `line ${row.line}`;
      const text = governance ? (raw.description ?? '') : describeCitation(dataset, row, new Map()).what;
      out.push({ key: `${id}:${key}`, text: squash(text), note: squash(note) });
    }
  }
  return out;
}

/** Every instance of every inferred row on one page's HTML, marked or not. */
export function checkPage(html: string, page: string, rows: readonly InferredRow[]): MarkInstance[] {
  const { document } = parseHTML(html);
  const body = document.body ?? document.documentElement;
  const out: MarkInstance[] = [];
  // Text alone: the smallest elements whose own text holds the description.
  const all = Array.from(body.querySelectorAll('*')) as Element[];
  // Rows that share a text (an activity and the link drawn from it) are one instance: either note will do.
  const byText = new Map<string, InferredRow[]>();
  for (const row of rows) byText.set(row.text, [...(byText.get(row.text) ?? []), row]);
  for (const group of byText.values()) {
    const row = { ...group[0]!, key: group.map((r) => r.key).join(' = ') };
    const notes = group.map((r) => r.note);
    if (!row.text || !squash(body.textContent ?? '').includes(row.text)) continue;
    const holders = all.filter(
      (el) =>
        squash(el.textContent ?? '').includes(row.text) &&
        !Array.from(el.children).some((c) => squash(c.textContent ?? '').includes(row.text)),
    );
    for (const el of holders) {
      if (el.closest('script, style, template, noscript')) continue;
      const item = (el.matches(ITEM) ? el : el.closest(ITEM)) ?? el;
      const marks = Array.from(item.querySelectorAll('[data-basis="inferred"]')).filter((m) =>
        /our reading/i.test(m.textContent ?? ''),
      );
      if (item.matches('[data-basis="inferred"]') && /our reading/i.test(item.textContent ?? '')) marks.push(item);
      if (marks.length === 0) {
        out.push({ page, key: row.key, marked: false, problem: 'no "our reading" mark beside it' });
        continue;
      }
      const itemText = squash(item.textContent ?? '');
      const noteHere = notes.some((n) => itemText.includes(n));
      const noteLinked = marks.some((m) => {
        const href = (m.matches('a[href^="#"]') ? m : m.querySelector('a[href^="#"]'))?.getAttribute('href');
        const target = href ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        return target ? notes.some((n) => squash(target.textContent ?? '').includes(n)) : false;
      });
      out.push(
        noteHere || noteLinked
          ? { page, key: row.key, marked: true }
          : { page, key: row.key, marked: false, problem: 'the mark is there but not the note (inline or linked)' },
      );
    }
  }
  return out;
}

export interface RepeatedNote {
  page: string;
  /** The start of the note's text. */
  note: string;
  /** How many items of one list say it. */
  times: number;
}

/**
 * Notes said again and again: a list (`ul`, `ol`) whose items print the same "our reading" note in
 * full more than once. A long list numbers its notes once below it and its marks link there
 * (`OurReading` with `ref`), so each reason is read once, while every item keeps its mark.
 */
export function repeatedNotes(html: string, page: string, rows: readonly InferredRow[]): RepeatedNote[] {
  const { document } = parseHTML(html);
  const notes = [...new Set(rows.map((r) => r.note).filter(Boolean))];
  const out: RepeatedNote[] = [];
  for (const list of Array.from(document.querySelectorAll('ul, ol')) as Element[]) {
    if (list.closest('script, style, template, noscript')) continue;
    const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
    for (const note of notes) {
      const times = items.filter((li) => squash(li.textContent ?? '').includes(note)).length;
      if (times > 1) out.push({ page, note: note.slice(0, 60), times });
    }
  }
  return out;
}

/** Every HTML page of a built folder. */
export function checkSite(siteDir: string, rows: readonly InferredRow[]): MarkInstance[] {
  return filesUnder(siteDir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => checkPage(readFileSync(join(siteDir, f), 'utf8'), f, rows));
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const rows = inferredRows(resolve(process.env.DATA_DIR ?? 'data'));
  const found = checkSite(dir, rows);
  const bad = found.filter((f) => !f.marked);
  for (const b of bad) console.log(`${b.page}: ${b.key}: ${b.problem}`);
  const repeated = filesUnder(dir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => repeatedNotes(readFileSync(join(dir, f), 'utf8'), f, rows));
  for (const r of repeated) console.log(`${r.page}: a note said ${r.times} times in one list: ${r.note}`);
  console.log(
    `${found.length} rendered instances of inferred rows, ${bad.length} unmarked; ${repeated.length} notes repeated in a list.`,
  );
  process.exitCode = bad.length > 0 || repeated.length > 0 ? 1 : 0;
}
