/**
 * A theme page's frontmatter (content/themes/<theme>.mdx): the one schema both the content collection
 * (src/content.config.ts) and `npm run validate` (src/validate/theme-pages.ts) use, so a key the build would
 * refuse is refused by validate too, with the page's file and line. Checks against the data (the theme
 * exists, the order is its order…) are in src/validate/theme-pages.ts.
 */
import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

export const themePageSchema = z.strictObject({
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
});

export type ThemePage = z.output<typeof themePageSchema>;
