/**
 * Every page of the site with what discovery needs to know about it: its path, kind, title and
 * description (for the search page's plain list), and its social card (title and headline figure).
 *
 * The card of each page is written to `/cards/<slug>.png` (src/pages/cards/[slug].png.ts) and named
 * in the page's `og:image` by the Base layout, which derives the slug from the page's own URL. A page
 * missing here has no card; the discovery tests build the site and fail for any page whose card
 * image does not exist.
 *
 * Pure apart from reading the validated datasets: the theme entries come in as an argument, so tests
 * need no Astro content collection.
 */
import type { CardSpec } from './social-card.ts';
import { SITE_NAME } from '../lib/site.ts';
import { dataDir, getCatalog, getDataset } from '../data/index.ts';
import { sourceCredits } from '../data/source-files.ts';
import { getSourceDocument } from '../data/source-index.ts';
import { siteYears, titleParts } from '../lib/source-credit.ts';
import { formatNumber } from '../lib/format.ts';
import { cardSlug } from '../lib/seo.ts';
import { firstElement, mdxTree } from '../lib/mdx-tree.ts';
import type { GlossaryRow } from '../schemas/glossary.ts';
import { findRow, formatRow, matchingRows, rowLabel } from '../data/lookup.ts';
import { FIGURE_IDS, getFigure } from '../figures/index.ts';
import { keyCountLabel, keyCountPeriod, keyFigureContext } from '../data/key-figure-words.ts';

export type PageKind = 'home' | 'theme' | 'dataset' | 'glossary' | 'chart' | 'page';

export interface SitePage {
  /** Path inside the site, without the base path or slashes at the ends (`themes/hate-crime`; home is ``). */
  path: string;
  kind: PageKind;
  title: string;
  description: string;
  /** Listed on the search page and indexed for search (not the 404 page, the neutral exit page or embeds). */
  listed: boolean;
  card: CardSpec;
}

/** What a theme page contributes (from the content collection). */
export interface ThemeInput {
  theme: string;
  title: string;
  summary: string;
  order: number;
  /** The MDX source of the page (its body). */
  body: string;
}

/** The first `<KeyFigure>` or `<KeyCount>` of an MDX page: its element name and string props. */
export function firstKeyFigure(
  mdx: string,
): { element: 'KeyFigure' | 'KeyCount'; props: Record<string, string> } | undefined {
  const first = firstElement(mdxTree(mdx), ['KeyFigure', 'KeyCount'] as const);
  return first && { element: first.name, props: first.props };
}

/**
 * What a theme's card shows: the first finding its prose states (the later row of its first
 * `<Change>`, read as a `<KeyFigure>`), which the page's lead chart draws; on a page that states no
 * change, the first `<Value>` of its prose; failing that, its first key figure. (Issue #25: key-figure cards no longer repeat the lead chart, so the
 * first card is often not the page's headline.)
 */
export function cardKeyFigure(
  mdx: string,
): { element: 'KeyFigure' | 'KeyCount'; props: Record<string, string> } | undefined {
  const tree = mdxTree(mdx);
  const change = firstElement(tree, ['Change'] as const);
  const { of, to } = change?.props ?? {};
  if (of && to) return { element: 'KeyFigure', props: { of, row: to } };
  // No change stated: the first value the prose gives (funding's largest line, Prevent's referrals).
  const value = firstElement(tree, ['Value'] as const);
  const { of: vOf, row } = value?.props ?? {};
  const card = firstKeyFigure(mdx);
  // The same row as the first key figure: the card words it as that card does (its label).
  if (card?.element === 'KeyFigure' && card.props['of'] === vOf && card.props['row'] === row) return card;
  return vOf && row ? { element: 'KeyFigure', props: { of: vOf, row } } : card;
}

/**
 * The card figure of a key figure element, worded as the page shows it: the value, its label (the
 * element's `label`, else the measure's), and where and when (as <KeyFigure> and <KeyCount> do).
 */
export function keyFigureCard(
  element: 'KeyFigure' | 'KeyCount',
  props: Record<string, string>,
  who: string,
): NonNullable<CardSpec['figure']> {
  const { of, label } = props;
  if (!of) throw new Error(`${who}: <${element}> has no "of"`);
  if (element === 'KeyCount') {
    if (!label) throw new Error(`${who}: <KeyCount> has no "label"`);
    const { of: _of, label: _label, singular, ...filters } = props;
    const n = matchingRows(of, filters, who).length;
    const when = keyCountPeriod(filters.period, who);
    return { value: formatNumber(n), label: keyCountLabel(n, label, singular), ...(when ? { context: when } : {}) };
  }
  if (!props.row) throw new Error(`${who}: <KeyFigure> has no "row"`);
  const row = findRow(of, props.row, who);
  return { value: formatRow(row), label: label ?? rowLabel(row), context: keyFigureContext(row) };
}

/** Fixed pages: path, title (as the page's <h1> says), description and card line. */
const FIXED: Array<Omit<SitePage, 'card'> & { text?: string }> = [
  {
    path: '',
    kind: 'home',
    title: SITE_NAME,
    description:
      'Plain-English explainers and downloadable data from Worcestershire County Council’s community safety report.',
    listed: true,
  },
  {
    path: 'themes',
    kind: 'page',
    title: 'Themes',
    description: 'Every theme covered by the site, each explained in plain English with its figures.',
    listed: true,
  },
  {
    path: 'data',
    kind: 'page',
    title: 'Data',
    description: 'Every dataset behind the site as clean CSV and JSON, with column dictionaries, sources and caveats.',
    listed: true,
  },
  {
    path: 'data/changelog',
    kind: 'page',
    title: 'Data changelog',
    description: 'Every version of the site’s data: what was added, corrected, changed or withdrawn, and when.',
    listed: true,
  },
  {
    path: 'figures',
    kind: 'page',
    title: 'All figures',
    description: 'Every chart on the site, each with its table, summary, source and downloads.',
    listed: true,
  },
  {
    path: 'glossary',
    kind: 'glossary',
    title: 'Glossary',
    description: 'The terms and abbreviations used on this site, explained in plain English.',
    listed: true,
  },
  {
    path: 'source',
    kind: 'page',
    title: 'The report',
    // Made from the first document's row of data/sources.csv (firstSourceDescription).
    description: '',
    listed: true,
  },
  {
    path: 'about',
    kind: 'page',
    title: 'About the figures',
    description: 'Where the figures come from, how they were checked, and what they can and cannot tell you.',
    listed: true,
  },
  {
    path: 'search',
    kind: 'page',
    title: 'Search',
    description: 'Search the theme pages, datasets and glossary, or browse a list of every page.',
    listed: false,
  },
  { path: '404', kind: 'page', title: 'Page not found', description: 'This page could not be found.', listed: false },
];

/**
 * One page per source document (data/sources.csv), titled and described as src/pages/sources/[id]
 * titles it: with one source, as the old /source/ page was.
 */
function sourcePages(first: Omit<SitePage, 'card'>, footer: string): SitePage[] {
  const rows = getCatalog().get('sources')?.rows ?? [];
  return rows.map((r) => {
    const title = rows.length === 1 ? first.title : r.raw.title!;
    const description =
      rows.length === 1
        ? first.description
        : `The full text of ${r.raw.publisher}'s ${r.raw.title}, in reading order, with every line numbered and linked to the data taken from it.`;
    return {
      path: `sources/${r.raw.id}`,
      kind: 'page' as const,
      title,
      description,
      listed: true,
      card: { title, text: description, footer },
    };
  });
}

/** `/source/`, the first document's old address: "The full text of Worcestershire County Council’s Community Safety overview, …". */
function firstSourceDescription(): string {
  const first = getSourceDocument();
  return `The full text of ${first.publisher}’s ${titleParts(first.title).main}, in reading order, with every line numbered and linked to the data taken from it.`;
}

/** Every page of the site, in the order the search page lists them. */
export function sitePages(themes: ThemeInput[]): SitePage[] {
  const footer = SITE_NAME;
  const pages: SitePage[] = [];
  const [home, ...fixed] = FIXED;
  const { during, current } = siteYears(sourceCredits(dataDir()));
  if (home) {
    const text = `What Worcestershire’s council, police and partners did ${during} and were working on in ${current}, in plain English, with the data to download.`;
    pages.push({ ...home, card: { kicker: 'Community safety explained', title: home.title, text } });
  }

  for (const t of [...themes].sort((a, b) => a.order - b.order)) {
    const who = `content/themes/${t.theme}.mdx (social card)`;
    const first = cardKeyFigure(t.body);
    const figure = first ? keyFigureCard(first.element, first.props, who) : undefined;
    pages.push({
      path: `themes/${t.theme}`,
      kind: 'theme',
      title: t.title,
      description: t.summary,
      listed: true,
      card: { kicker: 'Theme', title: t.title, ...(figure ? { figure } : { text: t.summary }), footer },
    });
  }

  for (const [id] of getCatalog()) {
    const { meta, rows } = getDataset(id);
    pages.push({
      path: `data/${id}`,
      kind: 'dataset',
      title: meta.title,
      description: meta.description,
      listed: true,
      card: {
        kicker: 'Dataset',
        title: meta.title,
        figure: {
          value: formatNumber(rows.length),
          label: `${rows.length === 1 ? 'row' : 'rows'} of data, as CSV and JSON`,
          context: meta.period.label,
        },
        footer,
      },
    });
  }

  for (const fixedPage of fixed) {
    const p = fixedPage.path === 'source' ? { ...fixedPage, description: firstSourceDescription() } : fixedPage;
    // The report's page is one page per source document (/sources/<id>/); /source/ is the first one's old address.
    if (p.path === 'source') pages.push(...sourcePages(p, footer));
    pages.push({
      ...p,
      ...(p.path === 'source' ? { listed: false } : {}),
      card: { title: p.title, text: p.description, footer },
    });
  }

  for (const id of FIGURE_IDS) {
    const f = getFigure(id);
    pages.push({
      path: `embed/${id}`,
      kind: 'chart',
      title: f.title,
      description: f.takeaway,
      listed: false,
      card: { kicker: 'Chart', title: f.title, text: f.takeaway, footer },
    });
    // The compact embed (chart and source only) of the same figure.
    pages.push({
      path: `embed/compact/${id}`,
      kind: 'chart',
      title: f.title,
      description: f.takeaway,
      listed: false,
      card: { kicker: 'Chart', title: f.title, text: f.takeaway, footer },
    });
  }

  return pages;
}

/** Glossary terms in alphabetical order of the term. */
export function glossaryTerms(): GlossaryRow[] {
  return getDataset<GlossaryRow>('glossary')
    .rows.map((r) => r.value)
    .sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }));
}

/** Card slugs of every page, checked for duplicates. */
export function cardSlugs(pages: SitePage[]): Map<string, SitePage> {
  const bySlug = new Map<string, SitePage>();
  for (const p of pages) {
    const slug = cardSlug(p.path);
    if (bySlug.has(slug))
      throw new Error(`Two pages share the social card slug "${slug}": ${bySlug.get(slug)?.path} and ${p.path}`);
    bySlug.set(slug, p);
  }
  return bySlug;
}
