/**
 * How to cite a dataset (or the whole data package): one plain-text line and a BibTeX `@misc` entry,
 * both naming the data version, the source report and section, the licence and the URL.
 */
import { LICENCE, PUBLISHER } from '../lib/site.ts';
import type { DatasetMeta } from '../schemas/meta.ts';
import type { Release } from './release.ts';

const SOURCE = 'Worcestershire County Council, Community Safety overview (Appendix 1)';

export interface CitationInput {
  /** Key part: a dataset id, or `data` for the whole package. */
  key: string;
  title: string;
  /** Where in the source, e.g. `section "…", page 5`; omitted for the whole package. */
  sourceDetail?: string;
  /** Absolute URL of the page to cite. */
  url: string;
  release: Pick<Release, 'version' | 'date'>;
}

/** The citation input for one dataset. */
export function datasetCitation(meta: DatasetMeta, url: string, release: Pick<Release, 'version' | 'date'>): CitationInput {
  const page = meta.source.page ? `, page ${meta.source.page}` : '';
  return { key: meta.id, title: meta.title, sourceDetail: `section "${meta.source.section}"${page}`, url, release };
}

export function citePlain(c: CitationInput): string {
  const year = c.release.date.slice(0, 4);
  const from = c.sourceDetail ? `${SOURCE}, ${c.sourceDetail}` : SOURCE;
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
  const from = c.sourceDetail ? `${SOURCE}, ${c.sourceDetail.replace(/"([^"]*)"/g, "``$1''")}` : SOURCE;
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
