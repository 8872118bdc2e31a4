/**
 * Reading a CSV file into raw string records with their physical line numbers, using csv-parse
 * (RFC 4180: quoted fields may hold commas, quotes and newlines).
 *
 * Tolerated and normalised (stated rules, tested): a UTF-8 byte-order mark at the start, CRLF, LF or
 * CR line ends (mixed in one file too), blank lines (including trailing ones). Rejected: bytes that
 * are not UTF-8, unbalanced quotes. See docs/validation.md.
 *
 * Line numbers are counted in one pass over the bytes as the records are walked in order, so the
 * time is linear in the file's size (a rescan per record made it quadratic).
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from './problems.ts';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  /** The cells, as strings. */
  cells: string[];
}

export type CsvResult = { ok: true; header: CsvRecord | undefined; records: CsvRecord[] } | { ok: false; problem: Problem };

// ignoreBOM keeps a byte-order mark in the text, so csv-parse's byte offsets match the file's bytes.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Find the first line whose bytes are not valid UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/**
 * UTF-16 text, with or without a byte-order mark: ASCII in UTF-16 is valid UTF-8 with a NUL between
 * letters, which would otherwise be reported as a strange header or a control character.
 */
export function utf16Problem(file: string, bytes: Uint8Array): Problem | undefined {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'little-endian' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'big-endian' : undefined;
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = n / 2;
  const guess = bom ?? (odd > half * 0.3 && even < odd / 4 ? 'little-endian' : even > half * 0.3 && odd < even / 4 ? 'big-endian' : undefined);
  if (!guess) return undefined;
  return {
    file,
    expected: 'UTF-8 text',
    found: `UTF-16 (${guess}, ${bom ? 'with' : 'without'} a byte-order mark${bom ? '' : ': every other byte is zero'}); save the file as UTF-8`,
  };
}

export function decodeUtf8(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  const utf16 = utf16Problem(file, bytes);
  if (utf16) return { ok: false, problem: utf16 };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, problem: { file, line: firstBadLine(bytes), expected: 'UTF-8 text', found: 'bytes that are not valid UTF-8 (save the file as UTF-8)' } };
  }
}

/** Counts lines while walking forward through the bytes; a line ends at LF, CRLF or a lone CR. */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (; at < offset; at++) {
      if (bytes[at] === 0x0a || (bytes[at] === 0x0d && bytes[at + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

export function parseCsv(file: string, bytes: Uint8Array): CsvResult {
  const decoded = decodeUtf8(file, bytes);
  if (!decoded.ok) return decoded;
  // Line numbers come from byte offsets, not from csv-parse's `lines`, which over-counts when a quoted
  // field holds CRLF. `bytes` is the UTF-8 offset just after each record's delimiter, so a record starts
  // where the previous one ended, after any blank lines. Records are built as they are parsed, so no
  // second array of csv-parse's own per-record objects is held.
  let previousEnd = 0;
  const lineAt = lineCounter(bytes);
  let records: CsvRecord[];
  try {
    // csv-parse's types do not allow on_record to return something other than a record; it may.
    records = (parse as unknown as (text: string, options: object) => CsvRecord[])(decoded.text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[], context: { bytes: number }): CsvRecord => {
        let start = previousEnd;
        while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
        previousEnd = context.bytes;
        return { line: lineAt(start), cells: record };
      },
    });
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return {
      ok: false,
      problem: { file, ...(e.lines !== undefined ? { line: e.lines } : {}), expected: 'well-formed CSV (RFC 4180)', found: `a parse error: ${e.message ?? String(error)}` },
    };
  }
  const header = records.shift();
  return { ok: true, header, records };
}
