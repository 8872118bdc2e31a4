/**
 * Content collections. Theme pages are MDX files in the top-level `content/themes/` folder. Their
 * frontmatter is validated by the zod schema below, then checked against the data by
 * src/content-checks.ts: the theme and every dataset and related theme must exist, the order must be
 * the theme's order in data/themes.csv, every theme must have a page, and no figure may be typed by
 * hand. Any problem fails the build with the file, line and field named.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { formatContentProblem } from './content-checks.ts';
import { checkThemeContent, type ThemeEntry } from './theme-checks.ts';
import { getCatalog } from './data/index.ts';
import { escapeForMessage } from './data/problems.ts';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

/** The glob loader, followed by the checks that need every entry and the data at once. */
function checkedThemes(): Loader {
  const inner = glob({ pattern: '**/*.mdx', base: './content/themes' });
  return {
    name: 'checked-themes',
    load: async (context) => {
      await inner.load(context);
      const entries: ThemeEntry[] = [...context.store.values()].map((entry) => ({
        file: entry.filePath ?? `content/themes/${entry.id}.mdx`,
        data: entry.data as ThemeEntry['data'],
      }));
      const problems = checkThemeContent(entries, getCatalog());
      if (problems.length > 0) {
        const message = `Theme pages failed their checks: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  ${escapeForMessage(formatContentProblem(p))}`).join('\n')}`;
        throw new Error(message);
      }
    },
  };
}

const themes = defineCollection({
  loader: checkedThemes(),
  schema: z.strictObject({
    /** Page title (usually the theme's title). No figures. */
    title: z.string().min(1),
    /** One-sentence summary for cards, search and link previews. No figures. */
    summary: z.string().min(1),
    /** The theme id in data/themes.csv; also the page's URL slug. */
    theme: kebab,
    /** Position in navigation; must equal the theme's `sort_order` in data/themes.csv. */
    order: z.number().int().positive(),
    /** Dataset ids the page uses; each must exist in data/, and every dataset a component on the page reads must be listed. */
    datasets: z.array(kebab).min(1),
    /** Theme ids of related themes, shown at the end of the page. */
    related: z.array(kebab).default([]),
    /** Show the "Leave this site quickly" button (pages on abuse and exploitation). */
    quickExit: z.boolean().default(false),
    /** When the page was last reviewed against the data. */
    lastReviewed: z.coerce.date(),
  }),
});

export const collections = { themes };
