/**
 * The governance map: the bodies in the report, by tier, and how they connect; with a theme, only the
 * bodies working on it (per bodies.csv) and the bodies directly linked to them, with the links that
 * touch the theme's bodies. Data, layout and list entries: ./governance-data.ts.
 */
import type { GovNode } from '../charts/governance.ts';
import { basisOf, edgeKind } from '../charts/governance-style.ts';
import { withReading } from '../lib/basis.ts';
import { joinList, plural } from '../lib/words.ts';
import { inSentence } from '../charts/summaries.ts';
import type { ThemeRow } from '../schemas/reference.ts';
import {
  governanceData,
  governanceHood,
  governanceSvg,
  type ActivityData,
  type BodyData,
  type LinkData,
} from './governance-data.ts';
import { lookup, rows, sourcesFor } from './helpers.ts';
import type { FigureEntry, FigureParts } from './types.ts';

export function governance(theme?: string): FigureParts {
  const id = theme ? `governance-diagram-${theme}` : 'governance-diagram';
  const data = governanceData(
    rows<BodyData>('bodies'),
    rows<LinkData>('relationships'),
    rows<ActivityData>('activities'),
    theme,
  );
  const { nodes, links, bodies, core } = data;
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const themeTitle = theme ? lookup<ThemeRow>('themes').get(theme)?.title : undefined;
  const title = themeTitle
    ? `Who does what: ${themeTitle}`
    : 'Who does what: the bodies in the report and how they connect';
  const summary = governanceSummary(
    nodes,
    themeTitle ? { themeTitle, core: core.size } : undefined,
    links.filter((l) => basisOf(l.basis) === 'inferred').length,
  );
  const scb = byId.get('safer-communities-board');
  const focusName = data.focus ? byId.get(data.focus)?.name : undefined;
  return {
    id,
    theme: theme ?? 'governance',
    title,
    takeaway: theme
      ? `${plural(core.size, 'body works', 'bodies work')} on this theme, with ${plural(links.length, 'link')} between them${focusName ? `; the map draws the links of the ${focusName.replace(/^the /i, '')}` : ''}. Select or search for a body to see its links and work.`
      : scb
        ? `The ${scb.name} sits at the centre, chaired by the ${scb.chair ?? 'Director of Public Health'} and overseeing what the report calls a number of sub-groups. Select or search for a body to see whom it answers to, whom it oversees and the work listed under it.`
        : (summary[0] ?? ''),
    summary,
    views: [
      {
        id: 'chart',
        label: 'Map',
        single: true,
        svg: { wide: governanceSvg(data, { id, title, description: summary.join(' ') }), narrow: '' },
      },
    ],
    table: {
      caption: 'Links between bodies',
      columns: [
        { key: 'from', label: 'Body' },
        { key: 'type', label: 'Link' },
        { key: 'to', label: 'Other body' },
      ],
      rows: links.map((l) => ({
        from: byId.get(l.from_body)?.name ?? l.from_body,
        type: withReading(edgeKind(l.type).active, basisOf(l.basis)),
        to: byId.get(l.to_body)?.name ?? l.to_body,
      })),
    },
    csv: {
      columns: ['from_body', 'type', 'to_body', 'basis', 'source_section'],
      rows: links.map((l) => [l.from_body, l.type, l.to_body, basisOf(l.basis), l.source_section]),
    },
    sources: sourcesFor([
      ...bodies.map((b) => ({ dataset: 'bodies', section: b.source_section, lines: b.source_lines, source: b.source })),
      ...links.map((l) => ({
        dataset: 'relationships',
        section: l.source_section,
        lines: l.source_lines,
        source: l.source,
      })),
    ]),
    markers: [],
    footnotes: [],
    checked: [],
    governance: {
      tiers: data.tiers,
      kinds: data.kinds,
      anyInferred: data.anyInferred,
      ...(data.focus ? { focus: data.focus } : {}),
      hood: governanceHood(data, id),
    },
  };
}

/** The part of the diagram a theme page shows: the bodies that work on the theme, and those linked to them. */
export interface GovernanceFocus {
  /** The theme's title, as written in themes.csv. */
  themeTitle: string;
  /** How many of the rows work on the theme (the others are shown because they are linked to them). */
  core: number;
}

export function governanceSummary(rows: readonly GovNode[], focus?: GovernanceFocus, inferred = 0): string[] {
  const links = rows.reduce((s, r) => s + r.links.length, 0);
  const lanes = [...new Set(rows.map((r) => r.laneLabel))];
  const counts = lanes.map((l) => `${rows.filter((r) => r.laneLabel === l).length} ${inSentence(l)}`);
  const busiest = [...rows].sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name))[0];
  const others = focus ? rows.length - focus.core : 0;
  const linkWords =
    inferred > 0
      ? `${plural(links, 'link', 'links')} (${links - inferred} stated in the report, ${inferred} our reading)`
      : plural(links, 'link', 'links');
  const out = focus
    ? [
        others > 0
          ? `${plural(focus.core, 'body works', 'bodies work')} on ${inSentence(focus.themeTitle)} and ${plural(others, 'other is', 'others are')} linked to them: ${plural(rows.length, 'body', 'bodies')} in all (${joinList(counts)}), with ${linkWords}.`
          : `${plural(focus.core, 'body works', 'bodies work')} on ${inSentence(focus.themeTitle)} (${joinList(counts)}), with ${linkWords} between them.`,
      ]
    : [
        `The report names or refers to ${plural(rows.length, 'body', 'bodies')} (${joinList(counts)}); we show ${linkWords} between them.`,
      ];
  if (busiest)
    out.push(
      `${focus ? 'Of these, the' : 'The'} most connected is the ${busiest.name.replace(/^the /i, '')}, with ${plural(busiest.degree, focus ? 'of the links' : 'link', focus ? 'of the links' : 'links')}.`,
    );
  return out;
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [
  { id: 'governance-diagram', order: 100, build: () => governance() },
  // Narrowed to one theme, for that theme's page (each with its own downloads).
  { id: 'governance-diagram-pcc-and-panel', order: 120, build: () => governance('pcc-and-panel') },
  { id: 'governance-diagram-child-exploitation', order: 130, build: () => governance('child-exploitation') },
];
