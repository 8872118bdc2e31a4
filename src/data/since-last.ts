/**
 * "Since the last report" (issue #23): what changed between the two latest editions a theme draws
 * on, computed from the rows alone. A row's edition is its `source` column (a source id from
 * `data/sources.csv`); a row without one belongs to the one report, `DEFAULT_SOURCE`. With a single
 * edition there is nothing to say and the block renders nothing.
 *
 *  - new periods: periods the latest edition's rows hold that no earlier edition's rows do;
 *  - revised values: the same row (its primary key without `source`) in the previous and the latest
 *    edition with a different value, each side with the lines that print it;
 *  - changed status: the same row whose `status` differs (e.g. an activity under way, then done).
 *
 * Editions are ordered by `published` where `data/sources.csv` gives it, else by first appearance.
 */
import type { Catalog } from './catalog.ts';

/** The report the site was built on; rows with no `source` cell belong to it. */
export const DEFAULT_SOURCE = 'community-safety-overview-2018';

export interface EditionRow {
  dataset: string;
  /** Primary key without the `source` column: the same row in two editions has the same key. */
  key: string;
  source: string;
  period?: string | undefined;
  value?: string | undefined;
  status?: string | undefined;
  lines?: string | undefined;
}

export interface Edition {
  id: string;
  title?: string | undefined;
  published?: string | undefined;
}

export interface Side {
  value: string;
  source: string;
  lines?: string | undefined;
}

export interface SinceLast {
  /** Every edition the rows draw on, oldest first. */
  editions: Edition[];
  previous: Edition;
  latest: Edition;
  /** The latest period of the latest edition's rows (the page leads with it). */
  latestPeriod?: string | undefined;
  newPeriods: { dataset: string; period: string }[];
  revised: { dataset: string; key: string; before: Side; after: Side }[];
  statusChanged: { dataset: string; key: string; from: string; to: string; lines?: string | undefined }[];
}

function byKey(rows: readonly EditionRow[]): Map<string, EditionRow> {
  return new Map(rows.map((r) => [`${r.dataset}\u0000${r.key}`, r]));
}

/** The editions in order: by `published` when every one has it, else as the rows first mention them. */
export function orderEditions(rows: readonly EditionRow[], sources: readonly Edition[]): Edition[] {
  const used = [...new Set(rows.map((r) => r.source))];
  const known = new Map(sources.map((s) => [s.id, s]));
  const list = used.map((id) => known.get(id) ?? { id });
  if (list.every((e) => e.published))
    return [...list].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  return list;
}

/** What changed between the two latest editions, or undefined when the rows draw on only one. */
export function sinceLastReport(
  rows: readonly EditionRow[],
  sources: readonly Edition[],
  comparePeriods: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): SinceLast | undefined {
  const editions = orderEditions(rows, sources);
  if (editions.length < 2) return undefined;
  const latest = editions[editions.length - 1]!;
  const previous = editions[editions.length - 2]!;
  const ofLatest = rows.filter((r) => r.source === latest.id);
  const earlier = rows.filter((r) => r.source !== latest.id);
  const seen = new Set(earlier.map((r) => `${r.dataset}\u0000${r.period}`));
  const newPeriods = [
    ...new Map(
      ofLatest
        .filter((r) => r.period && !seen.has(`${r.dataset}\u0000${r.period}`))
        .map((r) => [`${r.dataset}\u0000${r.period}`, { dataset: r.dataset, period: r.period! }]),
    ).values(),
  ].sort((a, b) => a.dataset.localeCompare(b.dataset) || comparePeriods(a.period, b.period));
  const before = byKey(rows.filter((r) => r.source === previous.id));
  const revised: SinceLast['revised'] = [];
  const statusChanged: SinceLast['statusChanged'] = [];
  for (const r of ofLatest) {
    const old = before.get(`${r.dataset}\u0000${r.key}`);
    if (!old) continue;
    if (old.value !== undefined && r.value !== undefined && Number(old.value) !== Number(r.value))
      revised.push({
        dataset: r.dataset,
        key: r.key,
        before: { value: old.value, source: old.source, lines: old.lines },
        after: { value: r.value, source: r.source, lines: r.lines },
      });
    if (old.status && r.status && old.status !== r.status)
      statusChanged.push({ dataset: r.dataset, key: r.key, from: old.status, to: r.status, lines: r.lines });
  }
  const periods = ofLatest.flatMap((r) => (r.period ? [r.period] : [])).sort(comparePeriods);
  return {
    editions,
    previous,
    latest,
    latestPeriod: periods[periods.length - 1],
    newPeriods,
    revised,
    statusChanged,
  };
}

/** The rows of some datasets as editions see them (the key without `source`, the edition from `source`). */
export function editionRows(catalog: Catalog, datasets: readonly string[]): EditionRow[] {
  return datasets.flatMap((id) => {
    const d = catalog.get(id);
    if (!d) return [];
    const key = d.meta.primaryKey.filter((c) => c !== 'source');
    return d.rows.map((r) => ({
      dataset: id,
      key: key.map((c) => r.raw[c] ?? '').join('|'),
      source: r.raw.source || DEFAULT_SOURCE,
      period: r.raw.period,
      value: r.raw.value,
      status: r.raw.status,
      lines: r.raw.source_lines,
    }));
  });
}

/** The editions `data/sources.csv` lists (id, title, published), when the catalogue has it. */
export function editionList(catalog: Catalog): Edition[] {
  return (catalog.get('sources')?.rows ?? []).map((r) => ({
    id: String(r.raw.id),
    title: r.raw.title,
    published: r.raw.published,
  }));
}
