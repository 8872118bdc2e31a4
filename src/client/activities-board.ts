/**
 * Activities board filters: by theme and by status. Non-matching squares are dimmed and skipped by the
 * keyboard; non-matching table rows are hidden; a live line says how many are shown. State goes in the
 * URL (`?theme=hate-crime&status=done#activities-board`).
 */
import { enhanceFigure, setFigureState } from './enhance.ts';

export function applyFilters(fig: HTMLElement, theme: string, status: string): number {
  const matches = (el: HTMLElement | SVGElement) =>
    (!theme || el.dataset['theme'] === theme) && (!status || el.dataset['status'] === status);
  for (const m of Array.from(fig.querySelectorAll<SVGElement>('.act-item')))
    m.classList.toggle('is-filtered', !matches(m));
  // Each layout (wide, narrow) holds every activity once: count one of them.
  const inOneLayout = Array.from(fig.querySelectorAll<SVGElement>('.chart--wide .act-item'));
  const visible = inOneLayout.filter(matches).length;
  for (const row of Array.from(fig.querySelectorAll<HTMLTableRowElement>('tr[data-theme]'))) row.hidden = !matches(row);
  for (const select of Array.from(fig.querySelectorAll<HTMLSelectElement>('select[data-filter]'))) {
    select.value = select.dataset['filter'] === 'theme' ? theme : status;
  }
  const count = fig.querySelector<HTMLElement>('.filter-count');
  const total = inOneLayout.length;
  if (count) count.textContent = theme || status ? `Showing ${visible} of ${total}` : `Showing all ${total}`;
  return visible;
}

export function enhanceActivities(fig: HTMLElement, win: Window = window): void {
  enhanceFigure(fig, win);
  fig.addEventListener('change', (event) => {
    const select = (event.target as Element).closest<HTMLSelectElement>('select[data-filter]');
    if (select)
      setFigureState(fig, { [select.dataset['filter'] === 'status' ? 'status' : 'theme']: select.value }, win);
  });
  fig.addEventListener('figurestate', (event) => {
    const detail = (event as CustomEvent<{ theme?: string; status?: string }>).detail;
    applyFilters(fig, detail.theme ?? '', detail.status ?? '');
  });
  const url = new URL(win.location.href);
  const own = url.hash === `#${fig.id}`;
  applyFilters(
    fig,
    own ? (url.searchParams.get('theme') ?? '') : '',
    own ? (url.searchParams.get('status') ?? '') : '',
  );
}
