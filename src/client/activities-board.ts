/**
 * The activities explorer's filters: theme, period, status and body (native selects) and a reset.
 * Items that do not match are hidden, a group with none left is hidden (the others say "3 of 10"),
 * the overview's squares that do not match are dimmed, and a polite live line says how many are shown. State goes in the URL, scoped to the figure by the hash
 * (`?theme=hate-crime&period=2018-19&body=wcc-public-health#activities-board`); values the page does
 * not offer are ignored. The matching itself is pure (src/universal/activity-filter.ts).
 *
 * On phones the list starts folded (issue #25: 47 open items made the governance page 22,000 px):
 * each theme is a button that lists its work (`?theme=`), and "Show all" lists everything
 * (`?list=all`); any filter in the URL lists its matches. Without JavaScript every item is listed.
 */
import {
  ACTIVITY_FILTERS,
  cleanFilters,
  countLabel,
  isFiltered,
  matchesFilters,
  type ActivityFacets,
  type ActivityFilters,
} from '../universal/activity-filter.ts';
import { enhanceFigure, readState, setFigureState, type FigureState } from './enhance.ts';

const NARROW = '(max-width: 40rem)';
const narrow = (win: Window) => typeof win.matchMedia === 'function' && win.matchMedia(NARROW).matches;

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

/**
 * Show the items matching `filters` (unknown values ignored) and say how many; returns that number.
 * `folded`: with no filter set, list only the themes (as buttons), none of the items.
 */
export function applyFilters(fig: HTMLElement, filters: ActivityFilters, folded = false): number {
  const clean = cleanFilters(filters, offered(fig));
  const fold = folded && !isFiltered(clean);
  fig.querySelector('[data-act-explorer]')?.classList.toggle('is-folded', fold);
  const items = Array.from(fig.querySelectorAll<HTMLElement>('li[data-status]'));
  let shown = 0;
  for (const li of items) {
    const match = matchesFilters(facets(li), clean);
    li.hidden = !match || fold;
    if (match && !fold) shown += 1;
  }
  for (const g of Array.from(fig.querySelectorAll<HTMLElement>('[data-act-group]'))) {
    const all = g.querySelectorAll('li[data-status]').length;
    const left = g.querySelectorAll('li[data-status]:not([hidden])').length;
    g.hidden = left === 0 && !fold;
    const n = g.querySelector('.act-group-n');
    if (n) n.textContent = left === all ? `(${all})` : `(${left} of ${all})`;
  }
  // The overview's squares: those that do not match are dimmed.
  for (const sq of Array.from(fig.querySelectorAll<SVGElement>('rect[data-status][data-theme]')))
    sq.classList.toggle('is-filtered', !matchesFilters(facets(sq), clean));
  for (const s of selects(fig)) s.value = clean[s.dataset['actFilter'] as keyof ActivityFilters] ?? '';
  const count = fig.querySelector<HTMLElement>('[data-act-count]');
  const groups = fig.querySelectorAll('[data-act-group]').length;
  if (count)
    count.textContent = fold
      ? `${items.length} pieces of work in ${groups} themes: pick a theme or a filter, or show all`
      : countLabel(shown, items.length);
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
  // On phones each theme's title is also a button that lists that theme's work (shown while folded).
  for (const g of Array.from(fig.querySelectorAll<HTMLElement>('[data-act-group]'))) {
    const title = g.querySelector('.act-group-title');
    const open = win.document.createElement('button');
    open.type = 'button';
    open.className = 'act-open';
    open.dataset['actOpen'] = g.dataset['actGroup'] ?? '';
    open.textContent = title?.textContent ?? '';
    title?.after(open);
  }
  fig.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('[data-act-reset]'))
      setFigureState(
        fig,
        { ...Object.fromEntries(ACTIVITY_FILTERS.map((k) => [k, ''])), list: narrow(win) ? 'all' : '' },
        win,
      );
    const open = target.closest<HTMLElement>('[data-act-open]');
    if (open) {
      setFigureState(fig, { theme: open.dataset['actOpen'] ?? '' }, win);
      open.closest('[data-act-group]')?.querySelector('li:not([hidden]) a')?.scrollIntoView({ block: 'nearest' });
    }
  });
  const folded = (state: FigureState) => narrow(win) && state.list !== 'all';
  fig.addEventListener('figurestate', (event) => {
    const state = (event as CustomEvent<FigureState>).detail;
    applyFilters(fig, filtersOf(state), folded(state));
  });
  const initial = readState(win.location.href, fig.id);
  applyFilters(fig, filtersOf(initial), folded(initial));
}
