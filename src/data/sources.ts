/**
 * The source documents (`data/sources.csv`): each row names a text in `data/source/` and its SHA-256.
 * `readSources` reads every text a catalog's sources list and checks it byte by byte: the digest, strict
 * UTF-8, no control characters but newline and tab. A text whose digest differs is reported once, by
 * name, and the rows that cite it are not checked against it (a changed report would otherwise blame
 * every row). Each text comes with its passages (the blocks of its reading order, or its paragraphs
 * when it has none) and, where a reading order says so, the section each line belongs to.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Catalog, LoadedRow } from './catalog.ts';
import { MAX_READING_ORDER_BYTES, MAX_REPORT_BYTES, oversize } from './limits.ts';
import type { Problem } from './problems.ts';
import { blockLines, checkReadingOrder, parseReadingOrder, type Block } from './reading-order.ts';
import { FIRST_SOURCE, isBlank, parseReport, SOURCE_FOLDER, type Report } from './source.ts';

export interface SourceText {
  id: string;
  title: string;
  /** As in sources.csv: `2018`, `2018-07` or `2018-07-12`. */
  published: string;
  /** Position in sources.csv (0 first): breaks a tie between two editions published in the same month. */
  order: number;
  /** The text's file relative to `data/source/`. */
  file: string;
  /** The parsed text, or undefined when it could not be read or has changed (see `changed`). */
  report: Report | undefined;
  /** True when the file's digest differs from the one recorded in sources.csv. */
  changed: boolean;
  /** The reading order's blocks, when the source has one. */
  blocks: Block[] | undefined;
  /** Line number -> the passage it belongs to (a block, or a paragraph when there is no reading order). */
  passages: Map<number, number[]>;
  /** Line number -> section id, when a reading order says so. */
  sections: Map<number, string> | undefined;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Line and column (1-based, in characters) of a character index in a text. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
}

/** The first byte where a text is not UTF-8, as line:column, or undefined when it all decodes. */
function badUtf8(bytes: Uint8Array): { line: number; column: number } | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Find the first byte that does not decode, by decoding ever longer prefixes of whole lines.
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          return { line, column: 1 };
        }
        start = i + 1;
        line += 1;
      }
    }
    return { line, column: 1 };
  }
}

/** Passages from a reading order: each line maps to all the lines of its block. */
function blockPassages(blocks: Block[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const block of blocks) {
    const lines = blockLines(block);
    for (const n of lines) map.set(n, lines);
  }
  return map;
}

/** Passages from the text's own order: runs of non-blank lines (paragraphs). */
function paragraphPassages(report: Report): Map<number, number[]> {
  const map = new Map<number, number[]>();
  let run: number[] = [];
  const close = () => {
    for (const n of run) map.set(n, run);
    run = [];
  };
  report.lines.forEach((line, i) => {
    if (isBlank(line)) close();
    else run.push(i + 1);
  });
  close();
  return map;
}

type SourceRow = LoadedRow;
interface SourceContext {
  dataDir: string;
  /** data/sources.csv as shown in messages. */
  listPath: string;
  sectionRows: readonly SourceRow[];
  problems: Problem[];
}

/** The bytes of a source's text, or undefined (with a problem) when it is missing or too large. */
function readTextBytes(path: string, id: string, row: SourceRow, ctx: SourceContext): Buffer | undefined {
  const shown = display(path);
  try {
    if (!lstatSync(path).isFile()) throw new Error('not a file');
    const big = oversize(path, shown, { bytes: MAX_REPORT_BYTES, what: `the text of "${id}"` });
    if (big) {
      ctx.problems.push(big);
      return undefined;
    }
    return readFileSync(path);
  } catch {
    ctx.problems.push({ file: shown, expected: `the text of "${id}" (named in ${ctx.listPath} line ${row.line}, column file)`, found: 'no such file' });
    return undefined;
  }
}

/** The text's content when its digest is the recorded one and it is clean UTF-8 without control characters. */
function checkedContent(bytes: Buffer, shown: string, text: SourceText, row: SourceRow, ctx: SourceContext): string | undefined {
  const digest = sha256(bytes);
  if (digest !== row.raw.sha256) {
    text.changed = true;
    ctx.problems.push({
      file: shown,
      expected: `the text of "${text.id}" whose SHA-256 is ${row.raw.sha256} (${ctx.listPath} line ${row.line}, column sha256)`,
      found: `a different text, SHA-256 ${digest}. A source text must not change silently: restore it (git checkout ${shown}), or, if the new text is deliberate, put ${digest} in the sha256 cell of ${ctx.listPath} line ${row.line}; its rows were not checked against the changed text`,
    });
    return undefined;
  }
  const bad = badUtf8(bytes);
  if (bad) {
    ctx.problems.push({ file: shown, line: bad.line, columnNumber: bad.column, expected: 'text in UTF-8', found: 'bytes that are not UTF-8' });
    return undefined;
  }
  const content = bytes.toString('utf8');
  const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(content);
  if (control) {
    const { line, column } = position(content, control.index);
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    ctx.problems.push({ file: shown, line, columnNumber: column, expected: 'text with no control characters other than newline and tab', found: `U+${code}` });
    return undefined;
  }
  return content;
}

/** The text of a source's reading order, or undefined (with a problem) when it is missing or too large. */
function readOrderText(orderPath: string, row: SourceRow, ctx: SourceContext): string | undefined {
  try {
    const big = oversize(orderPath, display(orderPath), { bytes: MAX_READING_ORDER_BYTES, what: 'the reading order' });
    if (big) {
      ctx.problems.push(big);
      return undefined;
    }
    return readFileSync(orderPath, 'utf8');
  } catch {
    ctx.problems.push({ file: ctx.listPath, line: row.line, column: 'reading_order', columnNumber: 9, expected: `the reading order at ${display(orderPath)}, or an empty cell`, found: 'no such file' });
    return undefined;
  }
}

/** Apply a source's reading order (when it names one and it checks out): its blocks, passages and sections. */
function applyReadingOrder(text: SourceText, report: Report, row: SourceRow, ctx: SourceContext): void {
  const readingOrder = row.raw.reading_order;
  if (!readingOrder) return;
  const orderPath = join(ctx.dataDir, SOURCE_FOLDER, readingOrder);
  const orderText = readOrderText(orderPath, row, ctx);
  if (orderText === undefined) return;
  const { blocks, problems: orderProblems } = parseReadingOrder(orderText, display(orderPath));
  const own = new Map(ctx.sectionRows.filter((r) => (r.raw.source ?? FIRST_SOURCE) === text.id).map((r) => [r.raw.id!, { page: Number(r.raw.page) }]));
  // One at a time: one problem per unplaced line can be many thousands, too many to spread into push().
  for (const p of checkReadingOrder(blocks, report, own, display(orderPath))) orderProblems.push(p);
  if (orderProblems.length > 0) {
    for (const p of orderProblems) ctx.problems.push(p);
    return;
  }
  text.blocks = blocks;
  text.passages = new Map([...text.passages, ...blockPassages(blocks)]);
  text.sections = new Map(blocks.flatMap((b) => blockLines(b).map((n) => [n, b.section] as const)));
}

/** Read and check one row of sources.csv: its text, then its reading order. */
function readSource(row: SourceRow, order: number, ctx: SourceContext): SourceText {
  const raw = row.raw;
  const id = raw.id!;
  const file = raw.file!;
  const path = join(ctx.dataDir, SOURCE_FOLDER, file);
  const text: SourceText = { id, title: raw.title!, published: raw.published!, order, file, report: undefined, changed: false, blocks: undefined, passages: new Map(), sections: undefined };
  const bytes = readTextBytes(path, id, row, ctx);
  if (!bytes) return text;
  const shown = display(path);
  const content = checkedContent(bytes, shown, text, row, ctx);
  if (content === undefined) return text;
  const report = parseReport(content, shown);
  text.report = report;
  text.passages = paragraphPassages(report);
  applyReadingOrder(text, report, row, ctx);
  return text;
}

/**
 * Read and check every source named in the catalog's `sources` dataset. Without a `sources` dataset
 * (older fixtures), nothing is read. Problems are data problems (file:line:column, expected, found).
 */
export function readSources(catalog: Catalog, dataDir: string): { texts: Map<string, SourceText>; problems: Problem[] } {
  const texts = new Map<string, SourceText>();
  const problems: Problem[] = [];
  const dataset = catalog.get('sources');
  if (!dataset) return { texts, problems };
  const ctx: SourceContext = { dataDir, listPath: dataset.path, sectionRows: catalog.get('sections')?.rows ?? [], problems };
  dataset.rows.forEach((row, order) => texts.set(row.raw.id!, readSource(row, order, ctx)));
  return { texts, problems };
}

/** Files in `data/source/` that the sources dataset names (its texts and reading orders), as `source/<file>`. */
export function namedSourceFiles(catalog: Catalog): string[] {
  return (catalog.get('sources')?.rows ?? []).flatMap((r) => [r.raw.file, r.raw.reading_order].filter((f): f is string => Boolean(f)).map((f) => `${SOURCE_FOLDER}/${f}`));
}
