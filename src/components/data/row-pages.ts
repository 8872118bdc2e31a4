/**
 * Which theme pages really show a row of the governance datasets (activities, bodies, relationships),
 * for the "used on" lists of `/source/`: read from what each theme page renders (its MDX), not from
 * the datasets a theme lists. A page shows
 *
 * - an activity when its `<Activities theme="…" also="…">` lists it, or a governance figure on it
 *   lists the activity under a body;
 * - a body or a link when a governance figure on it shows that body or link.
 *
 * Other datasets keep the theme pages that use the dataset (`themesUsing`).
 */
import { getFigure, isFigureId } from '../../figures/index.ts';
import { getDataset } from '../../data/index.ts';
import type { ActivityRow } from '../../schemas/governance.ts';
import type { ThemeLink } from './dataset-info.ts';

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
    for (const m of page.body.matchAll(/<Figure\s+id="([^"]+)"/g)) {
      const id = m[1]!;
      if (!isFigureId(id)) continue;
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
  return out;
}
