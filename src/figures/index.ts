/**
 * The figure registry: for each figure id, everything the Figure component, the embed page and the
 * download routes need, computed from the validated datasets at build time: theme, title, takeaway,
 * summary, the rendered SVG views (wide and narrow), the table and CSV of exactly the plotted data,
 * sources (dataset + report section and page), status markers, footnotes and checked claims.
 *
 * Every number in a takeaway or summary is interpolated from the data; none is typed by hand.
 * The figures are found, not listed: every file in this folder that exports `FIGURES` (a list of
 * `{ id, order, build }`, src/figures/types.ts) adds its own. Adding a figure: one file in this folder
 * and its snapshot (docs/adding-a-figure.md).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getDataset } from '../data/index.ts';
import { themeInfo } from './helpers.ts';
import type { FigureEntry, FigureParts, FigureSpec } from './types.ts';

export type * from './types.ts';

/** What a figure file may export; files without `FIGURES` (helpers, types…) add nothing. */
type FigureModule = { FIGURES?: readonly FigureEntry[] };

/**
 * Files here that are not figure families: this registry, and files.ts (the downloads, which import
 * the registry) with the PNG renderer it uses. Kept out so nothing imports itself.
 */
const NOT_FAMILIES = new Set(['index.ts', 'files.ts', 'standalone.ts']);

/** Under plain Node (npm run validate, the benchmarks) there is no `import.meta.glob`: read the folder. */
async function importFolder(): Promise<Record<string, FigureModule>> {
  const folder = dirname(fileURLToPath(import.meta.url));
  const names = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !NOT_FAMILIES.has(f));
  const modules = await Promise.all(
    names.map(
      async (f) => [f, (await import(/* @vite-ignore */ pathToFileURL(join(folder, f)).href)) as FigureModule] as const,
    ),
  );
  return Object.fromEntries(modules);
}

// Vite (Astro, Vitest) replaces this glob with the modules at build time; its patterns must be literal.
const modules: Record<string, FigureModule> = import.meta.env
  ? import.meta.glob<FigureModule>(['./*.ts', '!./index.ts', '!./files.ts', '!./standalone.ts'], { eager: true })
  : await importFolder();

/** Every figure the files declare, in `order`; two with one id or one order fail at once. */
export function collectFigures(found: Record<string, FigureModule>): FigureEntry[] {
  const entries = Object.entries(found).flatMap(([file, m]) => (m.FIGURES ?? []).map((e) => ({ file, e })));
  const seen = new Map<string, string>();
  for (const { file, e } of entries) {
    for (const key of [`id "${e.id}"`, `order ${e.order}`]) {
      const other = seen.get(key);
      if (other !== undefined) throw new Error(`src/figures: two figures with the ${key}, in ${other} and ${file}`);
      seen.set(key, file);
    }
  }
  return entries.map(({ e }) => e).sort((a, b) => a.order - b.order);
}

const FIGURES = collectFigures(modules);
const BUILDERS = new Map(FIGURES.map((e) => [e.id, e.build]));

export type FigureId = string;
/** Every figure id, in the order the figures page lists them. */
export const FIGURE_IDS: readonly FigureId[] = FIGURES.map((e) => e.id);

const cache = new Map<FigureId, FigureSpec>();

export function isFigureId(id: string): id is FigureId {
  return BUILDERS.has(id);
}

/** The figure with this id, built once per build from the datasets. */
export function getFigure(id: string): FigureSpec {
  if (!isFigureId(id)) throw new Error(`Unknown figure "${id}". Known: ${FIGURE_IDS.join(', ')}`);
  let spec = cache.get(id);
  if (!spec) {
    const build: () => FigureParts = BUILDERS.get(id)!;
    const base = build();
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
