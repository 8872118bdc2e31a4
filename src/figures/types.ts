/** What a figure is: the shapes every figure builder returns and the Figure component renders. */
import type { ActivityItem } from '../charts/activities.ts';
import type { Layout } from '../charts/render.ts';
import type { Status } from '../schemas/common.ts';

export interface FigureView {
  id: string;
  label: string;
  /** The whole view (the page shows it unless `parts` is given; downloads use the first view's). */
  svg: Record<Layout, string>;
  /** One SVG for every width (in `svg.wide`; the governance map), not a wide and a narrow layout. */
  single?: boolean;
  /**
   * The view drawn as one small SVG per facet value (e.g. per area, on one shared scale): the page
   * shows these instead of `svg`, and the facet switch hides the ones not chosen (docs/exploration.md).
   */
  parts?: FigurePart[];
  /** What the live region says when the view is chosen ("counts"); the label, lower-cased, by default. */
  says?: string;
  /** A caution shown under the view as text (e.g. small numbers), when it is not drawn in the parts. */
  note?: string;
}

export interface FigurePart {
  /** The facet value this part shows (e.g. `north`). */
  facet: string;
  svg: Record<Layout, string>;
}

/** A switch that narrows every view to one facet value (e.g. North / South / both), kept in `?area=`. */
export interface FigureFacet {
  key: 'area';
  label: string;
  /** The first option is the default and shows every part (`all`). */
  options: {
    value: string;
    label: string;
    /** What the live region says, e.g. "North Worcestershire only". */ says?: string;
  }[];
}

export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface FigureTable {
  caption: string;
  columns: TableColumn[];
  /** Formatted cells (en-GB), one object per row keyed by column. */
  rows: Record<string, string>[];
  /** Optional attributes per row for the client filters (e.g. data-theme). */
  rowData?: Record<string, string>[];
  /** Per row, the lines of the report (`source_lines`) its figures come from: "Show in the report". */
  rowSources?: string[][];
}

export interface FigureCsv {
  columns: string[];
  rows: (string | number)[][];
}

export interface FigureSource {
  dataset: string;
  datasetTitle: string;
  /** Section id, or empty when several sections are summarised as one entry. */
  section: string;
  sectionTitle: string;
  /** First and last page of the lines the figure's rows cite (or of the sections, when no row cites lines). */
  page: number;
  pageEnd?: number;
  /** Every page those lines are on, ascending (printed with `pagesLabel`). */
  pages?: number[];
  /** The passages the figure's rows cite (each range of a `;`-separated cell), in the order of the text. */
  lines?: string[];
  /** The source document (a sources.csv id) the lines are counted in; none: the first report. */
  source?: string;
}

/** A revised value a figure shows: the later edition's value, and the passage of each edition. */
export interface FigureRevision {
  /** "North Worcestershire hate offences, 2017/18: 340 (revised from 338 in <earlier title>)". */
  text: string;
  now: { lines: string; source: string; title: string };
  before: { lines: string; source: string; title: string };
}

export interface FigureMarker {
  status: Status;
  label: string;
}

export interface FigureFootnote {
  id: string;
  text: string;
}

export interface FilterControl {
  key: string;
  label: string;
  /** The first option is "any" (value ''). */
  options: { value: string; label: string }[];
}

/**
 * One piece of work in the activities explorer (src/figures/activities.ts), as its HTML shows it: the
 * chart's item (whose `period` is the period id, `2017/18`) and what the list adds. `periodSlug` is
 * the same period as a URL-safe slug (`2017-18`), the value of the explorer's period filter.
 */
export interface ExplorerItem extends ActivityItem {
  periodSlug: string;
  /** What is shown beside it: `periodLabel`, or "period not stated exactly" where the report gives no year. */
  periodShown: string;
  body: string;
  bodyName: string;
  /** 1-based index into `notes` when who did it is our reading (basis inferred), else undefined. */
  note?: number | undefined;
  /** The report's lines it comes from (`24-31`), for "Show in the report". */
  lines?: string | undefined;
  /** The source document (a sources.csv id) its lines are counted in. */
  source?: string | undefined;
  /** "September 2018", where the report gives a date. */
  date?: string | undefined;
}

/** The activities explorer: every item as HTML, grouped, with its filters (theme, period, status, body). */
export interface ActivityExplorer {
  total: number;
  /** One group per theme, in the themes' order. */
  groups: { key: string; label: string; items: ExplorerItem[] }[];
  filters: FilterControl[];
  /** Why each "our reading" attribution was made (the activities' basis notes, distinct). */
  notes: string[];
}

export type { EntryLink, EntryWork, GovernanceEntry } from './governance-data.ts';
import type { GovernanceEntry } from './governance-data.ts';

export interface FigureSpec {
  id: string;
  theme: string;
  themeTitle: string;
  /** Theme page URL (with base) and the figure's permalink. */
  themeUrl: string;
  permalink: string;
  /** The finding, in words a reader repeats ("Hate offences rose in both areas; …"), generated from the data. */
  title: string;
  /** What the chart measures ("Hate crime in North and South Worcestershire: recorded counts"), shown under a finding title. */
  subtitle?: string;
  takeaway: string;
  summary: string[];
  /**
   * The chart prints every number of the summary as text (change statements, stat tiles). The summary
   * is then kept for screen readers and the embed but hidden on screen, so each number shows once.
   */
  summaryInChart?: boolean;
  views: FigureView[];
  table: FigureTable;
  csv: FigureCsv;
  sources: FigureSource[];
  markers: FigureMarker[];
  footnotes: FigureFootnote[];
  /** Figures the report prints exactly that the build recomputed and found to agree (shown with ✓). */
  checked: string[];
  /** Directions the report states (no figure) that the data agrees with: shown in words, never with ✓. */
  agreed?: string[];
  /** Values a later edition revised, shown beside the figure's table and in its summary (src/figures/revisions.ts). */
  revisions?: FigureRevision[];
  /** The activities explorer's items and filters (src/components/figure/FigureActivities.astro). */
  explorer?: ActivityExplorer;
  facet?: FigureFacet;
  /**
   * Per summary paragraph, the area and the view it is about: with JavaScript it is shown only while
   * that area (or both) and that view are chosen; without, every paragraph is shown.
   */
  summaryFor?: ({ area?: string; view?: string } | undefined)[];
  /** The governance map's text alternative and legend (src/figures/governance-data.ts). */
  governance?: {
    tiers: { id: string; label: string; bodies: GovernanceEntry[] }[];
    kinds: string[];
    anyInferred: boolean;
    focus?: string;
    /** The narrow-screen panel of the focus body and its links (SVG), or ''. */
    hood: string;
  };
  licence: string;
}

/** What a figure family's builder returns; the index adds the theme title, URLs and licence. */
export type FigureParts = Pick<
  FigureSpec,
  | 'id'
  | 'theme'
  | 'title'
  | 'takeaway'
  | 'summary'
  | 'views'
  | 'table'
  | 'csv'
  | 'sources'
  | 'markers'
  | 'footnotes'
  | 'checked'
> &
  Partial<
    Pick<
      FigureSpec,
      'explorer' | 'governance' | 'agreed' | 'summaryInChart' | 'facet' | 'summaryFor' | 'subtitle' | 'revisions'
    >
  >;

/**
 * One figure as its family file declares it: `export const FIGURES: readonly FigureEntry[]` in any
 * file of src/figures/ (src/figures/index.ts finds them; no list to edit).
 */
export interface FigureEntry {
  /** The figure's id: its anchor, its `/embed/<id>/` page and its `/figures/<id>.csv|svg|png` downloads. */
  id: string;
  /** Its place on the figures page and in every list of figures (ascending; unique). */
  order: number;
  /** Computes the figure from the validated datasets. */
  build: () => FigureParts;
}
