/**
 * What the governance map and its text alternative need, from the bodies, relationships and
 * activities datasets: the map's rows (bodies and their outgoing links), its build-time layout, and
 * one entry per body for the tiered list and the detail card (what it is, whom it answers to, whom it
 * oversees or leads, the work listed under it (marked where that is our reading), each linked to its passage in the report).
 *
 * With a theme, only the bodies that work on it (bodies.csv `themes`) and the bodies directly linked
 * to them are kept, with the links that touch the theme's bodies; the layout is computed for that
 * smaller graph, so a theme page's map is compact.
 *
 * Tiers come from the `level` column of bodies.csv. `basis` (stated or inferred) and `source_lines`
 * are optional columns: a missing basis means stated, missing lines mean no passage link.
 */
import { boxLines, governanceMap, mapLayoutInput, TIERS, type GovNode } from '../charts/governance.ts';
import { compactLayout } from '../charts/governance-compact.ts';
import { layoutGovernance, type GovLayout } from '../charts/governance-layout.ts';
import { arrowPath, basisOf, EDGE_KINDS, edgeKind, INFERRED_DASH, type Basis } from '../charts/governance-style.ts';
import { hoodSvg, type HoodLink } from '../universal/governance-hood.ts';
import { otherSource, sourceHrefIfCited } from '../lib/source-links.ts';
import { STATUS_LABELS } from '../lib/status-verbs.ts';
import type { ActivityRow, BodyRow, RelationshipRow } from '../schemas/governance.ts';

type Optional = { basis?: string; source_lines?: string };
export type BodyData = BodyRow & Optional;
export type LinkData = RelationshipRow & Optional;
export type ActivityData = ActivityRow & Optional;

export const TIER_LABELS: Record<string, string> = {
  national: 'National',
  'west-mercia': 'West Mercia',
  county: 'County',
  local: 'Local',
  other: 'Other',
};

export interface EntryLink {
  other: string;
  otherName: string;
  /** The verb read from this body, e.g. "reports to", "overseen by". */
  verb: string;
  /** This body is the link's source (the arrow points at the other body). */
  out: boolean;
  type: string;
  basis: Basis;
  /** Why the link is our reading (basis inferred), else empty. */
  note: string;
  description: string;
  href?: string;
  /** The row's `source_lines` cell, for a link to every passage it cites (`211-212;229-232`). */
  lines?: string;
  /** The row's source (a sources.csv id): the document its lines are counted in. */
  source?: string;
}

export interface EntryWork {
  id: string;
  description: string;
  status: string;
  period: string;
  /** Whether the report names this body as doing the work (stated) or we file it here (inferred). */
  basis: Basis;
  /** Why filing it here is our reading (basis inferred), else empty. */
  note: string;
  href?: string;
  /** The row's `source_lines` cell, for a link to every passage it cites (`211-212;229-232`). */
  lines?: string;
  /** The row's source (a sources.csv id): the document its lines are counted in. */
  source?: string;
}

export interface GovernanceEntry {
  id: string;
  name: string;
  shortName?: string;
  chair?: string;
  statutory?: string;
  remit: string;
  tier: string;
  /** Bodies it answers to or takes part in (the other body is the senior one). */
  up: EntryLink[];
  /** Bodies it oversees, leads, chairs, funds or hears from. */
  down: EntryLink[];
  work: EntryWork[];
  href?: string;
}

export interface GovernanceData {
  nodes: GovNode[];
  tiers: { id: string; label: string; bodies: GovernanceEntry[] }[];
  links: LinkData[];
  bodies: BodyData[];
  core: Set<string>;
  focus?: string;
  layout: GovLayout;
  /** Edge kinds present, in legend order, and whether any link is inferred. */
  kinds: string[];
  anyInferred: boolean;
}

export function bodyLabel(b: BodyRow): string {
  // "Worcestershire County Council Public Health team" reads "Public Health team (WCC)" like its
  // sister teams, not as its short name "PH" (a box holds three lines; issue #25).
  return b.name
    .replace(/^Worcestershire (?!County Council)/, '')
    .replace(/, Worcestershire County Council$/, ' (WCC)')
    .replace(/^Worcestershire County Council (.+ team)$/, '$1 (WCC)');
}

const layouts = new Map<string, GovLayout>();

/** Links in both directions of a body. */
function degreeOf(links: readonly LinkData[], id: string): number {
  return links.filter((l) => l.from_body === id || l.to_body === id).length;
}

/**
 * The bodies and links a map shows. A theme's map keeps to the bodies that work on the theme (its
 * core) and the links between them, so a body linked only through a busy body (Best Bar None through
 * public health) is not on the PCC page. Bodies come in tier order.
 */
function mapSlice(
  allBodies: readonly BodyData[],
  allLinks: readonly LinkData[],
  theme: string | undefined,
): { core: Set<string>; links: LinkData[]; bodies: BodyData[] } {
  const core = new Set(allBodies.filter((b) => !theme || b.themes.includes(theme)).map((b) => b.id));
  const links = allLinks.filter((l) => !theme || (core.has(l.from_body) && core.has(l.to_body)));
  const shown = new Set([...core, ...links.flatMap((l) => [l.from_body, l.to_body])]);
  const tierIndex = (level: string) => (TIERS as readonly string[]).indexOf(level);
  const bodies = allBodies.filter((b) => shown.has(b.id)).sort((a, b) => tierIndex(a.level) - tierIndex(b.level));
  return { core, links, bodies };
}

/** The map's boxes: each body with its label, tier and the links that start at it. */
function mapNodes(bodies: readonly BodyData[], links: readonly LinkData[]): GovNode[] {
  return bodies.map((b) => ({
    id: b.id,
    label: bodyLabel(b),
    ...(b.short_name ? { shortLabel: b.short_name } : {}),
    name: b.name,
    lane: b.level,
    laneLabel: TIER_LABELS[b.level] ?? b.level,
    links: links
      .filter((l) => l.from_body === b.id)
      .map((l) => ({ to: l.to_body, type: l.type, basis: basisOf(l.basis) })),
    degree: degreeOf(links, b.id),
  }));
}

/**
 * The body drawn and labelled in the static map: the Safer Communities Board when it belongs to the
 * map (always on the main map), otherwise the theme body with most links to other theme bodies.
 */
function focusBody(bodies: readonly BodyData[], links: readonly LinkData[], core: Set<string>): string | undefined {
  const inner = (id: string) =>
    links.filter((l) => (l.from_body === id && core.has(l.to_body)) || (l.to_body === id && core.has(l.from_body)))
      .length;
  return core.has('safer-communities-board')
    ? 'safer-communities-board'
    : [...bodies]
        .filter((b) => core.has(b.id))
        .sort(
          (a, b) =>
            inner(b.id) - inner(a.id) || degreeOf(links, b.id) - degreeOf(links, a.id) || a.name.localeCompare(b.name),
        )[0]?.id;
}

/** The map's layout (ELK, then compacted sideways), laid out once per set of bodies, links and focus. */
function mapLayout(nodes: readonly GovNode[], focus: string | undefined): GovLayout {
  // Cached by the whole layout input, not the theme: two maps with different bodies get two layouts.
  const input = mapLayoutInput(nodes, focus);
  const key = JSON.stringify(input);
  let layout = layouts.get(key);
  if (!layout) {
    layout = compactLayout(layoutGovernance(input.nodes, input.edges));
    layouts.set(key, layout);
  }
  return layout;
}

/**
 * A body's links for its list entry, each in words from this body's side. The other body is senior
 * (`up`) when this one points up to it, or when it points down to this one.
 */
function entryLinks(
  b: BodyData,
  links: readonly LinkData[],
  byId: ReadonlyMap<string, BodyData>,
): { up: EntryLink[]; down: EntryLink[] } {
  const up: EntryLink[] = [];
  const down: EntryLink[] = [];
  for (const l of links) {
    if (l.from_body !== b.id && l.to_body !== b.id) continue;
    const out = l.from_body === b.id;
    const kind = edgeKind(l.type);
    const other = out ? l.to_body : l.from_body;
    const href = sourceHrefIfCited(l.source_lines, l.source);
    const item: EntryLink = {
      other,
      otherName: byId.get(other)?.name ?? other,
      verb: out ? kind.active : kind.passive,
      out,
      type: l.type,
      basis: basisOf(l.basis),
      note: basisOf(l.basis) === 'inferred' ? (l.basis_note ?? '') : '',
      description: l.description,
      ...(href ? { href, lines: l.source_lines ?? '', ...otherSource(l.source) } : {}),
    };
    (out === kind.up ? up : down).push(item);
  }
  return { up, down };
}

/** A body's activities for its list entry, with their status in words. */
function entryWork(b: BodyData, activities: readonly ActivityData[]): EntryWork[] {
  return activities
    .filter((a) => a.body === b.id)
    .map((a): EntryWork => {
      const href = sourceHrefIfCited(a.source_lines, a.source);
      return {
        id: a.id,
        description: a.description,
        status: STATUS_LABELS[a.status],
        period: a.period.label,
        basis: basisOf(a.basis),
        note: basisOf(a.basis) === 'inferred' ? (a.basis_note ?? '') : '',
        ...(href ? { href, lines: a.source_lines ?? '', ...otherSource(a.source) } : {}),
      };
    });
}

/** A body's entry in the tiered list: who it is, its links up and down, and its work. */
function governanceEntry(
  b: BodyData,
  links: readonly LinkData[],
  byId: ReadonlyMap<string, BodyData>,
  activities: readonly ActivityData[],
): GovernanceEntry {
  const { up, down } = entryLinks(b, links, byId);
  const work = entryWork(b, activities);
  const href = sourceHrefIfCited(b.source_lines, b.source);
  return {
    id: b.id,
    name: b.name,
    ...(b.short_name ? { shortName: b.short_name } : {}),
    ...(b.chair ? { chair: b.chair } : {}),
    ...(b.statutory ? { statutory: b.statutory } : {}),
    remit: b.remit,
    tier: TIER_LABELS[b.level] ?? b.level,
    up,
    down,
    work,
    ...(href ? { href } : {}),
  };
}

export function governanceData(
  allBodies: readonly BodyData[],
  allLinks: readonly LinkData[],
  activities: readonly ActivityData[],
  theme?: string,
): GovernanceData {
  const { core, links, bodies } = mapSlice(allBodies, allLinks, theme);
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const nodes = mapNodes(bodies, links);
  const focus = focusBody(bodies, links, core);
  const layout = mapLayout(nodes, focus);
  const tiers = TIERS.filter((t) => bodies.some((b) => b.level === t)).map((t) => ({
    id: t,
    label: TIER_LABELS[t] ?? t,
    bodies: bodies.filter((b) => b.level === t).map((b) => governanceEntry(b, links, byId, activities)),
  }));
  const present = new Set<string>(links.map((l) => l.type));
  return {
    nodes,
    tiers,
    links,
    bodies,
    core,
    ...(focus ? { focus } : {}),
    layout,
    kinds: Object.keys(EDGE_KINDS).filter((k) => present.has(k)),
    anyInferred: links.some((l) => basisOf(l.basis) === 'inferred'),
  };
}

/** The map's SVG for these data. */
export function governanceSvg(
  data: GovernanceData,
  options: { id: string; title: string; description: string },
): string {
  return governanceMap(data.nodes, data.layout, {
    ...options,
    layout: 'wide',
    ...(data.focus ? { focus: data.focus } : {}),
  });
}

/**
 * The narrow-screen panel of one body and its links (src/universal/governance-hood.ts), drawn at build time
 * for the focus body; the browser draws the same panel for any body from the page's own list and map.
 */
export function governanceHood(data: GovernanceData, figure: string, id = data.focus): string {
  const entry = data.tiers.flatMap((t) => t.bodies).find((b) => b.id === id);
  const node = data.nodes.find((n) => n.id === id);
  if (!entry || !node) return '';
  const lines = new Map(data.nodes.map((n) => [n.id, boxLines(n)]));
  const links = [...entry.up.map((l) => ({ l, up: true })), ...entry.down.map((l) => ({ l, up: false }))].map(
    ({ l, up }): HoodLink => {
      const kind = edgeKind(l.type);
      const head = arrowPath(kind.arrow);
      return {
        id: l.other,
        lines: lines.get(l.other) ?? [l.otherName],
        verb: l.verb,
        up,
        toOther: l.out,
        stroke: kind.colour,
        width: kind.weight,
        ...(l.basis === 'inferred' ? { dash: INFERRED_DASH } : {}),
        arrow: head.d,
        open: !head.filled,
      };
    },
  );
  return hoodSvg({ figure, id: entry.id, lines: boxLines(node), links }).svg;
}
