/**
 * The governance map in the browser (small, no libraries; the map is already drawn):
 * - select a body by click, tap, Enter or Space on its box, from the tiered list, or from the search
 *   results: its links are highlighted and the rest dimmed, and its state goes in the URL
 *   (`?body=<id>#<figure>`, through enhance.ts's figure state);
 * - the detail card (a copy of the body's list entry) opens beside the box on wide screens, as a
 *   bottom sheet when the map is used on a phone, or in place, directly below the row, when the body
 *   was picked from the list; focus moves to it and returns on Close or Escape;
 * - on narrow screens the map stays open and shows the one-body panel (the first chart a reader sees),
 *   one Tab stop with arrow keys between its bodies; the tiered list below starts with its tiers
 *   closed at every width (tier -> body -> links and work);
 * - search matches names, initials and remit words, every word of the query.
 */
import { enhanceFigure, getFigureState, setFigureState } from './enhance.ts';
import { drawHood, roveHood } from './governance-hood.ts';
import {
  closeEntries,
  entryOf,
  findParts,
  hideCard,
  isNarrow,
  revealSelection,
  showBody,
  type GovParts,
  type Where,
} from './governance-show.ts';

/** Highlight a body's links on the map (none with `id` undefined). */
export function selectBody(fig: HTMLElement, id: string | undefined): void {
  const linked = new Set<string>();
  for (const edge of Array.from(fig.querySelectorAll<SVGElement>('.gov-edge'))) {
    const { from, to } = edge.dataset;
    const on = !!id && (from === id || to === id);
    edge.classList.toggle('is-active', on);
    if (on) linked.add(from === id ? (to ?? '') : (from ?? ''));
  }
  for (const node of Array.from(fig.querySelectorAll<SVGElement>('.gov-node'))) {
    const key = node.dataset['key'] ?? '';
    node.classList.toggle('is-selected', key === id);
    node.classList.toggle('is-linked', linked.has(key));
    node.classList.toggle('is-dimmed', !!id && key !== id && !linked.has(key));
    node.setAttribute('aria-pressed', String(key === id));
  }
  fig.querySelector('svg.gov-map')?.classList.toggle('has-selection', !!id);
  for (const entry of Array.from(fig.querySelectorAll<HTMLElement>('[data-body-entry]')))
    entry.classList.toggle('is-selected', entry.dataset['bodyEntry'] === id);
  drawHood(fig, id);
}

/** Lower-case words of a list entry: its name, short name, tier, chair and remit. */
function searchText(entry: HTMLElement): string {
  const text = `${entry.querySelector('.gov-name')?.textContent ?? ''} ${entry.querySelector('.gov-what')?.textContent ?? ''}`;
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}&]+/gu, ' ')} `;
}

/** Entries whose text holds every word of the query, best first (name start, then name, then the rest). */
export function searchBodies(entries: HTMLElement[], query: string): HTMLElement[] {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
  if (!words.length) return [];
  const q = words.join(' ');
  const scored = entries.flatMap((e) => {
    const text = searchText(e);
    if (!words.every((w) => text.includes(w))) return [];
    const name = (e.querySelector('.gov-name')?.textContent ?? '').toLowerCase();
    const score = name.startsWith(q)
      ? 0
      : new RegExp(`\\b${q.replace(/[^a-z0-9 ]/g, '')}\\b`).test(name)
        ? 1
        : name.includes(q)
          ? 2
          : 3;
    return [{ e, score }];
  });
  return scored.sort((a, b) => a.score - b.score).map((s) => s.e);
}

/**
 * The map stays open (on phones its one-body panel is the page's first chart) and the tiers start
 * closed at every width, so the list below starts as five rows (national to other) and a keyboard
 * passes the whole figure in under 20 Tab stops (issue #25); each tier opens with Enter. Every box on
 * the map is a toggle button.
 */
function prepareMap(fig: HTMLElement): void {
  for (const tier of Array.from(fig.querySelectorAll<HTMLDetailsElement>('.gov-tier-list'))) tier.open = false;
  roveHood(fig);
  for (const node of Array.from(fig.querySelectorAll<SVGElement>('.gov-node'))) {
    node.setAttribute('role', 'button');
    node.setAttribute('aria-pressed', 'false');
  }
}

/** Each list entry's name becomes a button that opens the entry in place (the entry starts closed). */
function makeEntryButtons({ fig, win, entries }: GovParts): void {
  for (const entry of entries) {
    const name = entry.querySelector<HTMLElement>('.gov-name');
    const body = entry.querySelector<HTMLElement>('.gov-entry-body');
    if (!name || !body) continue;
    const button = win.document.createElement('button');
    button.type = 'button';
    button.className = 'gov-pick';
    button.dataset['pick'] = entry.dataset['bodyEntry'] ?? '';
    button.setAttribute('aria-expanded', 'false');
    // Ids and tabindex added here, not in the HTML: the list is long and this keeps pages light.
    body.id = `${fig.id}-entry-${entry.dataset['bodyEntry'] ?? ''}`;
    body.tabIndex = -1;
    button.setAttribute('aria-controls', body.id);
    button.append(...Array.from(name.childNodes));
    name.append(button);
    body.hidden = true;
  }
}

/** What the reader does: select a body (remembering where focus returns to), close, choose a search result. */
interface Controller {
  /** Where focus goes back to on Close. */
  returnTo: HTMLElement | SVGElement | null;
  select(id: string, where: Where, from: HTMLElement | SVGElement | null): void;
  close(): void;
  choose(id: string): void;
}

function controller(parts: GovParts): Controller {
  const { fig, win } = parts;
  const ctl: Controller = {
    returnTo: null,
    select(id, where, from) {
      ctl.returnTo = from;
      setFigureState(fig, { body: id }, win);
      showBody(parts, id, where, true);
    },
    close() {
      hideCard(parts);
      closeEntries(parts.entries);
      setFigureState(fig, { body: '' }, win);
      (ctl.returnTo as HTMLElement | null)?.focus();
    },
    choose(id) {
      if (parts.results) parts.results.hidden = true;
      ctl.select(id, parts.box?.open && !isNarrow(win) ? 'map' : 'list', parts.input);
    },
  };
  return ctl;
}

/**
 * A link to another body (in the card or the list) selects it where the reader is. In the one-body
 * panel: another body redraws the panel; the body's own name opens its entry.
 */
function followBodyLink(ctl: Controller, link: Element, prefix: string): void {
  const id = (link.getAttribute('href') ?? '').slice(prefix.length);
  if (link.closest('[data-gov-hood]'))
    return ctl.select(id, link.classList.contains('gov-hood-self') ? 'list' : 'hood', link as SVGElement);
  const inCard = !!link.closest('[data-gov-card]');
  ctl.select(id, inCard ? 'map' : 'list', ctl.returnTo);
}

/** A click on a box, a list entry's button, a search result, Close, or a link to a body. */
function onClick(parts: GovParts, ctl: Controller, event: MouseEvent): void {
  const { fig, card } = parts;
  const target = event.target as Element;
  const node = target.closest<SVGElement>('.gov-node');
  if (node) {
    const id = node.dataset['key'] ?? '';
    if (getFigureState(fig)?.body === id && card && !card.hidden) return ctl.close();
    return ctl.select(id, 'map', node);
  }
  const pick = target.closest<HTMLButtonElement>('.gov-pick');
  if (pick) {
    if (pick.getAttribute('aria-expanded') === 'true') return ctl.close();
    return ctl.select(pick.dataset['pick'] ?? '', 'list', pick);
  }
  const result = target.closest<HTMLButtonElement>('[data-gov-result]');
  if (result) return ctl.choose(result.dataset['govResult'] ?? '');
  if (target.closest('[data-gov-close]')) return ctl.close();
  const prefix = `#${fig.id}-body-`;
  const link = target.closest<Element>(`a[href^="${prefix}"]`);
  if (link) {
    event.preventDefault();
    followBodyLink(ctl, link, prefix);
  }
}

/** Enter or Space on a box clicks it; Escape in the card closes it. */
function onKeydown(ctl: Controller, event: KeyboardEvent): void {
  const node = (event.target as Element).closest('.gov-node');
  if (node && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    (node as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
  if (event.key === 'Escape' && (event.target as Element).closest('[data-gov-card]')) {
    event.preventDefault();
    ctl.close();
  }
}

/** The search results: up to 8 buttons, and a status line saying how many bodies match. */
function showResults({ win, results, status }: GovParts, found: readonly HTMLElement[], query: string): void {
  if (!results || !status) return;
  results.replaceChildren(
    ...found.slice(0, 8).map((e) => {
      const li = win.document.createElement('li');
      const b = win.document.createElement('button');
      b.type = 'button';
      b.dataset['govResult'] = e.dataset['bodyEntry'] ?? '';
      b.textContent = e.querySelector('.gov-name')?.textContent ?? '';
      li.append(b);
      return li;
    }),
  );
  results.hidden = found.length === 0;
  status.textContent = query.trim()
    ? `${found.length} ${found.length === 1 ? 'body matches' : 'bodies match'}${found.length > 8 ? ', first 8 shown' : ''}.`
    : '';
}

/** Search: every word must match; Enter takes the best match. */
function wireSearch(parts: GovParts, ctl: Controller): void {
  const { input, entries } = parts;
  input?.addEventListener('input', () => showResults(parts, searchBodies(entries, input.value), input.value));
  input?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = searchBodies(entries, input.value)[0];
    if (first) ctl.choose(first.dataset['bodyEntry'] ?? '');
  });
}

/**
 * A selection already in the URL (`?body=`, with this figure's hash or none): highlight it, open its
 * details without moving focus, and bring the body and its card into view together once the page
 * has loaded (after the browser's own scroll to the hash).
 */
function restoreFromUrl(parts: GovParts): void {
  const { fig, win } = parts;
  const doc = win.document;
  const fromUrl = new URL(win.location.href);
  const initial = fromUrl.hash === `#${fig.id}` || fromUrl.hash === '' ? fromUrl.searchParams.get('body') : null;
  if (initial && entryOf(parts, initial)) {
    setFigureState(fig, { body: initial }, win);
    showBody(parts, initial, isNarrow(win) ? 'list' : 'map', false);
    const reveal = () => revealSelection(fig, initial, win);
    if (doc.readyState === 'complete') win.setTimeout(reveal, 0);
    else win.addEventListener('load', () => win.setTimeout(reveal, 0), { once: true });
  }
}

export function enhanceGovernance(fig: HTMLElement, win: Window = window): void {
  enhanceFigure(fig, win);
  const parts = findParts(fig, win);
  prepareMap(fig);
  makeEntryButtons(parts);
  const ctl = controller(parts);
  fig.addEventListener('click', (event) => onClick(parts, ctl, event));
  fig.addEventListener('keydown', (event) => onKeydown(ctl, event));
  fig.addEventListener('figurestate', (event) =>
    selectBody(fig, (event as CustomEvent<{ body?: string }>).detail.body || undefined),
  );
  wireSearch(parts, ctl);
  restoreFromUrl(parts);
}
