/**
 * The figure registry: for each figure id, everything the Figure component, the embed page and the
 * download routes need, computed from the validated datasets at build time: theme, title, takeaway,
 * summary, the rendered SVG views (wide and narrow), the table and CSV of exactly the plotted data,
 * sources (dataset + report section and page), status markers, footnotes and checked claims.
 *
 * Every number in a takeaway or summary is interpolated from the data; none is typed by hand.
 * Adding a figure: one file in this folder, its snapshot, and one line in BUILDERS (docs/adding-a-figure.md).
 */
import { getDataset } from '../data/index.ts';
import { activities } from './activities.ts';
import { alcohol } from './alcohol.ts';
import { governance } from './governance.ts';
import { hateCrime } from './hate-crime.ts';
import { themeInfo } from './helpers.ts';
import { channelReferrals, domesticAbuseIncidents, maracCases } from './period-bars.ts';
import { reoffending } from './reoffending.ts';
import { spending } from './spending.ts';
import { domesticAbuseSingleYear } from './stat-tiles.ts';
import type { FigureParts, FigureSpec } from './types.ts';
import { channelVulnerabilities } from './waffle.ts';

export type * from './types.ts';

/** Every figure, in the order the figures page lists them: id -> builder. */
const BUILDERS = {
  'hate-crime-trend': hateCrime,
  'reoffending-cohort': reoffending,
  'domestic-abuse-incidents': domesticAbuseIncidents,
  'marac-cases': maracCases,
  'domestic-abuse-single-year': domesticAbuseSingleYear,
  'channel-referrals': channelReferrals,
  'channel-vulnerabilities': channelVulnerabilities,
  'alcohol-violence-share': alcohol,
  'spending-lines': spending,
  'governance-diagram': () => governance(),
  'activities-board': () => activities(),
  // The same two figures narrowed to one theme, for that theme's page (each with its own downloads).
  'governance-diagram-pcc-and-panel': () => governance('pcc-and-panel'),
  'governance-diagram-child-exploitation': () => governance('child-exploitation'),
  'activities-board-pcc-and-panel': () => activities('pcc-and-panel'),
  'activities-board-child-exploitation': () => activities('child-exploitation'),
} satisfies Record<string, () => FigureParts>;

export type FigureId = keyof typeof BUILDERS;
export const FIGURE_IDS = Object.keys(BUILDERS) as FigureId[];

const cache = new Map<FigureId, FigureSpec>();

export function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}

/** The figure with this id, built once per build from the datasets. */
export function getFigure(id: string): FigureSpec {
  if (!isFigureId(id)) throw new Error(`Unknown figure "${id}". Known: ${FIGURE_IDS.join(', ')}`);
  let spec = cache.get(id);
  if (!spec) {
    const base = (BUILDERS as Record<FigureId, () => FigureParts>)[id]();
    const theme = themeInfo(base.theme);
    spec = {
      ...base,
      ...theme,
      permalink: `${theme.themeUrl}#${id}`,
      licence: getDataset(base.sources[0]?.dataset ?? 'hate-crime').meta.licence,
    };
    cache.set(id, spec);
  }
  return spec;
}
