/**
 * Content collections. Theme pages are MDX files in the top-level `content/themes/` folder. Their
 * frontmatter is validated by the zod schema in src/schemas/theme-page.ts (the one validate uses), then checked against the data by
 * src/validate/scan-mdx.ts: the theme and every dataset and related theme must exist, the order must be
 * the theme's order in data/themes.csv, every theme must have a page, and no figure may be typed by
 * hand. Any problem fails the build with the file, line and field named.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { formatContentProblem } from './validate/scan-mdx.ts';
import { checkThemeContent, type ThemeEntry } from './validate/theme-pages.ts';
import { getCatalog } from './data/index.ts';
import { escapeForMessage } from './data/problems.ts';
import { themePageSchema } from './schemas/theme-page.ts';

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
  // One schema for the build and `npm run validate` (src/schemas/theme-page.ts).
  schema: themePageSchema,
});

export const collections = { themes };
