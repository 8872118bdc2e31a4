/**
 * How the site names its source documents, in one place (issue #23): every "Source: …" line, every
 * attribution and citation is made here from the rows of data/sources.csv, passed in by the caller
 * (lib reads no data), never typed to match one edition.
 */
import { LICENCE } from './site.ts';
import { joinList, MONTHS } from './words.ts';

/** What naming a document needs: a row of data/sources.csv. */
export interface SourceCredit {
  id: string;
  title: string;
  publisher: string;
  /** A year, a month (`2019-07`) or a day. */
  published: string;
  /** True when the document prints no date and `published` is our reading (`published_basis`). */
  publishedInferred?: boolean;
  /** The financial years it covers, in order (`2017/18`, `2018/19`). */
  covers: readonly string[];
}

/** "Worcestershire County Council, Community Safety overview (Appendix 1)". */
export function documentCredit(d: Pick<SourceCredit, 'publisher' | 'title'>): string {
  return [d.publisher, d.title].filter(Boolean).join(', ');
}

/** Every document named, in edition order, joined by "; ". */
export function documentsCredit(docs: readonly Pick<SourceCredit, 'publisher' | 'title'>[]): string {
  return docs.map(documentCredit).join('; ');
}

/**
 * A title split for a `<cite>`: "Community Safety overview (Appendix 1)" is the title "Community
 * Safety overview" and the note "Appendix 1"; a title without a closing bracket has no note.
 */
export function titleParts(title: string): { main: string; note?: string } {
  const m = /^(.+?)\s+\(([^()]+)\)$/.exec(title);
  return m ? { main: m[1]!, note: m[2]! } : { main: title };
}

/** When a document was published, in words: "2018", "July 2019", "16 July 2019". */
export function publishedWords(published: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(published);
  if (!m) return published;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * A document's date in words, said as our reading when the document prints none: "July 2019", or
 * "2018 (our reading: the document is undated)".
 */
export function publishedWordsOf(d: Pick<SourceCredit, 'published' | 'publishedInferred'>): string {
  return `${publishedWords(d.published)}${d.publishedInferred ? ' (our reading: the document is undated)' : ''}`;
}

/** "covering 2017/18 and 2018/19" (the years a document covers, from its `covers` cell). */
export function coveringWords(d: Pick<SourceCredit, 'covers'>): string {
  return `covering ${joinList([...d.covers])}`;
}

/** The first and the last year a document covers: the year it looks back on and the year it describes. */
export function reviewAndCurrent(d: Pick<SourceCredit, 'covers'>): { review: string; current: string } {
  return { review: d.covers[0] ?? '', current: d.covers.at(-1) ?? '' };
}

/**
 * The latest edition: the last of documents given in edition order (by `published`, then by their
 * order in data/sources.csv, as src/data/editions.ts ranks them).
 */
export function latestDocument<T extends SourceCredit>(docs: readonly T[]): T {
  const last = docs.at(-1);
  if (!last) throw new Error('No source document: data/sources.csv has no rows');
  return last;
}

/** Documents in edition order: by `published`, then by their order in data/sources.csv. */
export function inEditionOrder<T extends Pick<SourceCredit, 'published'>>(docs: readonly T[]): T[] {
  return docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.published === b.d.published ? a.i - b.i : a.d.published < b.d.published ? -1 : 1))
    .map((x) => x.d);
}

/** The attribution the licence asks for, naming every source document ("Source: …" or "Sources: …; …"). */
export function attribution(docs: readonly Pick<SourceCredit, 'publisher' | 'title'>[]): string {
  return `Contains public sector information licensed under the ${LICENCE.title}. ${docs.length === 1 ? 'Source' : 'Sources'}: ${documentsCredit(docs)}.`;
}

/**
 * Every document with the years it covers: "Worcestershire County Council, Community Safety overview
 * (Appendix 1), covering 2017/18 and 2018/19"; with several, each also says when it was published
 * ("…, published July 2019, covering 2018/19 and 2019/20"), joined by "; ".
 */
export function documentsCovering(docs: readonly SourceCredit[]): string {
  return docs
    .map((d) =>
      [documentCredit(d), docs.length > 1 && d.published ? `published ${publishedWordsOf(d)}` : '', coveringWords(d)]
        .filter(Boolean)
        .join(', '),
    )
    .join('; ');
}

/** With several documents, what a reader of the data needs to know about editions (empty with one). */
export function editionsNote(docs: readonly SourceCredit[], where: { sources: string }): string {
  if (docs.length < 2) return '';
  return `Every row names the document it comes from (the source column, an id in ${where.sources}); where two documents give different values for the same figure, both rows are kept and the later document's is current.`;
}

/**
 * The years the whole site looks back on and describes, from documents in edition order: the
 * earliest's review year (to the latest's, when they differ: "2017/18 to 2018/19"; `during` is "in
 * 2017/18" or "from 2017/18 to 2018/19") and the latest's current year. With one document, its own two years.
 */
export function siteYears(docs: readonly SourceCredit[]): { review: string; current: string; during: string } {
  const first = reviewAndCurrent(docs[0] ?? latestDocument(docs));
  const last = reviewAndCurrent(latestDocument(docs));
  const one = first.review === last.review;
  return {
    review: one ? last.review : `${first.review} to ${last.review}`,
    current: last.current,
    during: one ? `in ${last.review}` : `from ${first.review} to ${last.review}`,
  };
}

/**
 * A document named in HTML, in three parts around its `<cite>`: "Worcestershire County Council, " +
 * "Community Safety overview" + " (Appendix 1)"; `possessive` gives "Worcestershire County Council’s "
 * + "Community Safety overview" (the bracket only with `bracket`).
 */
export function citeParts(
  d: Pick<SourceCredit, 'publisher' | 'title'>,
  options: { possessive?: string; bracket?: boolean } = {},
): { before: string; cite: string; after: string } {
  const { main, note } = titleParts(d.title);
  const bracket = options.bracket ?? !options.possessive;
  return {
    before: options.possessive ? `${d.publisher}${options.possessive}s ` : `${d.publisher}, `,
    cite: main,
    after: bracket && note ? ` (${note})` : '',
  };
}
