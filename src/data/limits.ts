/**
 * Every input the build reads has a size limit, checked before the file is read or parsed: a file far
 * larger than the site's real inputs is a mistake (or an attack on the build), and it would reach
 * readers whole. The limits, with the largest real input beside each (docs/validation.md, "Limits"):
 *
 *   data file (CSV)        50 MB    (largest real: a few KB; 1,000,000 short rows fit)
 *   metadata (.meta.json)  64 KB    (largest real: 5.6 KB)
 *   report text            1 MB     (real: 15 KB)
 *   reading order          256 KB   (real: a few KB)
 *   data changelog         256 KB
 *   theme page (MDX)       256 KB   (largest real: 6.8 KB)
 *   one cell               2,000 characters (longest real: about 300, a glossary definition)
 */
import { statSync } from 'node:fs';
import type { Problem } from './problems.ts';

const KB = 1024;
const MB = 1024 * 1024;

export const MAX_DATA_FILE_BYTES = 50 * MB;
export const MAX_META_BYTES = 64 * KB;
export const MAX_REPORT_BYTES = 1 * MB;
export const MAX_READING_ORDER_BYTES = 256 * KB;
export const MAX_CHANGELOG_BYTES = 256 * KB;
export const MAX_MDX_BYTES = 256 * KB;
export const MAX_CELL_CHARS = 2000;

/** The limit for a file in the data folder, by its path relative to that folder. */
export function dataFileLimit(rel: string): { bytes: number; what: string } {
  if (rel.endsWith('.meta.json')) return { bytes: MAX_META_BYTES, what: 'a metadata file' };
  if (rel === 'source/community-safety-overview.txt' || (rel.startsWith('source/') && rel.endsWith('.txt')))
    return { bytes: MAX_REPORT_BYTES, what: "the report's text" };
  if (rel === 'source/reading-order.csv') return { bytes: MAX_READING_ORDER_BYTES, what: 'the reading order' };
  if (rel === 'CHANGELOG.md' || rel.endsWith('.md')) return { bytes: MAX_CHANGELOG_BYTES, what: 'a note' };
  return { bytes: MAX_DATA_FILE_BYTES, what: 'a data file' };
}

export function sizeText(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`;
}

/** The problem for a file over its limit (from its size on disk, without reading it), or undefined. */
export function oversize(path: string, file: string, limit: { bytes: number; what: string }): Problem | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return undefined; // a missing file is reported where it is needed
  }
  if (size <= limit.bytes) return undefined;
  return {
    file,
    expected: `${limit.what} of at most ${sizeText(limit.bytes)} (the site's limit, docs/validation.md)`,
    found: `${sizeText(size)}; not read`,
  };
}
