/**
 * Governance diagram interaction: select a body (click, tap, Enter or Space on its box) to show its
 * remit, chair and links in the panel below the diagram, draw its links and light up the bodies at
 * their other ends. Works by toggling classes on the server-rendered SVG; the panel's content is
 * copied from the body's entry in the nested list, which is in the HTML for readers without JS.
 */
import { enhanceFigure, setFigureState } from './enhance.ts';

export function selectBody(fig: HTMLElement, id: string | undefined): void {
  const nodes = Array.from(fig.querySelectorAll<SVGElement>('.gov-node'));
  const linked = new Set<string>();
  for (const edge of Array.from(fig.querySelectorAll<SVGElement>('.gov-edge'))) {
    const on = !!id && (edge.dataset['from'] === id || edge.dataset['to'] === id);
    edge.classList.toggle('is-active', on);
    if (on) linked.add(edge.dataset['from'] === id ? (edge.dataset['to'] ?? '') : (edge.dataset['from'] ?? ''));
  }
  for (const node of nodes) {
    const key = node.dataset['key'] ?? '';
    node.classList.toggle('is-selected', key === id);
    node.classList.toggle('is-linked', linked.has(key));
    node.classList.toggle('is-dimmed', !!id && key !== id && !linked.has(key));
    node.setAttribute('aria-pressed', String(key === id));
  }
  const panel = fig.querySelector<HTMLElement>('.gov-detail');
  const entry = id ? fig.querySelector<HTMLElement>(`[data-body-entry="${id}"]`) : null;
  if (panel) {
    panel.replaceChildren();
    if (entry) {
      const copy = entry.cloneNode(true) as HTMLElement;
      copy.removeAttribute('id');
      for (const el of Array.from(copy.querySelectorAll('[id]'))) el.removeAttribute('id');
      panel.append(...Array.from(copy.childNodes));
    }
    panel.hidden = !entry;
  }
}

export function enhanceGovernance(fig: HTMLElement, win: Window = window): void {
  enhanceFigure(fig, win);
  for (const node of Array.from(fig.querySelectorAll<SVGElement>('.gov-node'))) {
    node.setAttribute('role', 'button');
    node.setAttribute('aria-pressed', 'false');
  }
  const choose = (node: Element) => {
    const key = (node as SVGElement).dataset['key'];
    const current = fig.querySelector<SVGElement>('.gov-node.is-selected')?.dataset['key'];
    setFigureState(fig, { body: key === current ? '' : (key ?? '') }, win);
  };
  fig.addEventListener('click', (event) => {
    const node = (event.target as Element).closest('.gov-node');
    if (node) choose(node);
    // A link in the detail panel selects the other body instead of jumping to the list.
    const link = (event.target as Element).closest<HTMLAnchorElement>('.gov-detail a[href^="#"]');
    const prefix = `#${fig.id}-body-`;
    const href = link?.getAttribute('href') ?? '';
    if (link && href.startsWith(prefix)) {
      event.preventDefault();
      setFigureState(fig, { body: href.slice(prefix.length) }, win);
      fig.querySelector<HTMLElement>('.gov-detail')?.focus();
    }
  });
  fig.addEventListener('keydown', (event) => {
    const node = (event.target as Element).closest('.gov-node');
    if (node && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      choose(node);
    }
  });
  fig.addEventListener('figurestate', (event) => selectBody(fig, (event as CustomEvent<{ body?: string }>).detail.body || undefined));
  // Apply a selection already in the URL (the core script ran first and announced its state).
  const fromUrl = new URL(win.location.href);
  if (fromUrl.hash === `#${fig.id}`) selectBody(fig, fromUrl.searchParams.get('body') || undefined);
}
