/**
 * Content collections. Theme pages are MDX files in the top-level `content/themes/` folder; their
 * frontmatter is validated here, and a bad field fails the build.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const themes = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/themes' }),
  schema: z.strictObject({
    /** Page title (usually the theme's title). */
    title: z.string().min(1),
    /** One-sentence summary for cards, search and link previews. */
    summary: z.string().min(1),
    /** The theme id in data/themes.csv; also the page's URL slug. */
    theme: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Position in navigation. */
    order: z.number().int().positive(),
    /** Dataset ids the page uses; each must exist in data/. */
    datasets: z.array(z.string()).min(1),
    /** When the page was last reviewed against the data. */
    lastReviewed: z.coerce.date(),
  }),
});

export const collections = { themes };
