/** The theme pages as the content collection gives them (frontmatter and MDX body), read without Astro. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ThemeInput } from '../../src/discovery/pages.ts';
import { ROOT } from './build-site.ts';

export function readThemes(): ThemeInput[] {
  const dir = join(ROOT, 'content/themes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${f}: no frontmatter`);
      const fm = parseYaml(m[1]!) as { theme: string; title: string; summary: string; order: number };
      return { theme: fm.theme, title: fm.title, summary: fm.summary, order: fm.order, body: m[2]! };
    });
}
