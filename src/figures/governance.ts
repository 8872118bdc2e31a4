/** The governance diagram: the bodies in the report, by level, and how they connect. */
import { governanceDiagram, type GovNode } from '../charts/governance.ts';
import { governanceSummary } from '../charts/summaries.ts';
import type { BodyRow, RelationshipRow } from '../schemas/governance.ts';
import type { ThemeRow } from '../schemas/reference.ts';
import { lookup, render, rows, sourcesFor } from './helpers.ts';
import type { FigureParts, GovernanceEntry } from './types.ts';

const LEVEL_LABELS: Record<string, string> = { national: 'National', 'west-mercia': 'West Mercia', county: 'County', local: 'Local', other: 'Other' };
const RELATION_LABELS: Record<string, [string, string]> = {
  oversees: ['oversees', 'overseen by'],
  'reports-to': ['reports to', 'receives reports from'],
  chairs: ['chairs', 'chaired by'],
  leads: ['leads', 'led by'],
  attends: ['attends', 'attended by'],
  'member-of': ['member of', 'has as a member'],
  funds: ['funds', 'funded by'],
  commissions: ['commissions', 'commissioned by'],
  supports: ['supports', 'supported by'],
  scrutinises: ['scrutinises', 'scrutinised by'],
  inspects: ['inspects', 'inspected by'],
  'presents-to': ['presents to', 'receives reports from'],
};

function bodyLabel(b: BodyRow): string {
  return b.name.replace(/^Worcestershire (?!County Council)/, '').replace(/, Worcestershire County Council$/, ' (WCC)');
}

/**
 * The governance diagram; with a theme, only the bodies working on it (per bodies.csv) and the bodies
 * directly linked to them, with the links that touch the theme's bodies.
 */
export function governance(theme?: string): FigureParts {
  const id = (theme ? `governance-diagram-${theme}` : 'governance-diagram');
  const allBodies = rows<BodyRow>('bodies');
  const allLinks = rows<RelationshipRow>('relationships');
  const core = new Set(allBodies.filter((b) => !theme || b.themes.includes(theme)).map((b) => b.id));
  const links = allLinks.filter((l) => !theme || core.has(l.from_body) || core.has(l.to_body));
  const shown = new Set([...core, ...links.flatMap((l) => [l.from_body, l.to_body])]);
  const bodies = allBodies.filter((b) => shown.has(b.id));
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const levels = Object.keys(LEVEL_LABELS);
  const ordered = [...bodies].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  const degree = (bid: string) => links.filter((l) => l.from_body === bid || l.to_body === bid).length;
  const nodes: GovNode[] = ordered.map((b) => ({
    id: b.id,
    label: bodyLabel(b),
    ...(b.short_name ? { shortLabel: b.short_name } : {}),
    name: b.name,
    lane: b.level,
    laneLabel: LEVEL_LABELS[b.level] ?? b.level,
    links: links.filter((l) => l.from_body === b.id).map((l) => ({ to: l.to_body, type: l.type })),
    degree: degree(b.id),
  }));
  const themeTitle = theme ? lookup<ThemeRow>('themes').get(theme)?.title : undefined;
  const title = themeTitle ? `Who does what: ${themeTitle}` : 'Who does what: the bodies in the report and how they connect';
  const summary = governanceSummary(nodes, themeTitle ? { themeTitle, core: core.size } : undefined);
  const lanes = levels
    .filter((l) => ordered.some((b) => b.level === l))
    .map((l) => ({
      label: LEVEL_LABELS[l] ?? l,
      bodies: ordered
        .filter((b) => b.level === l)
        .map((b): GovernanceEntry => ({
          id: b.id,
          name: b.name,
          ...(b.chair ? { chair: b.chair } : {}),
          ...(b.statutory ? { statutory: b.statutory } : {}),
          remit: b.remit,
          links: links
            .filter((x) => x.from_body === b.id || x.to_body === b.id)
            .map((x) => {
              const out = x.from_body === b.id;
              const other = out ? x.to_body : x.from_body;
              const words = RELATION_LABELS[x.type] ?? [x.type, x.type];
              return { direction: out ? 'out' : 'in', other, otherName: byId.get(other)?.name ?? other, type: out ? words[0] : words[1], description: x.description };
            }),
        })),
    }));
  const scb = byId.get('safer-communities-board');
  const overseen = links.filter((l) => l.from_body === 'safer-communities-board' && l.type === 'oversees').length;
  return {
    id,
    theme: theme ?? 'governance',
    title,
    takeaway: theme
      ? `${core.size} bodies work on this theme and ${bodies.length - core.size} more are linked to them; select a body to see its remit and links.`
      : scb ? `The ${scb.name} sits at the centre, chaired by the ${scb.chair ?? 'Director of Public Health'} and overseeing ${overseen} sub-groups; select a body to see its remit and links.` : summary[0] ?? '',
    summary,
    views: [{ id: 'chart', label: 'Diagram', svg: render(governanceDiagram, nodes, { id, title, description: summary.join(' ') }) }],
    table: {
      caption: 'Links between bodies',
      columns: [
        { key: 'from', label: 'Body' },
        { key: 'type', label: 'Link' },
        { key: 'to', label: 'Other body' },
      ],
      rows: links.map((l) => ({ from: byId.get(l.from_body)?.name ?? l.from_body, type: RELATION_LABELS[l.type]?.[0] ?? l.type, to: byId.get(l.to_body)?.name ?? l.to_body })),
    },
    csv: { columns: ['from_body', 'type', 'to_body', 'source_section'], rows: links.map((l) => [l.from_body, l.type, l.to_body, l.source_section]) },
    sources: sourcesFor([...bodies.map((b) => ({ dataset: 'bodies', section: b.source_section })), ...links.map((l) => ({ dataset: 'relationships', section: l.source_section }))]),
    markers: [],
    footnotes: [],
    checked: [],
    governance: { lanes },
  };
}
