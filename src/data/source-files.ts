/**
 * The source texts that travel with the data (in the zip, its SHA256SUMS and datapackage.json), so a
 * row's `source_lines` can be checked offline: every text that `data/sources.csv` lists (its `file`
 * column, relative to `data/source/`), or, while there is no sources.csv, every `data/source/*.txt`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { attribution, inEditionOrder, type SourceCredit } from '../lib/source-credit.ts';

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

const credits = new Map<string, Array<SourceCredit & { file: string }>>();

/**
 * The documents of a data folder's `sources.csv` as the site names them (title, publisher,
 * published, covers), in edition order: what every attribution, citation and "Source:" line is made
 * from. Empty while there is no sources.csv.
 */
export function sourceCredits(dataDir: string): Array<SourceCredit & { file: string }> {
  const listed = join(dataDir, 'sources.csv');
  let found = credits.get(listed);
  if (!found) {
    const rows = existsSync(listed)
      ? (parse(readFileSync(listed, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>)
      : [];
    found = inEditionOrder(
      rows.map((r) => ({
        id: r.id ?? '',
        title: r.title ?? '',
        publisher: r.publisher ?? '',
        published: r.published ?? '',
        publishedInferred: r.published_basis === 'inferred',
        covers: (r.covers ?? '').split(';').filter((c) => c !== ''),
        file: r.file ?? '',
      })),
    );
    credits.set(listed, found);
  }
  return found;
}

/** The attribution the licence asks for, naming every document of a data folder's sources.csv. */
export function dataAttribution(dataDir: string): string {
  return attribution(sourceCredits(dataDir));
}
