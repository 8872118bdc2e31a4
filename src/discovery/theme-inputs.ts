/** The theme pages of the content collection as the discovery helpers take them (src/discovery/pages.ts). */
import { getCollection } from 'astro:content';
import type { ThemeInput } from './pages.ts';

export async function themeInputs(): Promise<ThemeInput[]> {
  return (await getCollection('themes')).map((e) => ({
    theme: e.data.theme,
    title: e.data.title,
    summary: e.data.summary,
    order: e.data.order,
    body: e.body ?? '',
  }));
}
