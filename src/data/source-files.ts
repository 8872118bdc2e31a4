/**
 * The source texts that travel with the data (in the zip, its SHA256SUMS and datapackage.json), so a
 * row's `source_lines` can be checked offline: every text that `data/sources.csv` lists (its `file`
 * column, relative to `data/source/`), or, while there is no sources.csv, every `data/source/*.txt`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface SourceText {
  /** The file's name inside `data/source/` (and `source/` in the zip). */
  file: string;
  bytes: Uint8Array;
}

/** The source texts of a data folder, sorted by file name. */
export function sourceTexts(dataDir: string): SourceText[] {
  const folder = join(dataDir, 'source');
  const listed = join(dataDir, 'sources.csv');
  let files: string[];
  if (existsSync(listed)) {
    const rows = parse(readFileSync(listed, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    files = rows.map((r) => r.file ?? '').filter((f) => f !== '');
  } else files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.txt')) : [];
  return [...new Set(files)].sort().map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(folder, file))) }));
}

/** Where a source text sits in the zip and beside the root datapackage.json. */
export const sourcePath = (file: string) => `data/source/${file}`;
