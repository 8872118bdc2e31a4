/**
 * Build-time layout of the governance map with elkjs (Eclipse Layout Kernel, EPL-2.0; it runs only in
 * the build and is never sent to readers): the layered (Sugiyama) algorithm, top to bottom, one
 * partition per tier (national, West Mercia, county, local, other) so the tiers read as bands, edges
 * routed orthogonally around the boxes, and the few labelled edges given room by ELK's label
 * placement. Coffman–Graham layering bounds how many boxes share a row, which keeps the map about a
 * desktop column wide instead of 3,000 px.
 *
 * ELK's public `layout()` is asynchronous only because it posts the graph to a (fake, in Node) worker
 * with `setTimeout`. Figures are built synchronously (one `getFigure()` per figure, called from many
 * pages and endpoints), so this module drives the very same worker dispatcher directly and reads the
 * answer synchronously. `elkjs` is pinned; tests/unit/charts/governance-map.test.ts fails loudly if a
 * new version changes that entry point.
 *
 * Determinism: a fixed `elk.randomSeed`, inputs in data order, and only the fields we need are read
 * back (x, y, width, height, sections, labels), rounded to whole units: ELK also writes an internal `$H`
 * field that differs between calls.
 */
import { createRequire } from 'node:module';

/** A box to place: `tier` orders the bands (0 = top). */
export interface LayoutNodeInput {
  id: string;
  tier: number;
  width: number;
  height: number;
}

/**
 * A link to route. `up` marks links that point from the junior body to the senior one (reports to,
 * member of, …): ELK lays them out reversed so seniority flows downwards, and the drawing keeps the
 * arrow at the real target.
 */
export interface LayoutEdgeInput {
  id: string;
  from: string;
  to: string;
  up: boolean;
  /** A label to make room for (width and height in SVG units), or none. */
  label?: { width: number; height: number };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GovLayout {
  width: number;
  height: number;
  nodes: Record<string, Box>;
  /** Route of each edge from its real source to its real target, as points. */
  edges: Record<string, { points: [number, number][]; label?: Box }>;
}

interface ElkPoint {
  x: number;
  y: number;
}
interface ElkShape {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}
interface ElkOut extends ElkShape {
  children?: ElkShape[];
  edges?: (ElkShape & {
    sections?: { startPoint: ElkPoint; endPoint: ElkPoint; bendPoints?: ElkPoint[] }[];
    labels?: ElkShape[];
  })[];
}

type Dispatcher = { saveDispatch(event: { data: unknown }): void };
type FakeWorker = {
  dispatcher?: Dispatcher;
  onmessage?: (event: { data: { data?: ElkOut; error?: unknown } }) => void;
};

export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.randomSeed': '1',
  'elk.partitioning.activate': 'true',
  'elk.separateConnectedComponents': 'false',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.layering.strategy': 'COFFMAN_GRAHAM',
  'elk.layered.layering.coffmanGraham.layerBound': '7',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': '14',
  'elk.layered.spacing.nodeNodeBetweenLayers': '34',
  // Routing channels between rows: ELK's defaults (10 and 10) made the map half as tall again.
  'elk.layered.spacing.edgeEdgeBetweenLayers': '4',
  'elk.layered.spacing.edgeNodeBetweenLayers': '6',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '5',
  'elk.spacing.edgeLabel': '2',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

function runElk(graph: unknown): ElkOut {
  const require = createRequire(import.meta.url);
  const { Worker } = require('elkjs/lib/elk-worker.min.js') as { Worker: new () => FakeWorker };
  const worker = new Worker();
  if (!worker.dispatcher || typeof worker.dispatcher.saveDispatch !== 'function') {
    throw new Error(
      'elkjs: the worker dispatcher this module drives is missing (elkjs changed its internals; see src/charts/governance-layout.ts).',
    );
  }
  const dispatcher = worker.dispatcher;
  const answers: { data?: ElkOut; error?: unknown }[] = [];
  worker.onmessage = (event) => answers.push(event.data);
  const ask = (data: Record<string, unknown>) => {
    dispatcher.saveDispatch({ data });
    const answer = answers.pop();
    if (!answer) throw new Error('elkjs: the layout did not answer synchronously.');
    if (answer.error) throw new Error(`elkjs: ${String((answer.error as Error).message ?? answer.error)}`);
    return answer.data;
  };
  // As elk-api.js does on construction: register the algorithm, then ask for the layout.
  ask({ cmd: 'register', id: 0, algorithms: ['layered'] });
  const out = ask({ cmd: 'layout', id: 1, graph, layoutOptions: {}, options: {} });
  if (!out) throw new Error('elkjs: empty layout.');
  return out;
}

/** Whole units: the SVG stays compact (ELK gives fractions the drawing does not need). */
const r = (n: number | undefined) => Math.round(n ?? 0);

/** Lay out the map. Same input, same output, in any process. */
export function layoutGovernance(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  options: Record<string, string> = LAYOUT_OPTIONS,
): GovLayout {
  const graph = {
    id: 'root',
    layoutOptions: options,
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      layoutOptions: { 'elk.partitioning.partition': String(n.tier) },
    })),
    edges: edges.map((e) => ({
      id: e.id,
      sources: [e.up ? e.to : e.from],
      targets: [e.up ? e.from : e.to],
      ...(e.label
        ? { labels: [{ id: `${e.id}-label`, text: ' ', width: e.label.width, height: e.label.height }] }
        : {}),
    })),
  };
  const out = runElk(graph);
  const layout: GovLayout = { width: r(out.width), height: r(out.height), nodes: {}, edges: {} };
  for (const c of out.children ?? [])
    layout.nodes[c.id] = { x: r(c.x), y: r(c.y), width: r(c.width), height: r(c.height) };
  const up = new Map(edges.map((e) => [e.id, e.up]));
  for (const e of out.edges ?? []) {
    const points: [number, number][] = [];
    for (const s of e.sections ?? [])
      for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) points.push([r(p.x), r(p.y)]);
    if (up.get(e.id)) points.reverse();
    const l = e.labels?.[0];
    layout.edges[e.id] = {
      points,
      ...(l ? { label: { x: r(l.x), y: r(l.y), width: r(l.width), height: r(l.height) } } : {}),
    };
  }
  return layout;
}
