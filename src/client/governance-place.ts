/**
 * Where the governance map's detail card goes on a wide screen: beside the selected body, on the side
 * with room, never over the selected body, the bodies it links to, or its highlighted links and
 * labels. A pure function of rectangles and segments (CSS pixels, relative to the map's frame), so it
 * is unit-tested without a browser; null means nowhere on the map is free, and the card then goes
 * below the map instead (govmap.css `.govmap-card--below`).
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** [x1, y1, x2, y2] */
export type Segment = [number, number, number, number];

export interface CardSpace {
  /** The map's frame (the card stays inside it). */
  frame: { w: number; h: number };
  card: { w: number; h: number };
  /** The selected body's box. */
  box: Rect;
  /** Boxes the card must not cover: linked bodies, highlighted labels. */
  avoid: Rect[];
  /** Highlighted links, as straight pieces. */
  lines: Segment[];
}

const GAP = 8;

/** Do a rectangle and a segment meet (the segment's bounding box against the rectangle, grown by `pad`)? */
export function meets(r: Rect, s: Segment, pad = 0): boolean {
  const [x1, y1, x2, y2] = s;
  // Orthogonal routes: pieces are horizontal or vertical, so their bounding box is the piece.
  return (
    Math.max(x1, x2) >= r.x - pad &&
    Math.min(x1, x2) <= r.x + r.w + pad &&
    Math.max(y1, y2) >= r.y - pad &&
    Math.min(y1, y2) <= r.y + r.h + pad
  );
}

export function overlaps(a: Rect, b: Rect, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

/** The card's top-left corner, nearest the selected box among the free places, or null. */
export function placeCard(space: CardSpace): { x: number; y: number } | null {
  const { frame, card, box, avoid, lines } = space;
  const maxX = Math.max(0, frame.w - card.w);
  const maxY = Math.max(0, frame.h - card.h);
  const clampX = (x: number) => Math.min(maxX, Math.max(0, x));
  const clampY = (y: number) => Math.min(maxY, Math.max(0, y));
  const xs = new Set<number>([clampX(box.x + box.w + GAP), clampX(box.x - card.w - GAP), 0, maxX]);
  for (let x = 0; x < maxX; x += 24) xs.add(x);
  const ys = new Set<number>([clampY(box.y), clampY(box.y + box.h - card.h), clampY(box.y + box.h + GAP)]);
  for (let y = 0; y < maxY; y += 24) ys.add(y);
  ys.add(maxY);
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  let best: { x: number; y: number; d: number } | null = null;
  for (const x of xs) {
    for (const y of ys) {
      const r = { x, y, w: card.w, h: card.h };
      if (overlaps(r, box, GAP)) continue;
      if (avoid.some((a) => overlaps(r, a, 2))) continue;
      if (lines.some((s) => meets(r, s, 2))) continue;
      // Nearest the box, measured from the card's nearest point to the box's centre.
      const dx = Math.max(x - cx, 0, cx - (x + card.w));
      const dy = Math.max(y - cy, 0, cy - (y + card.h));
      const d = dx * dx + dy * dy;
      if (!best || d < best.d) best = { x, y, d };
    }
  }
  return best ? { x: best.x, y: best.y } : null;
}
