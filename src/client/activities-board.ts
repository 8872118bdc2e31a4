/**
 * The activities explorer's filters: theme, period, status and body (native selects) and a reset.
 * Items that do not match are hidden, a group with none left is hidden (the others say "3 of 10"),
 * the overview's squares that do not match are dimmed, and a polite live line says how many are shown. State goes in the URL, scoped to the figure by the hash
 * (`?theme=hate-crime&period=2018-19&body=wcc-public-health#activities-board`); values the page does
 * not offer are ignored. The matching itself is pure (src/lib/activity-filter.ts).
 */
import {
  ACTIVITY_FILTERS,
  cleanFilters,
  countLabel,
  matchesFilters,
  type ActivityFacets,
  type ActivityFilters,
} from '../lib/activity-filter.ts';
import { enhanceFigure, readState, setFigureState, type FigureState } from './enhance.ts';

function facets(el: HTMLElement | SVGElement): ActivityFacets {
  const d = el.dataset;
  return { theme: d['theme'] ?? '', period: d['period'] ?? '', status: d['status'] ?? '', body: d['body'] ?? '' };
}

function selects(fig: HTMLElement): HTMLSelectElement[] {
  return Array.from(fig.querySelectorAll<HTMLSelectElement>('select[data-act-filter]'));
}

/** The values each select offers (besides "any"). */
export function offered(fig: HTMLElement): Partial<Record<keyof ActivityFilters, string[]>> {
  const out: Partial<Record<keyof ActivityFilters, string[]>> = {};
  for (const s of selects(fig)) {
    const key = s.dataset['actFilter'] as keyof ActivityFilters;
    out[key] = Array.from(s.options)
      .map((o) => o.value)
      .filter(Boolean);
  }
  return out;
}

/** Show the items matching `filters` (unknown values ignored) and say how many; returns that number. */
export function applyFilters(fig: HTMLElement, filters: ActivityFilters): number {
  const clean = cleanFilters(filters, offered(fig));
  const items = Array.from(fig.querySelectorAll<HTMLElement>('li[data-status]'));
  let shown = 0;
  for (const li of items) {
    const match = matchesFilters(facets(li), clean);
    li.hidden = !match;
    if (match) shown += 1;
  }
  for (const g of Array.from(fig.querySelectorAll<HTMLElement>('[data-act-group]'))) {
    const all = g.querySelectorAll('li[data-status]').length;
    const left = g.querySelectorAll('li[data-status]:not([hidden])').length;
    g.hidden = left === 0;
    const n = g.querySelector('.act-group-n');
    if (n) n.textContent = left === all ? `(${all})` : `(${left} of ${all})`;
  }
  // The overview's squares: those that do not match are dimmed.
  for (const sq of Array.from(fig.querySelectorAll<SVGElement>('rect[data-status][data-theme]')))
    sq.classList.toggle('is-filtered', !matchesFilters(facets(sq), clean));
  for (const s of selects(fig)) s.value = clean[s.dataset['actFilter'] as keyof ActivityFilters] ?? '';
  const count = fig.querySelector<HTMLElement>('[data-act-count]');
  if (count) count.textContent = countLabel(shown, items.length);
  return shown;
}

function filtersOf(state: FigureState): ActivityFilters {
  const out: ActivityFilters = {};
  for (const key of ACTIVITY_FILTERS) if (state[key]) out[key] = state[key];
  return out;
}

export function enhanceActivities(fig: HTMLElement, win: Window = window): void {
  enhanceFigure(fig, win);
  if (fig.dataset['actEnhanced']) return;
  fig.dataset['actEnhanced'] = 'true';
  fig.addEventListener('change', (event) => {
    const select = (event.target as Element).closest<HTMLSelectElement>('select[data-act-filter]');
    const key = select?.dataset['actFilter'] as keyof ActivityFilters | undefined;
    if (select && key && (ACTIVITY_FILTERS as readonly string[]).includes(key))
      setFigureState(fig, { [key]: select.value }, win);
  });
  fig.addEventListener('click', (event) => {
    if ((event.target as Element).closest('[data-act-reset]'))
      setFigureState(fig, Object.fromEntries(ACTIVITY_FILTERS.map((k) => [k, ''])), win);
  });
  fig.addEventListener('figurestate', (event) => {
    applyFilters(fig, filtersOf((event as CustomEvent<FigureState>).detail));
  });
  applyFilters(fig, filtersOf(readState(win.location.href, fig.id)));
}
