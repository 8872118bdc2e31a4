/** The activities board: 2017/18 outcomes and 2018/19 activities by theme, then period (the report's column), then status, with filters. */
import { activitiesBoard, STATUS_ORDER, type ActivityItem } from '../charts/activities.ts';
import { activitiesSummary, countsByPeriod } from '../charts/summaries.ts';
import { comparePeriods } from '../lib/period.ts';
import { plural } from '../lib/words.ts';
import type { ActivityRow, BodyRow } from '../schemas/governance.ts';
import type { ThemeRow } from '../schemas/reference.ts';
import { lookup, render, rows, sourcesFor } from './helpers.ts';
import type { FigureParts } from './types.ts';

const STATUS_WORDS: Record<ActivityItem['status'], string> = {
  done: 'Done',
  underway: 'Under way',
  planned: 'Planned or being considered',
};

/** The activities board; with a theme, only that theme's activities (and no theme filter). Columns: period, then status. */
export function activities(theme?: string): FigureParts {
  const id = theme ? `activities-board-${theme}` : 'activities-board';
  const data = rows<ActivityRow>('activities').filter((a) => !theme || a.theme === theme);
  const themes = [...rows<ThemeRow>('themes')].sort((a, b) => a.sort_order - b.sort_order);
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  const bodies = lookup<BodyRow>('bodies');
  const ordered = [...data].sort(
    (a, b) =>
      themes.findIndex((t) => t.id === a.theme) - themes.findIndex((t) => t.id === b.theme) ||
      comparePeriods(a.period, b.period) ||
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
  const items: ActivityItem[] = ordered.map((a) => ({
    id: a.id,
    theme: a.theme,
    themeLabel: themeTitle.get(a.theme) ?? a.theme,
    period: a.period.id,
    periodLabel: a.period.label,
    status: a.status,
    statusLabel: STATUS_WORDS[a.status],
    description: a.description,
    bodyLabel: `${bodies.get(a.body)?.name ?? a.body}${a.basis === 'inferred' ? ' (our reading)' : ''}`,
    bullet: a.source_lines,
  }));
  const forTheme = theme ? themeTitle.get(theme) : undefined;
  const title = forTheme
    ? `2017/18 outcomes and 2018/19 activities: ${forTheme}`
    : '2017/18 outcomes and 2018/19 activities, by theme, year and status';
  const summary = activitiesSummary(items, forTheme);
  const usedThemes = themes.filter((t) => items.some((i) => i.theme === t.id));
  const byPeriod = countsByPeriod(items);
  return {
    id,
    theme: theme ?? 'governance',
    title,
    takeaway: `${upperFirstWord(byPeriod.map((p) => `${plural(p.total, 'piece of work is', 'pieces of work are')} listed for ${p.periodLabel}`).join(' and '))}; filter by ${theme ? 'status' : 'theme or status'}.`,
    summary,
    views: [
      {
        id: 'chart',
        label: 'Board',
        svg: render(activitiesBoard, items, { id, title, description: summary.join(' ') }),
      },
    ],
    table: {
      caption: title,
      columns: [
        { key: 'theme', label: 'Theme' },
        { key: 'period', label: 'Listed for' },
        { key: 'status', label: 'Status' },
        { key: 'body', label: 'Who' },
        { key: 'description', label: 'What' },
      ],
      rows: items.map((i) => ({
        theme: i.themeLabel,
        period: i.periodLabel,
        status: i.statusLabel,
        body: i.bodyLabel,
        description: i.description,
      })),
      rowData: items.map((i) => ({ theme: i.theme, status: i.status })),
    },
    csv: {
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
    },
    sources: sourcesFor(ordered.map((a) => ({ dataset: 'activities', section: a.source_section }))),
    markers: [],
    footnotes: [],
    checked: [],
    filters: [
      ...(theme
        ? []
        : [
            {
              key: 'theme',
              label: 'Theme',
              options: [
                { value: '', label: 'All themes' },
                ...usedThemes.map((t) => ({ value: t.id, label: t.title })),
              ],
            },
          ]),
      {
        key: 'status',
        label: 'Status',
        options: [
          { value: '', label: 'Any status' },
          ...STATUS_ORDER.map((s) => ({ value: s, label: STATUS_WORDS[s] })),
        ],
      },
    ],
  };
}

function upperFirstWord(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
