/**
 * A place for every link's label on the governance map, so that a selected body's links can all be
 * labelled (the labels are drawn hidden and shown with the highlight). ELK makes room only for the
 * focus body's labels: giving every link a label in the layout makes the map half as tall again and
 * bends it more. These labels are placed on their own route after layout instead: at the point along
 * the route that keeps the label off every box and off the labels and lines of every link that shares
 * a body with it (those are highlighted together), as near the middle of the route as that allows.
 * Pure and deterministic (links in data order, whole units).
 */
import type { Box, GovLayout } from './governance-layout.ts';

export interface LabelRequest {
  id: string;
  from: string;
  to: string;
  width: number;
  height: number;
}

type Seg = [number, number, number, number];

function segments(points: [number, number][]): Seg[] {
  const out: Seg[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    out.push([a[0], a[1], b[0], b[1]]);
  }
  return out;
}

function area(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Length of an axis-parallel segment inside a box. */
function inside(b: Box, [x1, y1, x2, y2]: Seg): number {
  const lo = (p: number, q: number) => Math.min(p, q);
  const hi = (p: number, q: number) => Math.max(p, q);
  if (y1 === y2) {
    if (y1 <= b.y || y1 >= b.y + b.height) return 0;
    return Math.max(0, Math.min(hi(x1, x2), b.x + b.width) - Math.max(lo(x1, x2), b.x));
  }
  if (x1 <= b.x || x1 >= b.x + b.width) return 0;
  return Math.max(0, Math.min(hi(y1, y2), b.y + b.height) - Math.max(lo(y1, y2), b.y));
}

/** What a label must keep off: every box (padded), labels already near its bodies, their other links. */
interface Obstacles {
  boxes: readonly Box[];
  near: readonly Box[];
  others: readonly Seg[];
}

/** Every body's box with 2 units to spare round it. */
function paddedNodeBoxes(layout: GovLayout): Box[] {
  return Object.values(layout.nodes).map((b) => ({
    x: b.x - 2,
    y: b.y - 2,
    width: b.width + 4,
    height: b.height + 4,
  }));
}

/**
 * Offsets of a label on a segment: centred on the line, or beside it (to the left or right of an
 * upright run, above or below a level one) for when the middle is taken.
 */
function besideOffsets([x1, , x2]: Seg, req: LabelRequest): [number, number][] {
  return x1 === x2
    ? [
        [0, 0],
        [-(req.width / 2 + 4), 0],
        [req.width / 2 + 4, 0],
      ]
    : [
        [0, 0],
        [0, -(req.height / 2 + 3)],
        [0, req.height / 2 + 3],
      ];
}

/**
 * What a label box costs at distance `s` along a route of length `total`: overlap with boxes and with
 * labels near it, length of other lines under it, distance from the middle, and a small cost for
 * sitting beside the line, so the centre wins when it is free.
 */
function labelCost(box: Box, obstacles: Obstacles, s: number, total: number, beside: boolean): number {
  return (
    obstacles.boxes.reduce((c, b) => c + area(box, b), 0) * 10 +
    obstacles.near.reduce((c, b) => c + area(box, b), 0) * 40 +
    obstacles.others.reduce((c, o) => c + inside(box, o), 0) * 4 +
    Math.abs(s - total / 2) * 0.05 +
    (beside ? 20 : 0)
  );
}

/** The cheapest label box sampled every 6 units along the route, away from both ends; null if none fits. */
function cheapestOnRoute(layout: GovLayout, req: LabelRequest, segs: readonly Seg[], obstacles: Obstacles): Box | null {
  const total = segs.reduce((s, [x1, y1, x2, y2]) => s + Math.abs(x2 - x1) + Math.abs(y2 - y1), 0);
  let best: { box: Box; cost: number } | null = null;
  let walked = 0;
  // Keep away from both ends, less so on a short route (a short link between stacked boxes).
  const margin = Math.min(16, total / 4);
  for (const seg of segs) {
    const [x1, y1, x2, y2] = seg;
    const len = Math.abs(x2 - x1) + Math.abs(y2 - y1);
    const beside = besideOffsets(seg, req);
    for (let t = 0; t <= len; t += 6) {
      const s = walked + t;
      if (s < margin || s > total - margin) continue;
      const f = len ? t / len : 0;
      for (const [dx, dy] of beside) {
        const box = {
          x: Math.round(x1 + (x2 - x1) * f + dx - req.width / 2),
          y: Math.round(y1 + (y2 - y1) * f + dy - req.height / 2),
          width: req.width,
          height: req.height,
        };
        if (box.x < 0 || box.y < 0 || box.x + box.width > layout.width || box.y + box.height > layout.height) continue;
        const cost = labelCost(box, obstacles, s, total, Boolean(dx || dy));
        if (!best || cost < best.cost) best = { box, cost };
      }
    }
    walked += len;
  }
  return best?.box ?? null;
}

/** A route too short to sample: the label at the middle of its middle segment. */
function middleOfRoute(req: LabelRequest, segs: readonly Seg[]): Box {
  const [x1, y1, x2, y2] = segs[Math.floor(segs.length / 2)]!;
  return {
    x: Math.round((x1 + x2) / 2 - req.width / 2),
    y: Math.round((y1 + y2) / 2 - req.height / 2),
    width: req.width,
    height: req.height,
  };
}

/**
 * Label boxes for the requested links. `fixed` labels (already placed, e.g. by ELK) count as taken.
 * Each label is centred on a point of its route, sampled every 6 units, away from both ends.
 */
export function placeEdgeLabels(
  layout: GovLayout,
  requests: readonly LabelRequest[],
  fixed: readonly (LabelRequest & { box: Box })[] = [],
): Record<string, Box> {
  const boxes = paddedNodeBoxes(layout);
  const taken = new Map<string, Box[]>();
  const take = (body: string, box: Box) => taken.set(body, [...(taken.get(body) ?? []), box]);
  for (const f of fixed) {
    take(f.from, f.box);
    take(f.to, f.box);
  }
  const all = [...fixed, ...requests];
  const out: Record<string, Box> = {};
  for (const req of requests) {
    const route = layout.edges[req.id]?.points ?? [];
    if (route.length < 2) continue;
    const segs = segments(route);
    // The lines highlighted with this one: every other link of either of its bodies.
    const others = all
      .filter(
        (o) => o.id !== req.id && (o.from === req.from || o.to === req.from || o.from === req.to || o.to === req.to),
      )
      .flatMap((o) => segments(layout.edges[o.id]?.points ?? []));
    const near = [...(taken.get(req.from) ?? []), ...(taken.get(req.to) ?? [])];
    const box = cheapestOnRoute(layout, req, segs, { boxes, near, others }) ?? middleOfRoute(req, segs);
    out[req.id] = box;
    take(req.from, box);
    take(req.to, box);
  }
  return out;
}
