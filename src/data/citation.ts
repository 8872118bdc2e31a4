/**
 * How to cite a dataset (or the whole data package): one plain-text line and a BibTeX `@misc` entry,
 * both naming the data version, each source document it is derived from (data/sources.csv) with the
 * section and page for a dataset, the licence and the URL.
 */
import { LICENCE, PUBLISHER } from '../lib/site.ts';
import { documentsCredit, type SourceCredit } from '../lib/source-credit.ts';
import type { DatasetMeta } from '../schemas/meta.ts';
import { documentParts } from './editions.ts';
import type { Release } from './release.ts';

export interface CitationInput {
  /** Key part: a dataset id, or `data` for the whole package. */
  key: string;
  title: string;
  /** What it is derived from: every source document, each with where in it (`…, section "…", page 5`) for a dataset. */
  from: string;
  /** Absolute URL of the page to cite. */
  url: string;
  release: Pick<Release, 'version' | 'date'>;
}

/** The citation input for the whole data package: every source document (data/sources.csv, in edition order). */
export function packageCitation(
  c: Omit<CitationInput, 'from'>,
  documents: readonly Pick<SourceCredit, 'publisher' | 'title'>[],
): CitationInput {
  return { ...c, from: documentsCredit(documents) };
}

/**
 * The citation input for one dataset: each document its rows come from, with its section and page;
 * a reference table (whose rows name no document) is derived from every document.
 */
export function datasetCitation(
  meta: DatasetMeta,
  url: string,
  release: Pick<Release, 'version' | 'date'>,
  documents: readonly Pick<SourceCredit, 'publisher' | 'title'>[],
): CitationInput {
  const page = (n: number | undefined) => (n ? `, page ${n}` : '');
  const from = (documentParts(meta) ?? [{ ...meta.source, document: documentsCredit(documents) }])
    .map((p) => `${p.document}, section "${p.section}"${page(p.page)}`)
    .join('; ');
  return { key: meta.id, title: meta.title, from, url, release };
}

export function citePlain(c: CitationInput): string {
  const year = c.release.date.slice(0, 4);
  const from = c.from;
  return `${PUBLISHER} (${year}). ${c.title} [dataset], version ${c.release.version}, released ${c.release.date}. Derived from ${from}. ${LICENCE.title}. ${c.url}`;
}

/** Escape the characters BibTeX treats specially. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${ch}`;
    }
  });
}

export function citeBibtex(c: CitationInput): string {
  const from = c.from.replace(/"([^"]*)"/g, "``$1''");
  const fields: Array<[string, string]> = [
    ['author', `{${bibtexEscape(PUBLISHER)}}`],
    ['title', `{${bibtexEscape(c.title)}}`],
    ['year', c.release.date.slice(0, 4)],
    ['version', bibtexEscape(c.release.version)],
    ['date', c.release.date],
    ['howpublished', 'Dataset (CSV and JSON)'],
    ['url', c.url],
    ['note', `Derived from ${bibtexEscape(from)}. ${bibtexEscape(LICENCE.title)}`],
  ];
  const key = `wcsn-${c.key}-${c.release.version.replace(/\./g, '-')}`;
  const width = Math.max(...fields.map(([name]) => name.length));
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n')}\n}`;
}
