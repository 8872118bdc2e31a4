/**
 * Progressive enhancement of the server-rendered figures, in plain TypeScript (no Plot or D3 in the
 * browser: the charts are already drawn). For each `<figure class="figure">` it adds:
 * - tooltips beside the mark on hover, keyboard focus and tap, dismissed by Escape, by tapping elsewhere
 *   (or on the tooltip itself) or on leaving;
 * - keyboard access to the marks with a roving tabindex (Tab reaches the chart once; arrow keys,
 *   Home and End move between marks in reading order);
 * - the Chart/Table switch, the view toggle (e.g. counts vs % change) and the area switch (North /
 *   South / both: hides the parts, summary paragraphs and table rows of the other area), with a live
 *   region saying what is shown;
 * - shareable state in the URL, scoped to the figure in the hash: `?view=percent&area=south#hate-crime-trend`;
 * - a copy button for the embed snippet.
 * Figure-specific behaviour (governance selection, activity filters) lives in their own small modules
 * and talks to this one through `setFigureState` and the `figurestate` event.
 */

/** Every URL parameter a figure may own. Only the figure named in the hash reads or writes them. */
export const STATE_KEYS = ['view', 'area', 'show', 'body', 'theme', 'period', 'status', 'list'] as const;
export type FigureState = Partial<Record<(typeof STATE_KEYS)[number], string>>;

/** The state for `figureId` in a URL, or an empty object when the hash names another figure. */
export function readState(href: string, figureId: string): FigureState {
  const url = new URL(href);
  if (decodeURIComponent(url.hash.slice(1)) !== figureId) return {};
  const state: FigureState = {};
  for (const key of STATE_KEYS) {
    const value = url.searchParams.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/** A URL carrying `state` for `figureId` (other figures' parameters dropped, other parameters kept). */
export function writeState(href: string, figureId: string, state: FigureState): string {
  const url = new URL(href);
  for (const key of STATE_KEYS) url.searchParams.delete(key);
  for (const key of STATE_KEYS) {
    const value = state[key];
    if (value) url.searchParams.set(key, value);
  }
  url.hash = figureId;
  return url.toString();
}

interface FigureContext {
  fig: HTMLElement;
  state: FigureState;
  defaults: FigureState;
}

const contexts = new WeakMap<HTMLElement, FigureContext>();

/** Set part of a figure's state, apply it and record it in the URL (without scrolling or history). */
export function setFigureState(fig: HTMLElement, patch: FigureState, win: Window = window): void {
  const ctx = contexts.get(fig);
  if (!ctx) return;
  Object.assign(ctx.state, patch);
  applyState(ctx);
  const nonDefault: FigureState = {};
  for (const key of STATE_KEYS) {
    const value = ctx.state[key];
    if (value && value !== ctx.defaults[key]) nonDefault[key] = value;
  }
  win.history.replaceState(win.history.state, '', writeState(win.location.href, fig.id, nonDefault));
}

function applyState(ctx: FigureContext): void {
  const { fig, state } = ctx;
  const view = state.view ?? ctx.defaults.view;
  const views = Array.from(fig.querySelectorAll<HTMLElement>('.figure-view'));
  if (!views.some((v) => v.dataset['view'] === view)) state.view = ctx.defaults.view ?? '';
  for (const v of views) v.hidden = views.length > 1 && v.dataset['view'] !== (state.view ?? ctx.defaults.view);
  const areas = Array.from(fig.querySelectorAll<HTMLButtonElement>('[data-set-area]'));
  if (!areas.some((b) => b.dataset['setArea'] === state.area)) state.area = ctx.defaults.area ?? '';
  // The default area (the first button, "both") shows every part; another shows only its own. Summary
  // paragraphs about one view show with that view.
  for (const el of Array.from(fig.querySelectorAll<HTMLElement>('[data-area], [data-for-view]'))) {
    const { area, forView } = el.dataset;
    el.hidden =
      (area !== undefined && state.area !== ctx.defaults.area && area !== state.area) ||
      (forView !== undefined && forView !== state.view);
  }
  const says: string[] = [];
  for (const b of Array.from(fig.querySelectorAll<HTMLButtonElement>('[data-set-view], [data-set-area]'))) {
    const on = (b.dataset['setView'] ?? b.dataset['setArea']) === (b.dataset['setView'] ? state.view : state.area);
    b.setAttribute('aria-pressed', String(on));
    if (on) says.push(b.dataset['says'] ?? b.textContent ?? '');
  }
  const show = state.show === 'table' ? 'table' : 'chart';
  const status = fig.querySelector('.figure-status');
  if (status) status.textContent = `Showing ${says.join(': ')}${show === 'table' ? ', in the table' : ''}.`;
  const chart = fig.querySelector<HTMLElement>('.figure-chart');
  const table = fig.querySelector<HTMLElement>('.figure-table');
  if (chart) chart.hidden = show !== 'chart';
  // The compact embed has no switch: its table sits in its own "Data table" disclosure.
  if (table && !fig.classList.contains('figure--compact')) table.hidden = show !== 'table';
  for (const b of Array.from(fig.querySelectorAll<HTMLButtonElement>('[data-set-show]')))
    b.setAttribute('aria-pressed', String(b.dataset['setShow'] === show));
  fig.dispatchEvent(new CustomEvent('figurestate', { detail: { ...state } }));
  hideTip(fig);
}

// --- Tooltips --------------------------------------------------------------------------------

function tipOf(fig: HTMLElement): HTMLElement | null {
  return fig.querySelector<HTMLElement>('.chart-tip');
}

export function hideTip(fig: HTMLElement): void {
  const tip = tipOf(fig);
  if (tip && !tip.hidden) {
    tip.hidden = true;
    fig.querySelector('.mark.is-tipped')?.classList.remove('is-tipped');
  }
}

/**
 * Where a tooltip of `tip` size goes beside a mark `box` inside a `frame` (all relative to the frame):
 * to the right of the mark, else to its left, vertically centred on it, so it never covers the next
 * mark in a column of bars. When neither side has room (a long bar on a phone) it goes above the
 * mark, else below it: never over the mark it describes (issue #25).
 */
export function placeTip(
  box: { left: number; top: number; width: number; height: number },
  tip: { width: number; height: number },
  frame: { width: number; height: number },
  gap = 8,
): { left: number; top: number } {
  const right = box.left + box.width + gap;
  const left = box.left - gap - tip.width;
  const centred = Math.max(
    0,
    Math.min(box.top + box.height / 2 - tip.height / 2, Math.max(0, frame.height - tip.height)),
  );
  if (right + tip.width <= frame.width) return { left: Math.round(right), top: Math.round(centred) };
  if (left >= 0) return { left: Math.round(left), top: Math.round(centred) };
  const x = Math.max(0, Math.min(box.left + box.width / 2 - tip.width / 2, frame.width - tip.width));
  const above = box.top - gap - tip.height;
  return { left: Math.round(x), top: Math.round(above >= 0 ? above : box.top + box.height + gap) };
}

/** Show the tooltip for a mark, beside it (see placeTip), inside the chart. */
export function showTip(fig: HTMLElement, mark: Element): void {
  const tip = tipOf(fig);
  const host = fig.querySelector<HTMLElement>('.figure-chart');
  if (!tip || !host) return;
  fig.querySelector('.mark.is-tipped')?.classList.remove('is-tipped');
  mark.classList.add('is-tipped');
  tip.textContent = mark.getAttribute('aria-label') ?? '';
  tip.hidden = false;
  const shape = (mark.querySelector('.mark-shape') ?? mark).getBoundingClientRect();
  const frame = host.getBoundingClientRect();
  const at = placeTip(
    { left: shape.left - frame.left, top: shape.top - frame.top, width: shape.width, height: shape.height },
    { width: tip.offsetWidth, height: tip.offsetHeight },
    { width: frame.width, height: frame.height },
  );
  // CSSOM positioning (allowed by the CSP, unlike style attributes in the markup).
  tip.style.left = `${at.left}px`;
  tip.style.top = `${at.top}px`;
}

// --- Marks and keyboard --------------------------------------------------------------------------

/** The marks a keyboard user moves between: those in the visible view and layout, not filtered out. */
export function activeMarks(fig: HTMLElement): Element[] {
  return Array.from(fig.querySelectorAll('.figure-view:not([hidden]) .mark')).filter((m) => {
    if (m.classList.contains('is-filtered')) return false;
    const svg = m.closest('svg.chart');
    // A layout hidden by the container query has no rendered boxes.
    return !!svg && (svg as SVGElement).getClientRects().length > 0;
  });
}

/**
 * One tab stop per chart: the current mark, else the first mark that is not filtered out, in each
 * chart of the shown view. Only one of those charts is displayed at a time (the wide or the narrow
 * layout, by container query), and a mark that is not displayed cannot take focus, so Tab reaches
 * the figure's chart once. No layout is read here: at load this runs for every figure, and reading
 * boxes would force the layout of blocks the page leaves unrendered below the fold.
 */
function rove(fig: HTMLElement, current?: Element): void {
  const keep = new Set<Element>();
  for (const svg of Array.from(fig.querySelectorAll('.figure-view:not([hidden]) svg.chart'))) {
    const marks = Array.from(svg.querySelectorAll('.mark:not(.is-filtered)'));
    const pick = current && marks.includes(current) ? current : marks[0];
    if (pick) keep.add(pick);
  }
  for (const m of Array.from(fig.querySelectorAll('.mark'))) m.setAttribute('tabindex', keep.has(m) ? '0' : '-1');
}

function onKey(fig: HTMLElement, event: KeyboardEvent): void {
  const target = event.target as Element | null;
  if (event.key === 'Escape') {
    // An Escape that closes a tooltip is used up: the quick-exit bar must not count it.
    if (tipOf(fig)?.hidden === false) event.preventDefault();
    hideTip(fig);
    return;
  }
  if (!target?.classList.contains('mark')) return;
  const marks = activeMarks(fig);
  const i = marks.indexOf(target);
  let next: Element | undefined;
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = marks[Math.min(marks.length - 1, i + 1)];
  else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = marks[Math.max(0, i - 1)];
  else if (event.key === 'Home') next = marks[0];
  else if (event.key === 'End') next = marks[marks.length - 1];
  if (!next) return;
  event.preventDefault();
  rove(fig, next);
  (next as HTMLElement | SVGElement).focus();
}

/** Enhance one figure. Idempotent. */
export function enhanceFigure(fig: HTMLElement, win: Window = window): void {
  if (contexts.has(fig)) return;
  const views = Array.from(fig.querySelectorAll<HTMLElement>('.figure-view'));
  const defaults: FigureState = {
    view: views[0]?.dataset['view'] ?? '',
    area: fig.querySelector<HTMLElement>('[data-set-area]')?.dataset['setArea'] ?? '',
    show: 'chart',
  };
  const ctx: FigureContext = { fig, state: { ...defaults, ...readState(win.location.href, fig.id) }, defaults };
  contexts.set(fig, ctx);
  fig.classList.add('is-enhanced');
  for (const el of Array.from(fig.querySelectorAll<HTMLElement>('[data-js-only]'))) el.hidden = false;
  for (const m of Array.from(fig.querySelectorAll('.mark'))) m.setAttribute('tabindex', '-1');

  fig.addEventListener('click', (event) => {
    const target = event.target as Element;
    const viewButton = target.closest<HTMLButtonElement>('[data-set-view]');
    if (viewButton) return setFigureState(fig, { view: viewButton.dataset['setView'] ?? '' }, win);
    const areaButton = target.closest<HTMLButtonElement>('[data-set-area]');
    if (areaButton) return setFigureState(fig, { area: areaButton.dataset['setArea'] ?? '' }, win);
    const showButton = target.closest<HTMLButtonElement>('[data-set-show]');
    if (showButton) return setFigureState(fig, { show: showButton.dataset['setShow'] ?? 'chart' }, win);
    const copy = target.closest<HTMLButtonElement>('[data-copy]');
    if (copy) {
      const source = fig.querySelector<HTMLTextAreaElement>(`#${copy.dataset['copy']}`);
      if (source) {
        source.select();
        void win.navigator.clipboard?.writeText(source.value).then(
          () => (copy.textContent = 'Copied'),
          () => undefined,
        );
      }
      return;
    }
    const mark = target.closest('.mark');
    if (mark) {
      rove(fig, mark);
      showTip(fig, mark);
    }
  });
  fig.addEventListener('focusin', (event) => {
    const mark = (event.target as Element).closest('.mark');
    if (mark) {
      rove(fig, mark);
      showTip(fig, mark);
    }
  });
  fig.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Element | null;
    if (!to || !to.classList.contains('mark')) hideTip(fig);
  });
  fig.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'mouse') return;
    const mark = (event.target as Element).closest('.mark');
    if (mark) showTip(fig, mark);
  });
  fig.addEventListener('pointerout', (event) => {
    if (event.pointerType !== 'mouse') return;
    const from = (event.target as Element).closest('.mark');
    const to = (event.relatedTarget as Element | null)?.closest('.mark');
    if (from && from !== to && win.document.activeElement !== from) hideTip(fig);
  });
  fig.addEventListener('keydown', (event) => onKey(fig, event));
  // A tap or click anywhere outside the marks dismisses the tooltip.
  win.document.addEventListener('pointerdown', (event) => {
    if (!(event.target as Element | null)?.closest?.('.mark')) hideTip(fig);
  });
  win.document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideTip(fig);
  });
  fig.addEventListener('figurestate', () => rove(fig));
  applyState(ctx);
  rove(fig);
  // The visible layout changes with the container width: keep one mark tabbable.
  win.addEventListener('resize', () => rove(fig, win.document.activeElement ?? undefined));
}

/** Enhance every figure in a document. */
export function enhanceAll(doc: Document = document, win: Window = window): void {
  for (const fig of Array.from(doc.querySelectorAll<HTMLElement>('figure.figure'))) enhanceFigure(fig, win);
}

/** Current state of an enhanced figure (for extensions and tests). */
export function getFigureState(fig: HTMLElement): FigureState | undefined {
  const ctx = contexts.get(fig);
  return ctx ? { ...ctx.state } : undefined;
}
