/**
 * One body's neighbourhood on the governance map, for narrow screens, where the whole map would be
 * too small to read: the body across the top and down the left as a spine, then one row per link,
 * the bodies it answers to or takes part in first, then the bodies it oversees, leads, funds or hears
 * from. Each row is a horizontal line in the link's own style (colour, weight, dash, arrowhead at the
 * real target) labelled with the verb read from the body ("reports to", "funded by"), ending at the
 * other body's box. Every row is a link to the other body's entry in the list (`#<figure>-body-<id>`),
 * so it works without JavaScript; the script redraws the panel for the body tapped.
 *
 * A pure function to a string, so the same code draws the default panel at build time (the focus body)
 * and any body in the browser (src/client/governance-diagram.ts) from what the page already holds.
 * The drawing is 300 units wide and scales to the column: its 13-unit text (names and verbs) stays >= 12 px down to a
 * 277 px column (a 320 px phone).
 */

export interface HoodLink {
  /** The other body's id. */
  id: string;
  /** The other body's name, as lines (the map's own wrapping). */
  lines: string[];
  /** The link read from the centre body, lower case: "reports to", "overseen by". */
  verb: string;
  /** The other body is the senior one (the row goes in the first group). */
  up: boolean;
  /** The arrow points at the other body (it is the link's target). */
  toOther: boolean;
  stroke: string;
  width: number;
  /** Stroke dash pattern (an inferred link), or none. */
  dash?: string;
  /** Arrowhead path pointing right, tip at (0, 0). */
  arrow: string;
  /** Open arrowhead (filled with the page colour by CSS). */
  open: boolean;
}

export interface HoodInput {
  /** Id of the figure (links go to `#<figure>-body-<id>`). */
  figure: string;
  id: string;
  lines: string[];
  links: HoodLink[];
}

export const HOOD_WIDTH = 300;
const FONT = 13;
const LINE = 16;
const PAD = 7;
const SPINE = 14;
const BOX = 140;
const LABEL_FONT = 13;
const LABEL_LINE = 15;
const GAP = 10;
const HEADING = 26;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words into lines of at most `max` characters (the header is wide: no need for the map's narrow box). */
export function wrapChars(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A verb longer than fits beside the boxes breaks at the space nearest its middle. */
export function verbLines(verb: string, max = 18): string[] {
  if (verb.length <= max) return [verb];
  const mid = verb.length / 2;
  let best = -1;
  for (let i = 0; i < verb.length; i++)
    if (verb[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return best < 0 ? [verb] : [verb.slice(0, best), verb.slice(best + 1)];
}

/** One tspan per line; a space after every line but the last (or after every line, `trail`), so the
 * text content, and so the accessible name, reads as words ("led by PH", not "led byPH"). */
function tspans(lines: string[], x: number, lineHeight: number, trail = false): string {
  return lines
    .map(
      (l, i) =>
        `<tspan x="${x}"${i ? ` dy="${lineHeight}"` : ''}>${esc(trail || i < lines.length - 1 ? `${l} ` : l)}</tspan>`,
    )
    .join('');
}

/** The panel's SVG and its height in units. */
export function hoodSvg(input: HoodInput): { svg: string; height: number } {
  const W = HOOD_WIDTH;
  const href = (id: string) => `#${input.figure}-body-${id}`;
  const name = input.lines.join(' ');
  const headLines = wrapChars(name, 32);
  const headH = headLines.length * LINE + 2 * PAD;
  const parts: string[] = [];
  let y = headH + 6;
  let lastMid = headH;
  const groups = [
    { title: 'Answers to or takes part in', links: input.links.filter((l) => l.up) },
    { title: 'Oversees, leads, funds or hears from', links: input.links.filter((l) => !l.up) },
  ];
  for (const group of groups) {
    if (!group.links.length) continue;
    parts.push(
      `<text class="gov-hood-heading" x="${SPINE + 8}" y="${y + 17}" font-size="${FONT}" font-weight="bold">${esc(group.title)}</text>`,
    );
    y += HEADING;
    for (const l of group.links) {
      const boxH = l.lines.length * LINE + 2 * PAD;
      const verb = verbLines(l.verb);
      const above = verb.length * LABEL_LINE + 4;
      const mid = y + Math.max(boxH / 2, above);
      const boxY = mid - boxH / 2;
      const x1 = W - BOX;
      const tip = l.toOther ? `translate(${x1},${mid})` : `translate(${SPINE},${mid}) rotate(180)`;
      parts.push(
        `<a class="gov-hood-link" href="${href(l.id)}" data-key="${esc(l.id)}">` +
          // The whole row takes the tap, not only its strokes and letters.
          `<rect class="gov-hood-hit" x="${SPINE}" y="${y}" width="${W - SPINE}" height="${Math.max(mid + boxH / 2, mid + 6) - y}" fill="transparent"/>` +
          `<path class="gov-line" d="M${SPINE},${mid}H${x1}" stroke="${esc(l.stroke)}" stroke-width="${l.width}"${l.dash ? ` stroke-dasharray="${esc(l.dash)}"` : ''} fill="none"/>` +
          `<path class="gov-arrow${l.open ? ' gov-arrow--open' : ''}" d="${esc(l.arrow)}" transform="${tip}" fill="${l.open ? 'none' : esc(l.stroke)}" stroke="${esc(l.stroke)}" stroke-width="1.5"/>` +
          `<text class="gov-hood-verb" x="${SPINE + 16}" y="${mid - 5 - (verb.length - 1) * LABEL_LINE}" font-size="${LABEL_FONT}">${tspans(verb, SPINE + 16, LABEL_LINE, true)}</text>` +
          `<rect class="gov-box" x="${x1 + 0.75}" y="${boxY + 0.75}" width="${BOX - 1.5}" height="${boxH - 1.5}" rx="5"/>` +
          `<text class="gov-label" x="${x1 + PAD}" y="${boxY + PAD + FONT - 1}" font-size="${FONT}">${tspans(l.lines, x1 + PAD, LINE)}</text>` +
          `</a>`,
      );
      lastMid = mid;
      y = Math.max(mid + boxH / 2, mid + 6) + GAP;
    }
  }
  const height = Math.ceil(Math.max(y - GAP + 2, headH + 2));
  const spineBottom = Math.max(lastMid + 10, headH);
  // The spine is drawn apart from the body's own link, so the link's box is the header alone (a
  // keyboard focus check finds the focused link at its centre, not under the rows beside the spine).
  const head =
    `<path class="gov-box gov-hood-spine" d="M1,${headH - 2}H${SPINE}V${spineBottom}H1Z"/>` +
    `<a class="gov-hood-self" href="${href(input.id)}" data-key="${esc(input.id)}" aria-label="${esc(`${name}: its entry in the list`)}">` +
    `<path class="gov-box gov-hood-spine" d="M1,1H${W - 1}V${headH - 1}H1Z"/>` +
    `<text class="gov-label" x="${PAD + 2}" y="${PAD + FONT - 1}" font-size="${FONT}" font-weight="bold">${tspans(headLines, PAD + 2, LINE)}</text>` +
    `</a>`;
  const svg =
    `<svg class="gov-map gov-hood" role="group" aria-label="${esc(`${name} and its links`)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" fill="currentColor" ` +
    `font-family="system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif" xmlns="http://www.w3.org/2000/svg">` +
    `${head}${parts.join('')}</svg>`;
  return { svg, height };
}
