/**
 * Sideways compaction of an orthogonal layout. ELK's network-simplex node placement keeps long links
 * straight (short routes, few bends) but spreads the map over 2,500 units; ELK's own post-compaction
 * works only along the layering direction (here: vertically). This closes the empty columns instead:
 * every box, every vertical piece of a route and every label keeps its left-to-right order with
 * everything it shares height with, and moves as far left as the spacing allows; then the same to the
 * right, and each object takes the middle of the two, so rows stay balanced. A vertical piece that
 * ends on a box moves with the box, so links stay attached; horizontal pieces only stretch or shrink.
 * Nothing changes vertically. Pure and deterministic.
 */
import type { Box, GovLayout } from './governance-layout.ts';

interface Member {
  group: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  kind: 'node' | 'line' | 'label';
}

const GAPS: Record<string, number> = {
  'node-node': 14,
  'line-node': 10,
  'node-line': 10,
  'line-line': 5,
};

/** Members joined into rigid groups (union-find; a group is named by its lowest member). */
interface MemberSet {
  members: Member[];
  parent: number[];
}

function findGroup(set: MemberSet, i: number): number {
  const { parent } = set;
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function joinGroups(set: MemberSet, a: number, b: number): void {
  const [ra, rb] = [findGroup(set, a), findGroup(set, b)];
  if (ra !== rb) set.parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

function addMember(set: MemberSet, m: Omit<Member, 'group'>): number {
  const i = set.members.length;
  set.members.push({ ...m, group: i });
  set.parent.push(i);
  return i;
}

/** A route's end on a box, free to slide along the box's side: its vertical piece, the box, where. */
interface Attachment {
  line: number;
  node: number;
  x: number;
}

/** Everything that moves, and which member each route point and label follows. */
interface Collected {
  set: MemberSet;
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  /** Per edge, the member each route point follows. */
  pointOwner: Map<string, number[]>;
  attach: Attachment[];
  labelOwner: Map<string, number>;
}

type Route = GovLayout['edges'][string];

/**
 * A route's members. Each route point follows a member: the vertical piece it ends, or the box it
 * sits on; a route's end on a box that ends a vertical piece is attached (it slides along the box's
 * side, at least 4 units in from each corner). A point still without an owner (a horizontal piece
 * between two horizontal ones) takes its own.
 */
function addRoute(
  set: MemberSet,
  e: Route,
  onNode: (x: number, y: number) => number | undefined,
  attach: Attachment[],
): number[] {
  const owners: number[] = [];
  const pts = e.points;
  for (let i = 0; i < pts.length; i++) owners.push(-1);
  for (let i = 1; i < pts.length; i++) {
    const [a, b] = [pts[i - 1]!, pts[i]!];
    if (a[0] !== b[0]) continue;
    const m = addMember(set, { x0: a[0], x1: a[0], y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]), kind: 'line' });
    owners[i - 1] = owners[i - 1]! >= 0 ? owners[i - 1]! : m;
    owners[i] = m;
    if (owners[i - 1] !== m) joinGroups(set, owners[i - 1]!, m);
  }
  for (const end of [0, pts.length - 1]) {
    const p = pts[end]!;
    const n = onNode(p[0], p[1]);
    if (n === undefined) continue;
    if (owners[end]! >= 0) attach.push({ line: owners[end]!, node: n, x: p[0] });
    else owners[end] = n;
  }
  for (let i = 0; i < pts.length; i++)
    if (owners[i]! < 0)
      owners[i] = addMember(set, { x0: pts[i]![0], x1: pts[i]![0], y0: pts[i]![1], y1: pts[i]![1], kind: 'line' });
  return owners;
}

/**
 * A label's member. It moves with the nearest vertical piece of its route at its height (ELK puts it
 * on or beside the line), so it never drifts away from its link.
 */
function addLabel(set: MemberSet, l: Box, owners: readonly number[]): number {
  const { members } = set;
  const m = addMember(set, { x0: l.x, x1: l.x + l.width, y0: l.y, y1: l.y + l.height, kind: 'label' });
  const dist = (o: number) => {
    const h = members[o]!;
    return Math.max(l.x - h.x0, h.x0 - (l.x + l.width), 0);
  };
  const host = owners
    .filter((o) => {
      const h = members[o]!;
      return h.kind === 'line' && h.y1 >= l.y && h.y0 <= l.y + l.height;
    })
    .sort((a, b) => dist(a) - dist(b))[0];
  if (host !== undefined) joinGroups(set, m, host);
  return m;
}

/** Every box, vertical route piece and label as a member, joined into the groups that move together. */
function collectMembers(layout: GovLayout): Collected {
  const set: MemberSet = { members: [], parent: [] };
  const nodeIds = Object.keys(layout.nodes);
  const nodeIndex = new Map<string, number>();
  for (const id of nodeIds) {
    const b = layout.nodes[id]!;
    nodeIndex.set(id, addMember(set, { x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height, kind: 'node' }));
  }
  const onNode = (x: number, y: number): number | undefined => {
    for (const id of nodeIds) {
      const b = layout.nodes[id]!;
      if (x >= b.x && x <= b.x + b.width && y >= b.y - 0.5 && y <= b.y + b.height + 0.5) return nodeIndex.get(id);
    }
    return undefined;
  };
  const pointOwner = new Map<string, number[]>();
  const attach: Attachment[] = [];
  const labelOwner = new Map<string, number>();
  for (const [id, e] of Object.entries(layout.edges)) {
    const owners = addRoute(set, e, onNode, attach);
    pointOwner.set(id, owners);
    if (e.label) labelOwner.set(id, addLabel(set, e.label, owners));
  }
  set.members.forEach((m, i) => (m.group = findGroup(set, i)));
  return { set, nodeIds, nodeIndex, pointOwner, attach, labelOwner };
}

/** Group b's position must be at least group a's plus w. */
interface Constraint {
  a: number;
  b: number;
  w: number;
}

/** Each group's left edge: its offsets within the group are rigid. */
function groupLefts(members: readonly Member[]): Map<number, number> {
  const gx = new Map<number, number>();
  for (const m of members) gx.set(m.group, Math.min(gx.get(m.group) ?? Infinity, m.x0));
  return gx;
}

/** Members that share height keep their left-to-right order, with the gap their kinds need. */
function orderConstraints(members: readonly Member[], gx: Map<number, number>): Constraint[] {
  const cons: Constraint[] = [];
  const sorted = members.map((_, i) => i).sort((i, j) => members[i]!.x0 - members[j]!.x0 || i - j);
  for (let ii = 0; ii < sorted.length; ii++) {
    const a = members[sorted[ii]!]!;
    for (let jj = ii + 1; jj < sorted.length; jj++) {
      const b = members[sorted[jj]!]!;
      if (a.group === b.group) continue;
      if (b.x0 < a.x1) continue; // overlapping sideways already: no order to keep
      const pad = a.kind === 'node' && b.kind === 'node' ? 4 : 1;
      if (a.y1 + pad <= b.y0 || b.y1 + pad <= a.y0) continue;
      const gap = a.kind === 'label' || b.kind === 'label' ? 2 : (GAPS[`${a.kind}-${b.kind}`] ?? 5);
      const w = a.x1 - gx.get(a.group)! + Math.min(gap, b.x0 - a.x1) - (b.x0 - gx.get(b.group)!);
      cons.push({ a: a.group, b: b.group, w });
    }
  }
  return cons;
}

/** Horizontal pieces keep their direction. */
function directionConstraints(layout: GovLayout, c: Collected, gx: Map<number, number>): Constraint[] {
  const { members } = c.set;
  const cons: Constraint[] = [];
  for (const [id, e] of Object.entries(layout.edges)) {
    const owners = c.pointOwner.get(id)!;
    for (let i = 1; i < e.points.length; i++) {
      const [p, q] = [e.points[i - 1]!, e.points[i]!];
      if (p[1] !== q[1] || p[0] === q[0]) continue;
      const [l, r, lp, rp] = p[0] < q[0] ? [owners[i - 1]!, owners[i]!, p, q] : [owners[i]!, owners[i - 1]!, q, p];
      const [gl, gr] = [members[l]!.group, members[r]!.group];
      if (gl === gr) continue;
      cons.push({ a: gl, b: gr, w: lp[0] - gx.get(gl)! + Math.min(6, rp[0] - lp[0]) - (rp[0] - gx.get(gr)!) });
    }
  }
  return cons;
}

/** An attached route end stays on its box's side, at least 4 units in from each corner. */
function attachConstraints(c: Collected, gx: Map<number, number>): Constraint[] {
  const { members } = c.set;
  const cons: Constraint[] = [];
  for (const { line, node, x } of c.attach) {
    const [l, n] = [members[line]!, members[node]!];
    if (l.group === n.group) continue;
    const [ol, on] = [l.x0 - gx.get(l.group)!, n.x0 - gx.get(n.group)!];
    cons.push({ a: n.group, b: l.group, w: on + Math.min(4, x - n.x0) - ol });
    cons.push({ a: l.group, b: n.group, w: ol - on - (n.x1 - n.x0) + Math.min(4, n.x1 - x) });
  }
  return cons;
}

/**
 * Every group as far left (dir 1) or right (dir -1) as the constraints allow: longest path by
 * relaxation; the original positions satisfy every constraint, so it converges.
 */
function solve(groups: readonly number[], cons: readonly Constraint[], dir: 1 | -1): Map<number, number> {
  const x = new Map(groups.map((g) => [g, 0]));
  for (let pass = 0; pass < groups.length + 1; pass++) {
    let changed = false;
    for (const c of cons) {
      if (dir === 1) {
        const need = x.get(c.a)! + c.w;
        if (need > x.get(c.b)! + 1e-9) {
          x.set(c.b, need);
          changed = true;
        }
      } else {
        const need = x.get(c.b)! - c.w;
        if (need < x.get(c.a)! - 1e-9) {
          x.set(c.a, need);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return x;
}

/** Shift both solutions so that their leftmost object starts at 0, then take the middle. */
function middlePositions(
  members: readonly Member[],
  gx: Map<number, number>,
  left: Map<number, number>,
  right: Map<number, number>,
): Map<number, number> {
  const span = (x: Map<number, number>) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of members) {
      const at = x.get(m.group)! + m.x0 - gx.get(m.group)!;
      lo = Math.min(lo, at);
      hi = Math.max(hi, at + m.x1 - m.x0);
    }
    return { lo, hi };
  };
  const [sl, sr] = [span(left), span(right)];
  return new Map([...gx.keys()].map((g) => [g, (left.get(g)! - sl.lo + right.get(g)! - sr.lo) / 2]));
}

/** The layout with every box, route point and label at its group's new position; width to fit. */
function movedLayout(layout: GovLayout, c: Collected, gx: Map<number, number>, pos: Map<number, number>): GovLayout {
  const { members } = c.set;
  const at = (i: number, x0 = members[i]!.x0) =>
    Math.round(pos.get(members[i]!.group)! + x0 - gx.get(members[i]!.group)!);
  const out: GovLayout = { width: 0, height: layout.height, nodes: {}, edges: {} };
  for (const id of c.nodeIds) {
    const b = layout.nodes[id]!;
    out.nodes[id] = { ...b, x: at(c.nodeIndex.get(id)!) };
  }
  for (const [id, e] of Object.entries(layout.edges)) {
    const owners = c.pointOwner.get(id)!;
    const points = e.points.map((p, i): [number, number] => {
      const m = members[owners[i]!]!;
      return [Math.round(pos.get(m.group)! + p[0] - gx.get(m.group)!), p[1]];
    });
    const lo = c.labelOwner.get(id);
    const label: Box | undefined = e.label && lo !== undefined ? { ...e.label, x: at(lo) } : undefined;
    out.edges[id] = { points, ...(label ? { label } : {}) };
  }
  const xs = [
    ...Object.values(out.nodes).map((b) => b.x + b.width),
    ...Object.values(out.edges).flatMap((e) => [...e.points.map((p) => p[0]), e.label ? e.label.x + e.label.width : 0]),
  ];
  out.width = Math.max(...xs);
  return out;
}

/** Compact a layout sideways (see above). */
export function compactLayout(layout: GovLayout): GovLayout {
  const collected = collectMembers(layout);
  const { members } = collected.set;
  const gx = groupLefts(members);
  const cons = [
    ...orderConstraints(members, gx),
    ...directionConstraints(layout, collected, gx),
    ...attachConstraints(collected, gx),
  ];
  const groups = [...gx.keys()];
  const left = solve(groups, cons, 1);
  const right = solve(groups, cons, -1);
  return movedLayout(layout, collected, gx, middlePositions(members, gx, left, right));
}

/** Total route length and bends of a layout (how the layout options were compared; docs/governance-map.md). */
export function layoutStats(layout: GovLayout): { length: number; bends: number } {
  let length = 0;
  let bends = 0;
  for (const e of Object.values(layout.edges)) {
    bends += Math.max(0, e.points.length - 2);
    for (let i = 1; i < e.points.length; i++)
      length += Math.abs(e.points[i]![0] - e.points[i - 1]![0]) + Math.abs(e.points[i]![1] - e.points[i - 1]![1]);
  }
  return { length, bends };
}
