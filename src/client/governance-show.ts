/**
 * Where a selected body's details show on the governance map (src/client/governance-diagram.ts): in
 * the one-body panel on narrow screens, in place in the tiered list, or as a card beside its box.
 */
import { hideTip } from './enhance.ts';
import { placeCard, type Rect, type Segment } from './governance-place.ts';

const NARROW = '(max-width: 40rem)';

/** The parts of a governance figure the script works with, found once. */
export interface GovParts {
  fig: HTMLElement;
  win: Window;
  /** The map's fold (open unless the reader closes it). */
  box: HTMLDetailsElement | null;
  card: HTMLElement | null;
  cardTitle: HTMLElement | null;
  cardBody: HTMLElement | null;
  /** The tiered list's entries, one per body. */
  entries: HTMLElement[];
  hood: HTMLElement | null;
  input: HTMLInputElement | null;
  results: HTMLElement | null;
  status: HTMLElement | null;
}

export type Where = 'list' | 'map' | 'hood';

export function findParts(fig: HTMLElement, win: Window): GovParts {
  return {
    fig,
    win,
    box: fig.querySelector<HTMLDetailsElement>('[data-gov-box]'),
    card: fig.querySelector<HTMLElement>('[data-gov-card]'),
    cardTitle: fig.querySelector<HTMLElement>('[data-gov-card-title]'),
    cardBody: fig.querySelector<HTMLElement>('[data-gov-card-body]'),
    entries: Array.from(fig.querySelectorAll<HTMLElement>('[data-body-entry]')),
    hood: fig.querySelector<HTMLElement>('[data-gov-hood]'),
    input: fig.querySelector<HTMLInputElement>('[data-gov-search]'),
    results: fig.querySelector<HTMLElement>('[data-gov-results]'),
    status: fig.querySelector<HTMLElement>('.govmap-search-status'),
  };
}

export const entryOf = (parts: GovParts, id: string) => parts.entries.find((e) => e.dataset['bodyEntry'] === id);
export const isNarrow = (win: Window) => win.matchMedia(NARROW).matches;

/** The one-body panel is what the map shows (its box is narrow: govmap.css). */
function hoodShown({ box, hood, win }: GovParts): boolean {
  return !!box?.open && !!hood && win.getComputedStyle(hood).display !== 'none';
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
export function revealSelection(fig: HTMLElement, id: string, win: Window): void {
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

export function closeEntries(entries: readonly HTMLElement[]): void {
  for (const e of entries) {
    const body = e.querySelector<HTMLElement>('.gov-entry-body');
    if (body) body.hidden = true;
    e.querySelector('.gov-pick')?.setAttribute('aria-expanded', 'false');
  }
}

export function hideCard({ card }: GovParts): void {
  if (card) card.hidden = true;
}

/** The one-body panel (narrow screens) now shows the body: focus its name, at the panel's top. */
function showInHood(parts: GovParts, focus: boolean): void {
  closeEntries(parts.entries);
  hideCard(parts);
  const self = parts.fig.querySelector<SVGElement>('[data-gov-hood] .gov-hood-self');
  if (focus) self?.focus({ preventScroll: true });
  parts.fig.querySelector('[data-gov-hood]')?.scrollIntoView({ block: 'nearest' });
}

/** Open the body's entry in place in the list; a tier folded away by the reader opens again to show it. */
function showInList(parts: GovParts, entry: HTMLElement, focus: boolean): void {
  hideCard(parts);
  const body = entry.querySelector<HTMLElement>('.gov-entry-body');
  if (!body) return;
  body.hidden = false;
  entry.querySelector('.gov-pick')?.setAttribute('aria-expanded', 'true');
  const tier = entry.closest('details');
  if (tier) tier.open = true;
  if (focus) body.focus({ preventScroll: true });
  entry.scrollIntoView({ block: 'nearest' });
}

/**
 * The card, a copy of the body's entry: beside the box on wide screens, clear of its links (CSSOM,
 * allowed by the CSP); below the map when nowhere on it is free; a bottom sheet on phones (CSS).
 */
function showCard(
  parts: GovParts & { card: HTMLElement; cardTitle: HTMLElement; cardBody: HTMLElement },
  entry: HTMLElement,
  node: SVGElement,
  focus: boolean,
): void {
  const { fig, card, cardTitle, cardBody } = parts;
  cardTitle.textContent = entry.querySelector('.gov-name')?.textContent ?? '';
  const copy = entry.querySelector('.gov-entry-body')?.cloneNode(true) as HTMLElement | undefined;
  cardBody.replaceChildren(...Array.from(copy?.childNodes ?? []));
  for (const el of Array.from(cardBody.querySelectorAll('[id]'))) el.removeAttribute('id');
  card.hidden = false;
  card.style.left = '';
  card.style.top = '';
  card.classList.remove('govmap-card--below');
  const wrap = card.parentElement;
  if (wrap && !isNarrow(parts.win)) {
    const at = cardPlace(fig, wrap, node, card);
    if (at) {
      card.style.left = `${Math.round(at.x)}px`;
      card.style.top = `${Math.round(at.y)}px`;
    } else card.classList.add('govmap-card--below');
  }
  if (focus) card.focus({ preventScroll: true });
  card.scrollIntoView({ block: 'nearest' });
}

/** Show the body's details: in the one-body panel, in place in the list, or as the card beside its box. */
export function showBody(parts: GovParts, id: string, where: Where, focus: boolean): void {
  const entry = entryOf(parts, id);
  if (!entry) return;
  if (where === 'hood' || (where === 'map' && hoodShown(parts))) return showInHood(parts, focus);
  const node = parts.fig.querySelector<SVGElement>(`.gov-node[data-key="${id}"]`);
  const mapShown = !!parts.box?.open && !!node;
  closeEntries(parts.entries);
  hideTip(parts.fig);
  const { card, cardBody, cardTitle } = parts;
  if (where === 'list' || !mapShown || !card || !cardBody || !cardTitle) return showInList(parts, entry, focus);
  showCard({ ...parts, card, cardTitle, cardBody }, entry, node, focus);
}
