/**
 * The glossary's "Used on" lists name only theme pages that really use the term: every theme page a
 * glossary entry links to must hold that term (`[data-glossary="<id>"]`, printed by the `<Term>`
 * tag). Used by tests/build/glossary-used-on.test.ts (the shared build) and
 * tests/unit/glossary-used-on.test.ts (a broken fixture). Run on a folder:
 * `node scripts/glossary-used-on.ts dist`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export interface UsedOnProblem {
  term: string;
  page: string;
}

/** Every (term, theme page) pair the glossary page lists under "Used on". */
export function usedOnPairs(glossaryHtml: string): { term: string; page: string }[] {
  const { document } = parseHTML(glossaryHtml);
  return [...document.querySelectorAll('.glossary-entry')].flatMap((entry) => {
    const term = entry.querySelector('h3')?.getAttribute('id') ?? '';
    return [...entry.querySelectorAll('.glossary-entry__themes a')].map((a) => ({
      term,
      page: (a.getAttribute('href') ?? '').replace(/^.*?\/themes\//, 'themes/'),
    }));
  });
}

/** The pairs whose page does not hold the term; `read` gives a page's HTML by its path under the site. */
export function checkUsedOn(glossaryHtml: string, read: (page: string) => string | undefined): UsedOnProblem[] {
  return usedOnPairs(glossaryHtml).filter(({ term, page }) => {
    const html = read(`${page.replace(/\/?$/, '/')}index.html`);
    if (html === undefined) return true;
    return parseHTML(html).document.querySelector(`[data-glossary="${term}"]`) === null;
  });
}

/** Check a built site folder. */
export function checkSite(siteDir: string): { pairs: number; problems: UsedOnProblem[] } {
  const glossary = readFileSync(join(siteDir, 'glossary', 'index.html'), 'utf8');
  const read = (page: string) => {
    const path = join(siteDir, page);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  return { pairs: usedOnPairs(glossary).length, problems: checkUsedOn(glossary, read) };
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) {
  const { pairs, problems } = checkSite(resolve(process.argv[2] ?? 'dist'));
  for (const p of problems)
    console.error(`glossary: "${p.term}" is listed as used on ${p.page}, which does not use it`);
  console.log(`${pairs} "Used on" links checked, ${problems.length} wrong`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
