/** Small helpers shared by the data catalogue's components and pages. */
import { getCatalog } from '../../data/index.ts';
import { formatNumber } from '../../lib/format.ts';
import { withBase } from '../../lib/url.ts';

/** A file size for people: "812 bytes", "1.2 kB", "3.4 MB" (SI units, as browsers and OSes show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} bytes`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, 1)} kB`;
  return `${formatNumber(bytes / 1_000_000, 1)} MB`;
}

export interface ThemeLink {
  id: string;
  title: string;
  href: string;
}

/** The theme pages that use a dataset: the themes whose `datasets` list names it, in navigation order. */
export function themesUsing(datasetId: string): ThemeLink[] {
  const themes = getCatalog().get('themes');
  if (!themes) return [];
  return themes.rows
    .filter((row) => (row.raw.datasets ?? '').split(';').includes(datasetId))
    .sort((a, b) => Number(a.raw.sort_order) - Number(b.raw.sort_order))
    .map((row) => ({ id: row.raw.id!, title: row.raw.title!, href: withBase(`/themes/${row.raw.id}/`) }));
}

/** Kinds of dataset, as the catalogue groups them. */
export const FIGURE_KINDS = new Set(['observations', 'spending', 'claims']);
