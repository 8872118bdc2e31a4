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
import { enhanceFigure, getFigureState, hideTip, setFigureState } from './enhance.ts';
import { drawHood, roveHood } from './governance-hood.ts';
import { placeCard, type Rect, type Segment } from './governance-place.ts';

const NARROW = '(max-width: 40rem)';

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

/** The free place for the card beside a selected box (see governance-place.ts), in the frame's pixels. */
function cardPlace(fig: HTMLElement, frameEl: HTMLElement, node: SVGElement, card: HTMLElement) {
  const frame = frameEl.getBoundingClientRect();
  const rect = (el: Element): Rect => {
    const r = el.getBoundingClientRect();
    return { x: r.left - frame.left, y: r.top - frame.top, w: r.width, h: r.height };
  };
  const lines: Segment[] = [];
  for (const path of Array.from(fig.querySelectorAll<SVGPathElement>('.gov-edge.is-active .gov-line'))) {
    const m = typeof path.getScreenCTM === 'function' ? path.getScreenCTM() : null;
    if (!m) continue;
    const pts = (path.getAttribute('d') ?? '')
      .slice(1)
      .split('L')
      .map((p) => p.split(',').map(Number) as [number, number])
      .map(([x, y]) => [m.a * x + m.c * y + m.e - frame.left, m.b * x + m.d * y + m.f - frame.top] as const);
    for (let i = 1; i < pts.length; i++) {
      const [a, b] = [pts[i - 1]!, pts[i]!];
      lines.push([a[0], a[1], b[0], b[1]]);
    }
  }
  return placeCard({
    frame: { w: frame.width, h: frame.height },
    card: { w: card.offsetWidth, h: card.offsetHeight },
    box: rect(node),
    avoid: Array.from(fig.querySelectorAll('.gov-node.is-linked, .gov-edge.is-active .gov-edge-label-bg')).map(rect),
    lines,
  });
}

/** Scroll so the selected body (box, panel or entry) and its open card both show, centred together. */
function revealSelection(fig: HTMLElement, id: string, win: Window): void {
  const card = fig.querySelector<HTMLElement>('[data-gov-card]:not([hidden])');
  const node = fig.querySelector<SVGElement>(`.gov-node[data-key="${id}"]`);
  const shown = [node, card].filter((e): e is HTMLElement | SVGElement => !!e && e.getClientRects().length > 0);
  if (!shown.length) return;
  const boxes = shown.map((e) => e.getBoundingClientRect());
  const top = Math.min(...boxes.map((b) => b.top));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  const spare = win.innerHeight - (bottom - top);
  win.scrollBy({ top: spare > 0 ? top - spare / 2 : top - 16, behavior: 'instant' });
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

// eslint-disable-next-line max-lines-per-function -- issue #28: 186 lines, to be split into named steps
export function enhanceGovernance(fig: HTMLElement, win: Window = window): void {
  enhanceFigure(fig, win);
  const doc = win.document;
  const box = fig.querySelector<HTMLDetailsElement>('[data-gov-box]');
  const card = fig.querySelector<HTMLElement>('[data-gov-card]');
  const cardTitle = fig.querySelector<HTMLElement>('[data-gov-card-title]');
  const cardBody = fig.querySelector<HTMLElement>('[data-gov-card-body]');
  const entries = Array.from(fig.querySelectorAll<HTMLElement>('[data-body-entry]'));
  const entryOf = (id: string) => entries.find((e) => e.dataset['bodyEntry'] === id);
  const narrow = () => win.matchMedia(NARROW).matches;
  const hood = fig.querySelector<HTMLElement>('[data-gov-hood]');
  /** The one-body panel is what the map shows (its box is narrow: govmap.css). */
  const hoodShown = () => !!box?.open && !!hood && win.getComputedStyle(hood).display !== 'none';
  let returnTo: HTMLElement | SVGElement | null = null;

  // The map stays open (on phones its one-body panel is the page's first chart) and the tiers start
  // closed at every width, so the list below starts as five rows (national to other) and a keyboard
  // passes the whole figure in under 20 Tab stops (issue #25); each tier opens with Enter.
  for (const tier of Array.from(fig.querySelectorAll<HTMLDetailsElement>('.gov-tier-list'))) tier.open = false;
  roveHood(fig);
  for (const node of Array.from(fig.querySelectorAll<SVGElement>('.gov-node'))) {
    node.setAttribute('role', 'button');
    node.setAttribute('aria-pressed', 'false');
  }
  // Each list entry becomes a button that opens the entry in place.
  for (const entry of entries) {
    const name = entry.querySelector<HTMLElement>('.gov-name');
    const body = entry.querySelector<HTMLElement>('.gov-entry-body');
    if (!name || !body) continue;
    const button = doc.createElement('button');
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

  const closeEntries = () => {
    for (const e of entries) {
      const body = e.querySelector<HTMLElement>('.gov-entry-body');
      if (body) body.hidden = true;
      e.querySelector('.gov-pick')?.setAttribute('aria-expanded', 'false');
    }
  };

  const hideCard = () => {
    if (card) card.hidden = true;
  };

  /** Show the body's details: in place in the list, or as the card beside its box on the map. */
  const show = (id: string, where: 'list' | 'map' | 'hood', focus: boolean) => {
    const entry = entryOf(id);
    if (!entry) return;
    if (where === 'map' && hoodShown()) where = 'hood';
    if (where === 'hood') {
      // The one-body panel (narrow screens) now shows this body: focus its name, at the panel's top.
      closeEntries();
      hideCard();
      const self = fig.querySelector<SVGElement>('[data-gov-hood] .gov-hood-self');
      if (focus) self?.focus({ preventScroll: true });
      fig.querySelector('[data-gov-hood]')?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const node = fig.querySelector<SVGElement>(`.gov-node[data-key="${id}"]`);
    const mapShown = !!box?.open && !!node;
    closeEntries();
    hideTip(fig);
    if (where === 'list' || !mapShown || !card || !cardBody || !cardTitle) {
      hideCard();
      const body = entry.querySelector<HTMLElement>('.gov-entry-body');
      if (!body) return;
      body.hidden = false;
      entry.querySelector('.gov-pick')?.setAttribute('aria-expanded', 'true');
      // A tier folded away by the reader opens again to show the entry.
      const tier = entry.closest('details');
      if (tier) tier.open = true;
      if (focus) body.focus({ preventScroll: true });
      entry.scrollIntoView({ block: 'nearest' });
      return;
    }
    cardTitle.textContent = entry.querySelector('.gov-name')?.textContent ?? '';
    const copy = entry.querySelector('.gov-entry-body')?.cloneNode(true) as HTMLElement | undefined;
    cardBody.replaceChildren(...Array.from(copy?.childNodes ?? []));
    for (const el of Array.from(cardBody.querySelectorAll('[id]'))) el.removeAttribute('id');
    card.hidden = false;
    // Beside the box on wide screens, clear of its links (CSSOM, allowed by the CSP); below the map when
    // nowhere on it is free; a bottom sheet on phones (CSS).
    card.style.left = '';
    card.style.top = '';
    card.classList.remove('govmap-card--below');
    const wrap = card.parentElement;
    if (wrap && node && !narrow()) {
      const at = cardPlace(fig, wrap, node, card);
      if (at) {
        card.style.left = `${Math.round(at.x)}px`;
        card.style.top = `${Math.round(at.y)}px`;
      } else card.classList.add('govmap-card--below');
    }
    if (focus) card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  };

  const select = (id: string, where: 'list' | 'map' | 'hood', from: HTMLElement | SVGElement | null) => {
    returnTo = from;
    setFigureState(fig, { body: id }, win);
    show(id, where, true);
  };

  const close = () => {
    hideCard();
    closeEntries();
    setFigureState(fig, { body: '' }, win);
    (returnTo as HTMLElement | null)?.focus();
  };

  fig.addEventListener('click', (event) => {
    const target = event.target as Element;
    const node = target.closest<SVGElement>('.gov-node');
    if (node) {
      const id = node.dataset['key'] ?? '';
      if (getFigureState(fig)?.body === id && card && !card.hidden) return close();
      return select(id, 'map', node);
    }
    const pick = target.closest<HTMLButtonElement>('.gov-pick');
    if (pick) {
      if (pick.getAttribute('aria-expanded') === 'true') return close();
      return select(pick.dataset['pick'] ?? '', 'list', pick);
    }
    const result = target.closest<HTMLButtonElement>('[data-gov-result]');
    if (result) return choose(result.dataset['govResult'] ?? '');
    if (target.closest('[data-gov-close]')) return close();
    // A link to another body (in the card or the list) selects it where the reader is.
    const prefix = `#${fig.id}-body-`;
    const link = target.closest<Element>(`a[href^="${prefix}"]`);
    if (link) {
      event.preventDefault();
      const id = (link.getAttribute('href') ?? '').slice(prefix.length);
      // In the one-body panel: another body redraws the panel; the body's own name opens its entry.
      if (link.closest('[data-gov-hood]'))
        return select(id, link.classList.contains('gov-hood-self') ? 'list' : 'hood', link as SVGElement);
      const inCard = !!link.closest('[data-gov-card]');
      select((link.getAttribute('href') ?? '').slice(prefix.length), inCard ? 'map' : 'list', returnTo);
    }
  });
  fig.addEventListener('keydown', (event) => {
    const node = (event.target as Element).closest('.gov-node');
    if (node && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      (node as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    if (event.key === 'Escape' && (event.target as Element).closest('[data-gov-card]')) {
      event.preventDefault();
      close();
    }
  });
  fig.addEventListener('figurestate', (event) =>
    selectBody(fig, (event as CustomEvent<{ body?: string }>).detail.body || undefined),
  );

  // Search: every word must match; Enter takes the best match.
  const input = fig.querySelector<HTMLInputElement>('[data-gov-search]');
  const results = fig.querySelector<HTMLElement>('[data-gov-results]');
  const status = fig.querySelector<HTMLElement>('.govmap-search-status');
  const choose = (id: string) => {
    if (results) results.hidden = true;
    select(id, box?.open && !narrow() ? 'map' : 'list', input);
  };
  input?.addEventListener('input', () => {
    const found = searchBodies(entries, input.value);
    if (!results || !status) return;
    results.replaceChildren(
      ...found.slice(0, 8).map((e) => {
        const li = doc.createElement('li');
        const b = doc.createElement('button');
        b.type = 'button';
        b.dataset['govResult'] = e.dataset['bodyEntry'] ?? '';
        b.textContent = e.querySelector('.gov-name')?.textContent ?? '';
        li.append(b);
        return li;
      }),
    );
    results.hidden = found.length === 0;
    status.textContent = input.value.trim()
      ? `${found.length} ${found.length === 1 ? 'body matches' : 'bodies match'}${found.length > 8 ? ', first 8 shown' : ''}.`
      : '';
  });
  input?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = searchBodies(entries, input.value)[0];
    if (first) choose(first.dataset['bodyEntry'] ?? '');
  });

  // A selection already in the URL (`?body=`, with this figure's hash or none): highlight it, open its
  // details without moving focus, and bring the body and its card into view together once the page
  // has loaded (after the browser's own scroll to the hash).
  const fromUrl = new URL(win.location.href);
  const initial = fromUrl.hash === `#${fig.id}` || fromUrl.hash === '' ? fromUrl.searchParams.get('body') : null;
  if (initial && entryOf(initial)) {
    setFigureState(fig, { body: initial }, win);
    show(initial, narrow() ? 'list' : 'map', false);
    const reveal = () => revealSelection(fig, initial, win);
    if (doc.readyState === 'complete') win.setTimeout(reveal, 0);
    else win.addEventListener('load', () => win.setTimeout(reveal, 0), { once: true });
  }
}
