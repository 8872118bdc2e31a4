/**
 * The activities explorer: the report's 2017/18 outcomes and 2018/19 activities, every one as HTML
 * text (what, status, year, who, where in the report) with filters by theme, period, status and body,
 * below a small overview chart of counts by theme, period and status. With a theme (the figure on a
 * theme page), the overview of that theme's work only: the page's own <Activities> list already shows
 * every item's text, so the figure does not list them a second time.
 */
import { activitiesOverview, STATUS_ORDER, type ActivityItem } from '../charts/activities.ts';
import { activitiesSummary, countsByPeriod } from '../charts/summaries.ts';
import { periodSlug } from '../universal/activity-filter.ts';
import { withReading } from '../lib/basis.ts';
import { comparePeriods } from '../lib/period.ts';
import { STATUS_LABELS } from '../lib/status-verbs.ts';
import { MONTHS, plural } from '../lib/words.ts';
import { otherSource } from '../lib/source-links.ts';
import type { ActivityRow, BodyRow } from '../schemas/governance.ts';
import type { ThemeRow } from '../schemas/reference.ts';
import { workPeriod } from '../data/source-index.ts';
import { activityPeriods } from '../data/lookup.ts';
import { lookup, rows, sourcesFor } from './helpers.ts';
import type { ActivityExplorer, ExplorerItem, FigureEntry, FigureParts, FilterControl } from './types.ts';

/** The statuses' labels (one place: src/lib/status-verbs.ts). */
export const STATUS_WORDS = STATUS_LABELS;

function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : date;
}

/** A select's options: "any" first, then each value present with its count, in the given order. */
function control(
  key: string,
  label: string,
  any: string,
  values: { value: string; label: string }[],
  count: (value: string) => number,
): FilterControl {
  return {
    key,
    label,
    options: [
      { value: '', label: any },
      ...values
        .filter((v) => count(v.value) > 0)
        .map((v) => ({ value: v.value, label: `${v.label} (${count(v.value)})` })),
    ],
  };
}

/** The explorer's items, groups, filters and notes (exported for the unit tests). */
export function explorerFor(
  ordered: readonly ActivityRow[],
  themes: readonly ThemeRow[],
  bodies: ReadonlyMap<string, BodyRow>,
): ActivityExplorer {
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  const notes: string[] = [];
  const items: ExplorerItem[] = ordered.map((a) => {
    let note: number | undefined;
    if (a.basis === 'inferred' && a.basis_note) {
      if (!notes.includes(a.basis_note)) notes.push(a.basis_note);
      note = notes.indexOf(a.basis_note) + 1;
    }
    return {
      ...activityItem(a, themeTitle, bodies),
      periodSlug: periodSlug(a.period.id),
      periodShown: workPeriod(a),
      body: a.body,
      bodyName: bodies.get(a.body)?.name ?? a.body,
      note,
      lines: a.source_lines || undefined,
      // Only another source is named: a link without one goes to the first report.
      ...otherSource(a.source),
      date: a.date ? formatDate(a.date) : undefined,
    };
  });
  const periods = [...new Map(items.map((i) => [i.periodSlug, i.periodLabel])).entries()];
  const groups = themes
    .filter((t) => items.some((i) => i.theme === t.id))
    .map((t) => ({ key: t.id, label: t.title, items: items.filter((i) => i.theme === t.id) }));
  const n = (key: keyof ExplorerItem) => (value: string) => items.filter((i) => i[key] === value).length;
  const bodyIds = [...new Set(items.map((i) => i.body))].sort(
    (a, b) => n('body')(b) - n('body')(a) || (bodies.get(a)?.name ?? a).localeCompare(bodies.get(b)?.name ?? b),
  );
  const filters = [
    control(
      'theme',
      'Theme',
      'All themes',
      themes.map((t) => ({ value: t.id, label: t.title })),
      n('theme'),
    ),
    control(
      'period',
      'Listed for',
      'Both years',
      periods.map(([value, label]) => ({ value, label })),
      n('periodSlug'),
    ),
    control(
      'status',
      'Status',
      'Any status',
      STATUS_ORDER.map((s) => ({ value: s, label: STATUS_WORDS[s] })),
      n('status'),
    ),
    control(
      'body',
      'Who',
      'Any body',
      bodyIds.map((b) => ({ value: b, label: bodies.get(b)?.name ?? b })),
      n('body'),
    ),
  ];
  return { total: items.length, groups, filters, notes };
}

/** Activities in theme order (as the themes are sorted), then by period, then by status. */
function orderActivities(data: readonly ActivityRow[], themes: readonly ThemeRow[]): ActivityRow[] {
  return [...data].sort(
    (a, b) =>
      themes.findIndex((t) => t.id === a.theme) - themes.findIndex((t) => t.id === b.theme) ||
      comparePeriods(a.period, b.period) ||
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
}

/** The chart's item for one activity: its theme, period and status in words, and who did it. */
function activityItem(
  a: ActivityRow,
  themeTitle: ReadonlyMap<string, string>,
  bodies: ReadonlyMap<string, BodyRow>,
): ActivityItem {
  return {
    id: a.id,
    theme: a.theme,
    themeLabel: themeTitle.get(a.theme) ?? a.theme,
    period: a.period.id,
    periodLabel: a.period.label,
    status: a.status,
    statusLabel: STATUS_WORDS[a.status],
    description: a.description,
    bodyLabel: withReading(bodies.get(a.body)?.name ?? a.body, a.basis),
    body: a.body,
    bullet: a.source_lines,
  };
}

type PeriodCounts = ReturnType<typeof countsByPeriod>;

/** How many pieces of work each period lists; on the explorer, what the list below shows. */
function activitiesTakeaway(byPeriod: PeriodCounts, theme: string | undefined): string {
  return `${upperFirstWord(byPeriod.map((p) => `${plural(p.total, 'piece of work is', 'pieces of work are')} listed for ${p.periodLabel}`).join(' and '))}.${theme ? '' : ' Each is listed below with its status and who did it, marked “our reading” where the report does not say.'}`;
}

/** The table: a row per theme with work, a column per period, each cell counted by status. */
function activitiesTable(
  title: string,
  byPeriod: PeriodCounts,
  themes: readonly ThemeRow[],
  items: readonly ActivityItem[],
): FigureParts['table'] {
  const usedThemes = themes.filter((t) => items.some((i) => i.theme === t.id));
  return {
    caption: `${title}: how many pieces of work, by status`,
    columns: [
      { key: 'theme', label: 'Theme' },
      ...byPeriod.map((p) => ({ key: p.period, label: `Listed for ${p.periodLabel}` })),
    ],
    rows: usedThemes.map((t) => ({
      theme: t.title,
      ...Object.fromEntries(
        byPeriod.map((p) => [p.period, cellWords(items.filter((i) => i.theme === t.id && i.period === p.period))]),
      ),
    })),
  };
}

/** The download: the activities' own columns, in the chart's order. */
function activitiesCsv(ordered: readonly ActivityRow[]): FigureParts['csv'] {
  return {
    columns: [
      'id',
      'theme',
      'body',
      'basis',
      'period',
      'status',
      'date',
      'description',
      'source_section',
      'source_lines',
    ],
    rows: ordered.map((a) => [
      a.id,
      a.theme,
      a.body,
      a.basis,
      a.period.id,
      a.status,
      a.date ?? '',
      a.description,
      a.source_section,
      a.source_lines,
    ]),
  };
}

/**
 * What the list holds, from the years of data/activities.csv (never typed): "2017/18 outcomes and
 * 2018/19 activities" for a report's two columns; "Outcomes and activities, 2017/18 to 2019/20" once
 * editions add more years.
 */
function activitiesHeading(): string {
  const periods = activityPeriods().map((p) => p.label);
  if (periods.length === 2) return `${periods[0]} outcomes and ${periods[1]} activities`;
  return `Outcomes and activities, ${periods.length === 1 ? periods[0] : `${periods[0]} to ${periods.at(-1)}`}`;
}

/** The activities explorer; with a theme, the overview of only that theme's activities, and no list. */
export function activities(theme?: string): FigureParts {
  const id = theme ? `activities-board-${theme}` : 'activities-board';
  const data = rows<ActivityRow>('activities').filter((a) => !theme || a.theme === theme);
  const themes = [...rows<ThemeRow>('themes')].sort((a, b) => a.sort_order - b.sort_order);
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  const bodies = lookup<BodyRow>('bodies');
  const ordered = orderActivities(data, themes);
  const items = ordered.map((a) => activityItem(a, themeTitle, bodies));
  const forTheme = theme ? themeTitle.get(theme) : undefined;
  const title = forTheme ? `${activitiesHeading()}: ${forTheme}` : `${activitiesHeading()}, by theme, year and status`;
  const summary = activitiesSummary(items, forTheme);
  const byPeriod = countsByPeriod(items);
  return {
    id,
    theme: theme ?? 'governance',
    title,
    takeaway: activitiesTakeaway(byPeriod, theme),
    summary,
    views: [
      {
        id: 'chart',
        label: 'Overview',
        single: true,
        svg: {
          wide: activitiesOverview(items, { id, layout: 'narrow', title, description: summary.join(' ') }),
          narrow: '',
        },
      },
    ],
    table: activitiesTable(title, byPeriod, themes, items),
    csv: activitiesCsv(ordered),
    sources: sourcesFor(
      ordered.map((a) => ({
        dataset: 'activities',
        section: a.source_section,
        lines: a.source_lines,
        source: a.source,
      })),
    ),
    markers: [],
    footnotes: [],
    checked: [],
    ...(theme ? {} : { explorer: explorerFor(ordered, themes, bodies) }),
  };
}

/** A table cell: "3: 2 done, 1 planned or being considered", or "none". */
function cellWords(own: readonly ActivityItem[]): string {
  if (own.length === 0) return 'none';
  const parts = STATUS_ORDER.flatMap((s) => {
    const n = own.filter((i) => i.status === s).length;
    return n > 0 ? [`${n} ${STATUS_WORDS[s].toLowerCase()}`] : [];
  });
  return `${own.length}: ${parts.join(', ')}`;
}

function upperFirstWord(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [
  { id: 'activities-board', order: 110, build: () => activities() },
  // Narrowed to one theme, for that theme's page (each with its own downloads).
  { id: 'activities-board-pcc-and-panel', order: 140, build: () => activities('pcc-and-panel') },
  { id: 'activities-board-child-exploitation', order: 150, build: () => activities('child-exploitation') },
];
