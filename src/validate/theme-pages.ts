/**
 * Theme pages against the data: frontmatter (themes, datasets, related themes, order), every theme has
 * a page, and every page's MDX scanned for hand-typed figures (src/validate/scan-mdx.ts). Run by the
 * content loader at build time and by `npm run validate` (docs/validation.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type Catalog } from '../data/catalog.ts';
import { fieldLine, frontmatter, mdxTree, type MdxNode as Node } from '../lib/mdx-tree.ts';
import { scanMdx, type ContentProblem } from './scan-mdx.ts';
import { escapeForMessage } from '../data/problems.ts';
import { MAX_MDX_BYTES, sizeText } from '../data/limits.ts';
import { themePageSchema } from '../schemas/theme-page.ts';

function describeYaml(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return escapeForMessage(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

// ---------------------------------------------------------------------------------------------
// 2. Frontmatter against the data

export interface ThemeEntry {
  /** Path of the MDX file, for messages. */
  file: string;
  data: {
    title: string;
    summary?: string | undefined;
    theme: string;
    order: number;
    datasets: string[];
    related?: string[] | undefined;
  };
}

function known(list: Iterable<string>): string {
  return [...list].sort().join(', ');
}

/**
 * One source of truth for a theme: its page's frontmatter gives the title, summary, order and datasets;
 * data/themes.csv (the published `themes` dataset) must say the same, so the download matches the site.
 */
function sameAsThemesCsv(
  file: string,
  data: ThemeEntry['data'],
  row: Record<string, string | undefined>,
  csv: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const pairs: [string, string, string | undefined][] = [
    ['title', data.title, row.title],
    ...(data.summary === undefined
      ? []
      : ([['summary', data.summary, row.summary]] as [string, string, string | undefined][])),
    ['datasets', data.datasets.join(';'), row.datasets],
  ];
  for (const [field, page, table] of pairs) {
    if (page !== table)
      problems.push({
        file: csv,
        message: `theme "${data.theme}", column "${field === 'datasets' ? 'datasets' : field}": expected ${JSON.stringify(page)} as the page's frontmatter gives it (${file}; the frontmatter is where a theme's ${field} is written), found ${JSON.stringify(table ?? '')}`,
      });
  }
  return problems;
}

/** Check frontmatter against data/: themes, datasets, related themes, order; every theme has a page. */
export function checkThemeEntries(entries: ThemeEntry[], catalog: Catalog): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const themes = catalog.get('themes');
  const themeRows = new Map((themes?.rows ?? []).map((r) => [r.raw.id ?? '', r.raw]));
  const seen = new Map<string, string>();
  for (const { file, data } of entries) {
    const theme = themeRows.get(data.theme);
    if (!theme)
      problems.push({
        file,
        message: `frontmatter field "theme": "${data.theme}" is not a theme id in data/themes.csv (known: ${known(themeRows.keys())})`,
      });
    else if (Number(theme.sort_order) !== data.order)
      problems.push({
        file,
        message: `frontmatter field "order": ${data.order} differs from the sort_order ${theme.sort_order} that data/themes.csv gives theme "${data.theme}"`,
      });
    if (theme) problems.push(...sameAsThemesCsv(file, data, theme, themes?.path ?? 'data/themes.csv'));
    const other = seen.get(data.theme);
    if (other)
      problems.push({ file, message: `frontmatter field "theme": "${data.theme}" already has a page (${other})` });
    seen.set(data.theme, file);
    for (const id of data.datasets) {
      if (!catalog.has(id))
        problems.push({
          file,
          message: `frontmatter field "datasets": "${id}" is not a dataset in data/ (known: ${known(catalog.keys())})`,
        });
    }
    for (const id of data.related ?? []) {
      if (!themeRows.has(id))
        problems.push({
          file,
          message: `frontmatter field "related": "${id}" is not a theme id in data/themes.csv (known: ${known(themeRows.keys())})`,
        });
      if (id === data.theme)
        problems.push({ file, message: `frontmatter field "related": a page cannot list its own theme "${id}"` });
    }
  }
  for (const [id] of themeRows) {
    if (!seen.has(id))
      problems.push({
        file: themes?.path ?? 'data/themes.csv',
        message: `theme "${id}" has no page: add content/themes/${id}.mdx with "theme: ${id}" in its frontmatter`,
      });
  }
  return problems;
}

/** Every check on the given theme entries and their files; what the content loader runs at build time. */
export function checkThemeContent(
  entries: ThemeEntry[],
  catalog: Catalog,
  root: string = process.cwd(),
): ContentProblem[] {
  const problems = checkThemeEntries(entries, catalog);
  for (const entry of entries) {
    const display = relative(root, entry.file) || entry.file;
    if (statSync(entry.file).size > MAX_MDX_BYTES) {
      problems.push({
        file: display,
        message: `expected a theme page of at most ${sizeText(MAX_MDX_BYTES)}, found ${sizeText(statSync(entry.file).size)}; not read`,
      });
      continue;
    }
    const scan = scanMdx(readFileSync(entry.file, 'utf8'), display, catalog);
    for (const p of scan.problems) problems.push(p);
    for (const id of scan.datasetsUsed) {
      if (catalog.has(id) && !entry.data.datasets.includes(id))
        problems.push({
          file: display,
          message: `frontmatter field "datasets": the page reads dataset "${id}" but does not list it (add it so readers can find and download it)`,
        });
    }
  }
  // Scan problems name the page relative to root already; entry problems by its full path.
  return problems.map((p) => {
    const full = resolve(root, p.file);
    return { ...p, ...frontmatterLine(p, full), file: relative(root, full) || p.file };
  });
}

/** A frontmatter problem gets the line of its field, so every message is file:line:column. */
function frontmatterLine(p: ContentProblem, full: string): { line?: number; column?: number } {
  const field = /^frontmatter field "(\w+)"/.exec(p.message)?.[1];
  if (p.line !== undefined || !field || !p.file.endsWith('.mdx')) return {};
  try {
    const line = fieldLine(frontmatter(mdxTree(readFileSync(full, 'utf8'))), field);
    return line === undefined ? {} : { line, column: 1 };
  } catch {
    return {};
  }
}

/**
 * The same checks for a folder of theme pages, outside Astro: frontmatter is read from each page's
 * (shared, cached) parse. `npm run validate` and the build run this before `astro build`, so a failure
 * is printed as plain file:line:column messages, without Astro's "Location / Stack trace" block.
 */
export function checkThemeFolder(
  dir: string,
  catalog: Catalog,
  root: string = process.cwd(),
): { pages: number; problems: ContentProblem[] } {
  const entries: ThemeEntry[] = [];
  const problems: ContentProblem[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  for (const name of files) {
    const file = join(dir, name);
    const display = relative(root, file) || file;
    const big = statSync(file).size;
    if (big > MAX_MDX_BYTES) {
      problems.push({
        file: display,
        message: `expected a theme page of at most ${sizeText(MAX_MDX_BYTES)} (the site's limit, docs/validation.md), found ${sizeText(big)}; not read`,
      });
      continue;
    }
    let tree: Node;
    try {
      tree = mdxTree(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ file: display, message: `cannot be parsed as MDX: ${(error as Error).message}` });
      continue;
    }
    const fm = frontmatter(tree);
    const data = fm.data;
    if (data === undefined) {
      problems.push({ file: display, line: 1, column: 1, message: 'the frontmatter is not valid YAML' });
      continue;
    }
    // The schema the content collection uses: a key it does not know fails here, not in the build.
    const checked = themePageSchema.safeParse(data);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : '') ?? '');
        const path = issue.path.length > 0 ? issue.path.join('.') : key;
        problems.push({
          file: display,
          line: (key ? fieldLine(fm, key) : undefined) ?? 1,
          column: 1,
          message:
            issue.code === 'unrecognized_keys'
              ? `expected only the frontmatter fields ${Object.keys(themePageSchema.shape).join(', ')} (src/schemas/theme-page.ts), found ${issue.keys.map((k) => `"${escapeForMessage(k)}"`).join(', ')}`
              : `frontmatter field "${escapeForMessage(path)}": expected ${issue.message.replace(/^Invalid input: expected /, '')}, found ${describeYaml(path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data))}`,
        });
      }
      continue;
    }
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    entries.push({
      file,
      data: {
        title: String(data.title ?? ''),
        summary: String(data.summary ?? ''),
        theme: String(data.theme ?? ''),
        order: Number(data.order),
        datasets: list(data.datasets),
        related: list(data.related),
      },
    });
  }
  for (const p of checkThemeContent(entries, catalog, root)) problems.push(p);
  return { pages: entries.length, problems };
}
