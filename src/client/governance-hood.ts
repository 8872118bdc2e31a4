/**
 * The narrow-screen panel of one body and its links (src/universal/governance-hood.ts), drawn in the browser
 * from what the page already holds: the body's list entry (whom it answers to and oversees, each link's
 * kind in `data-type`) and the map's own SVG (box lines, and each link's line and arrowhead). No data
 * is shipped twice.
 */
import { hoodSvg, type HoodInput, type HoodLink } from '../universal/governance-hood.ts';

/** The lines of a body's box on the map. */
function boxLines(fig: HTMLElement, id: string): string[] {
  return Array.from(fig.querySelectorAll(`.gov-node[data-key="${CSS.escape(id)}"] .gov-label tspan`)).map((t) =>
    (t.textContent ?? '').trim(),
  );
}

/** The panel's input for a body, or null when the page does not hold it. */
export function hoodFromPage(fig: HTMLElement, id: string): HoodInput | null {
  const entry = fig.querySelector<HTMLElement>(`[data-body-entry="${CSS.escape(id)}"]`);
  const lines = boxLines(fig, id);
  if (!entry || !lines.length) return null;
  const prefix = `#${fig.id}-body-`;
  const edges = Array.from(fig.querySelectorAll<SVGElement>('.gov-edge'));
  const links: HoodLink[] = [];
  for (const li of Array.from(entry.querySelectorAll<HTMLElement>('.gov-links > li'))) {
    const other = li.querySelector(`a[href^="${prefix}"]`)?.getAttribute('href')?.slice(prefix.length) ?? '';
    const type = li.dataset['type'] ?? '';
    const edge = edges.find(
      (e) =>
        e.dataset['type'] === type &&
        ((e.dataset['from'] === id && e.dataset['to'] === other) ||
          (e.dataset['from'] === other && e.dataset['to'] === id)),
    );
    const line = edge?.querySelector('.gov-line');
    const head = edge?.querySelector('.gov-arrow');
    if (!edge || !line || !head) continue;
    const verb = (li.querySelector('.gov-verb')?.textContent ?? '').trim();
    const dash = line.getAttribute('stroke-dasharray');
    links.push({
      id: other,
      lines: boxLines(fig, other),
      verb: verb.charAt(0).toLowerCase() + verb.slice(1),
      up: li.closest<HTMLElement>('.gov-links')?.dataset['group'] === 'up',
      toOther: edge.dataset['from'] === id,
      stroke: line.getAttribute('stroke') ?? 'currentColor',
      width: Number(line.getAttribute('stroke-width') ?? 1.5),
      ...(dash ? { dash } : {}),
      arrow: head.getAttribute('d') ?? '',
      open: head.classList.contains('gov-arrow--open'),
    });
  }
  return { figure: fig.id, id, lines, links };
}

const defaults = new WeakMap<HTMLElement, string>();

/** Draw the panel for a body (the build-time default when `id` is undefined or unknown). */
export function drawHood(fig: HTMLElement, id: string | undefined): void {
  const holder = fig.querySelector<HTMLElement>('[data-gov-hood-svg]');
  if (!holder) return;
  if (!defaults.has(holder)) defaults.set(holder, holder.innerHTML);
  const input = id ? hoodFromPage(fig, id) : null;
  // An SVG string built from the page's own text, escaped by hoodSvg (no scripts, no styles: CSP-safe).
  holder.innerHTML = input ? hoodSvg(input).svg : (defaults.get(holder) ?? '');
  roveHood(fig);
}

/**
 * The panel is one Tab stop (issue #25: its 12 links were 12 stops): the body's own name takes focus
 * from Tab, and the arrow keys (and Home, End) move between the panel's links.
 */
export function roveHood(fig: HTMLElement): void {
  const holder = fig.querySelector<HTMLElement>('[data-gov-hood-svg]');
  if (!holder) return;
  const links = Array.from(holder.querySelectorAll<SVGAElement>('a'));
  const first = links.find((a) => a.classList.contains('gov-hood-self')) ?? links[0];
  for (const a of links) a.setAttribute('tabindex', a === first ? '0' : '-1');
  if (holder.dataset['roving']) return;
  holder.dataset['roving'] = 'true';
  holder.addEventListener('keydown', (event) => {
    const all = Array.from(holder.querySelectorAll<SVGAElement>('a'));
    const at = all.indexOf((event.target as Element).closest('a') as unknown as SVGAElement);
    if (at < 0) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : step[event.key] ? at + step[event.key]! : -1;
    if (next < 0 || next >= all.length) return;
    event.preventDefault();
    all[at]!.setAttribute('tabindex', '-1');
    all[next]!.setAttribute('tabindex', '0');
    all[next]!.focus();
  });
}
