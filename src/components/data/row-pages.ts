/**
 * Which theme pages really show a row of the governance datasets (activities, bodies, relationships),
 * for the "used on" lists of `/source/`: read from what each theme page renders (its MDX), not from
 * the datasets a theme lists. A page shows
 *
 * - an activity when its `<Activities theme="…" also="…">` lists it, or a governance figure on it
 *   lists the activity under a body;
 * - a body or a link when a governance figure on it shows that body or link.
 *
 * - a row of any other dataset when a tag in its MDX names the row (`<Value of="spending"
 *   row="…">`, `compare`, `from`, `to`, `rows`), or a figure on it draws rows of that dataset that
 *   cite the row's lines;
 * - a claim with a stated figure when a figure on the page prints it among the changes it says agree
 *   with the report (a figure showing other periods of the same rows does not print it), or when the
 *   page's value tags name every row it checks; a direction-only claim where the rows it checks are.
 *
 * Checked on the built site by `checkUsedOn` in scripts/citation-pages.ts.
 */
import { getFigure, isFigureId } from '../../figures/index.ts';
import { getDataset } from '../../data/index.ts';
import type { ActivityRow } from '../../schemas/governance.ts';
import type { ThemeLink } from './dataset-info.ts';
import { getCatalog } from '../../data/index.ts';
import { anchorKey } from '../../data/editions.ts';
import { rowKey } from '../../data/catalog.ts';
import { citedRanges } from '../../lib/source-links.ts';
import { claimStatedText } from '../../figures/helpers.ts';
import type { ClaimRow } from '../../schemas/claims.ts';

const ROW_ATTRIBUTES = new Set(['row', 'rows', 'compare', 'from', 'to']);
const GOVERNANCE = new Set(['activities', 'bodies', 'relationships']);

/** Row keys (`<dataset>:<key>`) the value tags of an MDX body name. */
function taggedRows(body: string): string[] {
  const out: string[] = [];
  for (const tag of body.matchAll(/<(?:Value|KeyFigure|Change|Sum)\b[^>]*>/g)) {
    const attrs = Object.fromEntries([...tag[0].matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (!attrs.of) continue;
    for (const [name, value] of Object.entries(attrs))
      if (ROW_ATTRIBUTES.has(name)) for (const key of value.split(';')) out.push(`${attrs.of}:${key.trim()}`);
  }
  return out;
}

/** The other datasets' rows a figure draws: rows of its source datasets whose cited passages it cites. */
function figureRows(id: string): string[] {
  const out: string[] = [];
  for (const src of getFigure(id as Parameters<typeof getFigure>[0]).sources) {
    if (GOVERNANCE.has(src.dataset)) continue;
    const lines = new Set(src.lines ?? []);
    const dataset = getCatalog().get(src.dataset);
    for (const row of dataset?.rows ?? []) {
      const cited = citedRanges(row.raw.source_lines ?? '');
      if (cited.length > 0 && cited.every((l) => lines.has(l)))
        out.push(`${src.dataset}:${anchorKey(dataset!, row, getCatalog())}`);
    }
  }
  return out;
}


export interface ThemePageSource {
  theme: string;
  title: string;
  order: number;
  href: string;
  /** The MDX source of the page. */
  body: string;
}

/** Row keys (`activities:<id>`, `bodies:<id>`, `relationships:<from>|<to>|<type>`) each page shows. */
export function rowsShown(pages: readonly ThemePageSource[]): Map<string, ThemeLink[]> {
  const activities = getDataset<ActivityRow>('activities').rows.map((r) => r.value);
  const out = new Map<string, ThemeLink[]>();
  const add = (key: string, page: ThemePageSource) => {
    const list = out.get(key) ?? [];
    if (!list.some((l) => l.id === page.theme)) list.push({ id: page.theme, title: page.title, href: page.href });
    out.set(key, list);
  };
  for (const page of [...pages].sort((a, b) => a.order - b.order)) {
    for (const m of page.body.matchAll(/<Activities\s+theme="([^"]+)"(?:\s+also="([^"]*)")?/g)) {
      const also = (m[2] ?? '').split(';').map((s) => s.trim());
      for (const a of activities) if (a.theme === m[1] || also.includes(a.id)) add(`activities:${a.id}`, page);
    }
    for (const key of taggedRows(page.body)) add(key, page);
    for (const m of page.body.matchAll(/<Figure\s+id="([^"]+)"/g)) {
      const id = m[1]!;
      if (!isFigureId(id)) continue;
      for (const key of figureRows(id)) add(key, page);
      const gov = getFigure(id).governance;
      if (!gov) continue;
      for (const body of gov.tiers.flatMap((t) => t.bodies)) {
        add(`bodies:${body.id}`, page);
        for (const w of body.work) add(`activities:${w.id}`, page);
        for (const l of body.down.concat(body.up)) {
          const [from, to] = l.out ? [body.id, l.other] : [l.other, body.id];
          add(`relationships:${from}|${to}|${l.type}`, page);
        }
      }
    }
  }
  for (const page of [...pages].sort((a, b) => a.order - b.order))
    for (const id of claimsShown(page, out)) add(`claims:${id}`, page);
  return out;
}

/** The claims a page shows: see the header. `shown` holds the rows each page shows. */
function claimsShown(page: ThemePageSource, shown: ReadonlyMap<string, ThemeLink[]>): string[] {
  const on = (key: string) => (shown.get(key) ?? []).some((l) => l.id === page.theme);
  const tagged = new Set(taggedRows(page.body));
  const checked = [...page.body.matchAll(/<Figure\s+id="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter(isFigureId)
    .flatMap((id) => getFigure(id).checked);
  return (getCatalog().get('claims')?.rows ?? []).flatMap((claim) => {
    const { dataset, subject, baseline, id } = claim.raw;
    const rows = [subject, baseline].filter((k): k is string => Boolean(k)).map((k) => `${dataset}:${k}`);
    const value = claim.value as ClaimRow;
    // A row a later edition revised prints the new value, so the page no longer shows what the claim
    // checked (a key names the row without its edition: `area|period|measure`).
    const data = getCatalog().get(dataset ?? '');
    const keyColumns = (data?.meta.primaryKey ?? []).filter((c) => c !== 'source');
    const revised = (key: string) =>
      (data?.rows ?? []).some(
        (r) => `${dataset}:${rowKey(r.raw, keyColumns)}` === key && (r.raw.source ?? '') !== (claim.raw.source ?? ''),
      );
    const byTags = rows.length > 0 && rows.every((k) => tagged.has(k) && !revised(k));
    const byFigure =
      value.stated_value === undefined
        ? rows.some(on)
        : checked.some((t) => t.includes(claimStatedText(value)));
    return byTags || byFigure ? [id!] : [];
  });
}
