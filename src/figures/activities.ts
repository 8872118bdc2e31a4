/** The activities board: 2017/18 outcomes and 2018/19 activities by theme and status, with filters. */
import { activitiesBoard, STATUS_ORDER, type ActivityItem } from '../charts/activities.ts';
import { activitiesSummary } from '../charts/summaries.ts';
import type { ActivityRow, BodyRow } from '../schemas/governance.ts';
import type { ThemeRow } from '../schemas/reference.ts';
import { lookup, render, rows, sourcesFor } from './helpers.ts';
import type { FigureParts } from './types.ts';

const STATUS_WORDS: Record<ActivityItem['status'], string> = { done: 'Done (2017/18)', underway: 'Under way (2018/19)', planned: 'Planned (2018/19)' };

/** The activities board; with a theme, only that theme's activities (and no theme filter). */
export function activities(theme?: string): FigureParts {
  const id = (theme ? `activities-board-${theme}` : 'activities-board');
  const data = rows<ActivityRow>('activities').filter((a) => !theme || a.theme === theme);
  const themes = [...rows<ThemeRow>('themes')].sort((a, b) => a.sort_order - b.sort_order);
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  const bodies = lookup<BodyRow>('bodies');
  const ordered = [...data].sort((a, b) => themes.findIndex((t) => t.id === a.theme) - themes.findIndex((t) => t.id === b.theme) || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const items: ActivityItem[] = ordered.map((a) => ({
    id: a.id,
    theme: a.theme,
    themeLabel: themeTitle.get(a.theme) ?? a.theme,
    status: a.status,
    statusLabel: STATUS_WORDS[a.status],
    description: a.description,
    bodyLabel: bodies.get(a.body)?.name ?? a.body,
  }));
  const forTheme = theme ? themeTitle.get(theme) : undefined;
  const title = forTheme ? `2017/18 outcomes and 2018/19 activities: ${forTheme}` : '2017/18 outcomes and 2018/19 activities, by theme and status';
  const summary = activitiesSummary(items, forTheme);
  const usedThemes = themes.filter((t) => items.some((i) => i.theme === t.id));
  return {
    id,
    theme: theme ?? 'governance',
    title,
    takeaway: `${items.filter((i) => i.status === 'done').length} pieces of work were done in 2017/18 and ${items.filter((i) => i.status !== 'done').length} were under way or planned for 2018/19; filter by ${theme ? 'status' : 'theme or status'}.`,
    summary,
    views: [{ id: 'chart', label: 'Board', svg: render(activitiesBoard, items, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: title,
      columns: [
        { key: 'theme', label: 'Theme' },
        { key: 'status', label: 'Status' },
        { key: 'body', label: 'Who' },
        { key: 'description', label: 'What' },
      ],
      rows: items.map((i) => ({ theme: i.themeLabel, status: i.statusLabel, body: i.bodyLabel, description: i.description })),
      rowData: items.map((i) => ({ theme: i.theme, status: i.status })),
    },
    csv: { columns: ['id', 'theme', 'body', 'period', 'status', 'date', 'description', 'source_section'], rows: ordered.map((a) => [a.id, a.theme, a.body, a.period.id, a.status, a.date ?? '', a.description, a.source_section]) },
    sources: sourcesFor(ordered.map((a) => ({ dataset: 'activities', section: a.source_section }))),
    markers: [],
    footnotes: [],
    checked: [],
    filters: [
      ...(theme ? [] : [{ key: 'theme', label: 'Theme', options: [{ value: '', label: 'All themes' }, ...usedThemes.map((t) => ({ value: t.id, label: t.title }))] }]),
      { key: 'status', label: 'Status', options: [{ value: '', label: 'Any status' }, ...STATUS_ORDER.map((s) => ({ value: s, label: STATUS_WORDS[s] }))] },
    ],
  };
}
