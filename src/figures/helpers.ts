/**
 * What the figure families share: reading the validated datasets, looking up labels, and turning a
 * figure's rows into its sources (dataset + report section and page), status markers, footnotes and
 * checked claims. `observationFigure()` assembles the parts every observation-based figure returns.
 */
import type { ChartOptions, Layout } from '../charts/render.ts';
import { EDITION_COLUMN } from '../data/catalog.ts';
import { currentRows } from '../data/editions.ts';
import { getCatalog, getClaims, getDataset } from '../data/index.ts';
import type { ClaimRow } from '../schemas/claims.ts';
import { formatChange, formatValue } from '../lib/format.ts';
import type { Period } from '../lib/period.ts';
import { comparePeriods } from '../lib/period.ts';
import { withBase } from '../lib/url.ts';
import type { Status } from '../schemas/common.ts';
import { statusLabel } from '../data/lookup.ts';
import type { AreaRow, MeasureRow, SectionRow, ThemeRow } from '../schemas/reference.ts';
import { formatLineRange, type LineRange } from '../schemas/source-lines.ts';
import { pagesOfLines, sectionOfLine } from '../data/source-index.ts';
import { citedCell, citedRanges, FIRST_SOURCE_ID, splitCited } from '../lib/source-links.ts';
import { revisionsFor } from './revisions.ts';
import type { FigureCsv, FigureFootnote, FigureMarker, FigureParts, FigureSource } from './types.ts';

export interface Obs {
  area: string;
  period: Period;
  measure: string;
  value: number;
  unit: string;
  status: Status;
  notes?: string[];
  source_section: string;
  /** Lines of the report's text that state the value. */
  source_lines?: LineRange;
}

/** The `source_lines` of the given rows, distinct, in text order (a table row's "Show in the report"). */
export function cite(...list: { source_lines?: LineRange | undefined; source?: string | undefined }[]): string[] {
  const out = [
    ...new Set(list.flatMap((r) => (r.source_lines ? [citedCell(formatLineRange(r.source_lines), r.source)] : []))),
  ];
  const first = (cell: string) => parseInt(splitCited(cell).lines, 10);
  return out.sort((a, b) => first(a) - first(b));
}

/**
 * A dataset's rows as a figure draws them: where two editions print a value for the same area, period
 * and measure, only the current one (the later edition, src/data/editions.ts); the revision is shown
 * beside it in the dataset's table and the theme page's "Since the last report" block.
 */
export function rows<T>(id: string): T[] {
  const dataset = getDataset(id);
  const current = new Set(currentRows(dataset, getCatalog()));
  return dataset.rows.filter((r) => current.has(r)).map((r) => r.value as T);
}

const lookups = new Map<string, Map<string, unknown>>();

/** Rows of a reference dataset by id (built once per build). */
export function lookup<T extends { id: string }>(id: string): Map<string, T> {
  let map = lookups.get(id);
  if (!map) {
    map = new Map(rows<T>(id).map((r) => [r.id, r]));
    lookups.set(id, map);
  }
  return map as Map<string, T>;
}

let claims: ReturnType<typeof getClaims> | undefined;

function checkedResults(): ReturnType<typeof getClaims> {
  claims ??= getClaims();
  return claims;
}

export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Figure data missing: ${what}`);
  return value;
}

export function measureLabel(id: string): string {
  return must(lookup<MeasureRow>('measures').get(id), `measure ${id}`).label;
}

export function areaName(id: string): string {
  return must(lookup<AreaRow>('areas').get(id), `area ${id}`).name;
}

export function obs(dataset: string, filter: (r: Obs) => boolean): Obs[] {
  return rows<Obs>(dataset)
    .filter(filter)
    .sort((a, b) => comparePeriods(a.period, b.period));
}

type SourceInput = {
  dataset: string;
  section: string;
  lines?: string | LineRange | undefined;
  source?: string | undefined;
};
type CitedPair = SourceInput & { lines?: string | LineRange | undefined };

/** A cell's line text, whether written or parsed. */
const cellText = (lines: string | LineRange | undefined): string =>
  typeof lines === 'object' ? formatLineRange(lines) : (lines ?? '');

/**
 * Each cited passage (each range of a `;`-separated cell) named under the section that holds it in
 * its own source (by its first non-blank line), not the section the row is filed under; a passage the
 * source page does not place keeps the row's.
 */
function citedPairs(input: readonly SourceInput[], sections: Map<string, SectionRow>): CitedPair[] {
  return input.flatMap((p) => {
    const parts = citedRanges(cellText(p.lines));
    if (parts.length === 0) return [p];
    return parts.map((lines) => {
      const [start, end = start] = lines.split('-').map(Number) as [number, number?];
      let section: string | undefined;
      for (let n = start; n <= end && !section; n++) section = sectionOfLine(n, p.source);
      return { ...p, lines, section: section && sections.has(section) ? section : p.section };
    });
  });
}

/**
 * The passages some rows of one source cite, in text order, and the pages those lines are on in that
 * source: a printed page number is computed from the cited lines, never the section's first page.
 */
function citedBy(rows: readonly CitedPair[], source: string | undefined): { lines: string[]; pages: number[] } {
  const cells = rows.map((r) => cellText(r.lines)).filter(Boolean);
  const lines = [...new Set(cells.flatMap((c) => citedRanges(c)))].sort(
    (a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b),
  );
  return { lines, pages: pagesOfLines(lines, source) };
}

const span = (pages: number[], fallback: number[]) => {
  const use = pages.length > 0 ? pages : fallback;
  return { page: Math.min(...use), pageEnd: Math.max(...use), pages: use };
};

/** The source entries of one dataset's rows from one source document. */
function sourcesOfOne(
  dataset: string,
  source: string | undefined,
  mine: readonly CitedPair[],
  sections: Map<string, SectionRow>,
): FigureSource[] {
  const ids = [...new Set(mine.map((p) => p.section))];
  const own = ids.map((id) => must(sections.get(id), `section ${id}`));
  const datasetTitle = getDataset(dataset).meta.title;
  // The first report is where a link without a source goes: only another source is named.
  const from = source && source !== FIRST_SOURCE_ID ? { source } : {};
  if (own.length > 3) {
    // Many sections (governance, activities): one entry naming how many, with the pages of its lines.
    const cited = citedBy(mine, source);
    return [
      {
        dataset,
        datasetTitle,
        section: '',
        sectionTitle: `${own.length} sections of the report`,
        lines: cited.lines,
        ...span(
          cited.pages,
          own.map((x) => x.page),
        ),
        ...from,
      },
    ];
  }
  return own.map((x) => {
    const cited = citedBy(
      mine.filter((p) => p.section === x.id),
      source,
    );
    return {
      dataset,
      datasetTitle,
      section: x.id,
      sectionTitle: x.title,
      lines: cited.lines,
      ...span(cited.pages, [x.page]),
      ...from,
    };
  });
}

/** A figure's sources: per dataset and source document, the sections, passages and pages its rows cite. */
export function sourcesFor(input: SourceInput[]): FigureSource[] {
  const sections = lookup<SectionRow>('sections');
  const pairs = citedPairs(input, sections);
  return [...new Set(pairs.map((p) => p.dataset))].flatMap((dataset) => {
    const mine = pairs.filter((p) => p.dataset === dataset);
    return [...new Set(mine.map((p) => p.source))].flatMap((source) =>
      sourcesOfOne(
        dataset,
        source,
        mine.filter((p) => p.source === source),
        sections,
      ),
    );
  });
}

export function markersFor(dataset: string, statuses: Status[]): FigureMarker[] {
  return [...new Set(statuses)]
    .filter((s) => s !== 'reported')
    .map((s) => ({ status: s, label: statusLabel(dataset, s) }));
}

export function footnotesFor(dataset: string, ids: (string[] | undefined)[]): FigureFootnote[] {
  const all = new Map(getDataset(dataset).meta.footnotes.map((f) => [f.id, f.text]));
  const wanted = [...new Set(ids.flatMap((x) => x ?? []))];
  return wanted.map((id) => ({ id, text: must(all.get(id), `footnote ${id} in ${dataset}`) }));
}

/**
 * A row's key in its dataset without the edition (`north-worcestershire|2017/18|hate-offences`), as
 * data/claims.csv names rows; the edition is compared on its own (`ShownChange.source`).
 */
export function keyOf(dataset: string, row: object): string {
  const cells = row as Record<string, unknown>;
  return getDataset(dataset)
    .meta.primaryKey.filter((c) => c !== EDITION_COLUMN)
    .map((c) => {
      const v = cells[c];
      return v && typeof v === 'object' && 'id' in v ? String(v.id) : String(v ?? '');
    })
    .join('|');
}

/** A change a figure shows: from the `baseline` row to the `subject` row (both primary keys). */
export interface ShownChange {
  subject: string;
  baseline: string;
  /** The edition of the subject row, when the dataset has editions: a claim counts only in its own source. */
  source?: string;
}

/** Whether a claim is about this shown change: the same pair of rows, in the same edition. */
function claimIsAbout(claim: ClaimRow, s: ShownChange): boolean {
  const edition = (claim as { source?: string }).source;
  return (
    s.subject === claim.subject &&
    s.baseline === claim.baseline &&
    (s.source === undefined || edition === undefined || s.source === edition)
  );
}

/** The changes a figure shows, from the first to the last row of each series (rows in period order). */
export function shownChanges(dataset: string, series: readonly (readonly object[])[]): ShownChange[] {
  return series.flatMap((own) => {
    const first = own[0];
    const last = own[own.length - 1];
    const source = (last as { source?: unknown } | undefined)?.source;
    return first && last && first !== last
      ? [
          {
            baseline: keyOf(dataset, first),
            subject: keyOf(dataset, last),
            ...(typeof source === 'string' ? { source } : {}),
          },
        ]
      : [];
  });
}

/** Whether the report states (and the data reproduces) a change of this kind for exactly this pair of rows. */
export function isStated(dataset: string, pair: ShownChange | undefined, kind: ClaimRow['kind']): boolean {
  return (
    pair !== undefined &&
    checkedResults().some(
      (c) => c.ok && c.claim.dataset === dataset && c.claim.kind === kind && claimIsAbout(c.claim, pair),
    )
  );
}

/**
 * Claims of a dataset that agree: `exact` ones print a figure (checked, ✓), `direction` ones only a
 * direction (agreed, in words). With `shown`, only a claim about exactly one of those pairs of rows
 * counts (issue #23): a claim about 2016/17 to 2017/18 marks nothing on a figure that shows the
 * change from 2016/17 to 2018/19.
 */
/** A claim's stated figure as the site prints it ("+6.3%", "£106,000"), or its direction when it gives only that. */
export function claimStatedText(claim: Pick<ClaimRow, 'stated_value' | 'stated_direction' | 'unit'>): string {
  return claim.stated_value === undefined
    ? (claim.stated_direction ?? '')
    : claim.unit === 'percent-change'
      ? formatChange(claim.stated_value, 'percent', 1)
      : claim.unit === 'percent'
        ? formatValue(claim.stated_value, 'percent', 1)
        : formatValue(claim.stated_value, claim.unit === 'gbp' ? 'gbp' : 'count');
}

export function checkedClaims(
  dataset: string,
  describe: (claimId: string, stated: string, claim: ClaimRow) => string | undefined,
  which: 'exact' | 'direction' = 'exact',
  shown?: readonly ShownChange[],
): string[] {
  return checkedResults()
    .filter((c) => c.ok && c.claim.dataset === dataset && (which === 'direction') === (c.claim.kind === 'direction'))
    .filter((c) => !shown || shown.some((s) => claimIsAbout(c.claim, s)))
    .flatMap((c) => {
      const text = describe(c.claim.id, claimStatedText(c.claim), c.claim);
      return text ? [text] : [];
    });
}

export function themeInfo(theme: string): { themeTitle: string; themeUrl: string } {
  const t = must(lookup<ThemeRow>('themes').get(theme), `theme ${theme}`);
  return { themeTitle: t.title, themeUrl: withBase(`/themes/${theme}/`) };
}

export function render<Row>(
  fn: (rows: readonly Row[], o: ChartOptions) => string,
  data: readonly Row[],
  base: Omit<ChartOptions, 'layout'>,
): Record<Layout, string> {
  return { wide: fn(data, { ...base, layout: 'wide' }), narrow: fn(data, { ...base, layout: 'narrow' }) };
}

export function obsCsv(list: Obs[]): FigureCsv {
  return {
    columns: ['area', 'period', 'measure', 'value', 'unit', 'status', 'source_section'],
    rows: list.map((r) => [r.area, r.period.id, r.measure, r.value, r.unit, r.status, r.source_section]),
  };
}

/** A row that names its report section, status and footnotes (observations and spending rows). */
export interface SourcedRow {
  status: Status;
  notes?: string[] | undefined;
  source_section: string;
  /** The lines it cites: its page in the figure's source line is computed from them. */
  source_lines?: LineRange | string | undefined;
  /** The source document (a sources.csv id) the lines are counted in. */
  source?: string | undefined;
}

/**
 * A figure drawn from the rows of one dataset: its sources, status markers and footnotes all come
 * from those rows, so a family builder only writes what is particular to it.
 */
export function observationFigure(
  dataset: string,
  data: readonly SourcedRow[],
  parts: Omit<FigureParts, 'sources' | 'markers' | 'footnotes'>,
): FigureParts {
  const { checked, ...rest } = parts;
  // A revised value is said in the text summary too, shown with every view and area.
  const revisions = revisionsFor(dataset, data);
  const summary = [...rest.summary, ...revisions.map((r) => `${r.text}.`)];
  const summaryFor = rest.summaryFor && [...rest.summaryFor, ...revisions.map(() => undefined)];
  return {
    ...rest,
    summary,
    ...(summaryFor ? { summaryFor } : {}),
    ...(revisions.length > 0 ? { revisions } : {}),
    sources: sourcesFor(
      data.map((r) => ({ dataset, section: r.source_section, lines: r.source_lines, source: r.source })),
    ),
    markers: markersFor(
      dataset,
      data.map((r) => r.status),
    ),
    footnotes: footnotesFor(
      dataset,
      data.map((r) => r.notes),
    ),
    checked,
  };
}

/**
 * The chart prints the change and its percentage: it says which part is ours (issue #24 class 5).
 * Nothing with one period, or when the report prints both.
 */
export function oursNote(
  periods: number,
  statedDiff: boolean,
  statedPct: boolean,
  several = false,
): string | undefined {
  const [diff, pct, change, are] = several
    ? ['differences', 'percentages', 'changes', 'are']
    : ['difference', 'percentage', 'change', 'is'];
  return periods < 2 || (statedDiff && statedPct)
    ? undefined
    : `The ${statedDiff ? pct : statedPct ? diff : change} ${are} our calculation.`;
}
