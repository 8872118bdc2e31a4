/**
 * Checks on the theme pages in content/themes/, run by the content collection's loader at build time
 * (src/content.config.ts) and by the unit tests:
 *
 *  1. Frontmatter agrees with the data: `theme` is an id in data/themes.csv (and `order` is that
 *     theme's `sort_order`), every id in `datasets` and `related` exists, no theme has two pages, and every
 *     theme in data/themes.csv has a page.
 *  2. No figure is typed by hand. Prose (text, headings, list items, link text, the title and
 *     summary, and text props such as `label`) may contain no digits, no number words ("three",
 *     "hundred", "per cent"…) and no `%` or `£`: numbers come from components that read datasets.
 *     A digit is allowed only inside a prop that *refers* to data and resolves: a row key that exists
 *     in the named dataset, a glossary id, a dataset id or a period id. Expressions (`{…}`) and
 *     imports may hold no digits at all, except a heading level (`level={2}`).
 *
 * Messages name the file, line, column and field, and say what to do instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { rowKey, type Catalog } from './data/catalog.ts';
import { parsePeriod } from './lib/period.ts';
import { mdxTree, type MdxNode as Node } from './lib/mdx-tree.ts';

// ---------------------------------------------------------------------------------------------
// 1. Figures typed by hand

const NUMBER_WORDS =
  /\b(zero|(?:(?:a|one)[ -](?:third|quarter|fifth|sixth|eighth|tenth|score) of)|(?:by (?:a|one) (?:third|quarter|fifth|tenth))|thirds|halves|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|per ?cent|twice|double[ds]?|treble[ds]?|triple[ds]?|halved|half|quadrupled?)\b/i;
/** Any numeric character: ASCII and full-width digits (３３８), superscripts (²), fractions (⅓), numerals (Ⅻ). */
const DIGIT = /\p{N}/u;
const SYMBOLS = /[%£€$‰]/;
/** An address on another host: loading it from a page is a third-party request. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** Props whose value names data rather than describing it; a digit in them is fine if the reference resolves. */
const REFERENCE_PROPS = new Set(['also', 'of', 'row', 'from', 'to', 'compare', 'rows', 'period', 'id', 'theme', 'status', 'area', 'as', 'words', 'change', 'for', 'basis', 'funder', 'measure', 'line']);
/** Props that hold words a reader sees; checked like prose. */
const TEXT_PROPS = new Set(['label', 'note', 'title', 'summary', 'caption', 'alt']);

export interface ContentProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatContentProblem(p: ContentProblem): string {
  const at = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  return `${at}: ${p.message}`;
}

/** What a figure-looking piece of text contains (and where), or undefined if it is clean. */
function findFigure(text: string): { what: string; index: number } | undefined {
  const digits = /[^\s]*\p{N}[^\s]*/u.exec(text);
  if (digits) return { what: `"${digits[0]}"`, index: digits.index };
  const word = NUMBER_WORDS.exec(text);
  if (word) return { what: `the number word "${word[0]}"`, index: word.index };
  const symbol = SYMBOLS.exec(text);
  if (symbol) return { what: `"${symbol[0]}"`, index: symbol.index };
  return undefined;
}

function figureIn(text: string): string | undefined {
  return findFigure(text)?.what;
}

/** Line and column of `index` inside a text node that starts at `start`. */
function positionIn(text: string, index: number, start: { line: number; column: number } | undefined): { line?: number; column?: number } {
  if (!start) return {};
  const before = text.slice(0, index).split('\n');
  return before.length === 1 ? { line: start.line, column: start.column + index } : { line: start.line + before.length - 1, column: (before[before.length - 1] ?? '').length + 1 };
}

const ADVICE = 'bind it to data instead (<Value>, <Change>, <Sum>, <Ratio>, <Count>, <Period>, <KeyFigure>), or reword it without a number';

/** Does a prop value that contains a digit resolve to data? */
function resolves(prop: string, value: string, element: string, attrs: Map<string, string>, catalog: Catalog): boolean {
  const of = attrs.get('of');
  const keyExists = (key: string): boolean => {
    if (!of) return false;
    const d = catalog.get(of);
    return d !== undefined && d.rows.some((r) => rowKey(r.raw, d.meta.primaryKey) === key);
  };
  switch (prop) {
    case 'row':
    case 'from':
    case 'to':
    case 'compare':
      return keyExists(value);
    case 'rows':
      return value.split(';').every((k) => keyExists(k.trim()));
    case 'period':
      return parsePeriod(value) !== undefined;
    case 'also': {
      const ids = new Set((catalog.get('activities')?.rows ?? []).map((r) => r.raw.id));
      return value.split(';').every((id) => ids.has(id.trim()));
    }
    case 'of':
      return catalog.has(value);
    case 'id':
      if (element === 'Term') return catalog.get('glossary')?.rows.some((r) => r.raw.id === value) ?? false;
      if (element === 'Period') return parsePeriod(value) !== undefined;
      if (element === 'Figure') return /^[a-z]+(-[a-z0-9]+)*$/.test(value);
      return false;
    default:
      return false;
  }
}

export interface ScanResult {
  problems: ContentProblem[];
  /** Dataset ids the page's components read (`of="…"`, and `activities` for <Activities>). */
  datasetsUsed: Set<string>;
  /** Glossary ids used with <Term>, in order of first use. */
  termsUsed: string[];
}

/** Scan one MDX source for figures typed by hand. `file` is only used in messages. */
export function scanMdx(source: string, file: string, catalog: Catalog): ScanResult {
  const problems: ContentProblem[] = [];
  const datasetsUsed = new Set<string>();
  const termsUsed: string[] = [];
  const at = (node: Node) => (node.position ? { line: node.position.start.line, column: node.position.start.column } : {});
  let tree: Node;
  try {
    tree = mdxTree(source);
  } catch (error) {
    return { problems: [{ file, message: `cannot be parsed as MDX: ${(error as Error).message}` }], datasetsUsed, termsUsed };
  }

  const visit = (node: Node): void => {
    switch (node.type) {
      case 'yaml': {
        let data: unknown;
        try {
          data = parseYaml(node.value ?? '');
        } catch {
          problems.push({ file, ...at(node), message: 'the frontmatter is not valid YAML' });
          break;
        }
        const fm = (data ?? {}) as Record<string, unknown>;
        for (const field of ['title', 'summary']) {
          const value = fm[field];
          const found = typeof value === 'string' ? figureIn(value) : undefined;
          if (found) problems.push({ file, ...at(node), message: `frontmatter field "${field}" contains ${found}; titles and summaries must not carry figures (put them in the page, bound to data)` });
        }
        return;
      }
      case 'text':
      case 'inlineCode':
      case 'code': {
        const found = findFigure(node.value ?? '');
        if (found) problems.push({ file, ...at(node), ...positionIn(node.value ?? '', found.index, node.position?.start), message: `${found.what} in the text looks like a figure typed by hand; ${ADVICE}` });
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'mdxjsEsm': {
        // Strings inside an expression reach the reader as text: no digits, number words or symbols.
        const found = findFigure(node.value ?? '');
        if (found) problems.push({ file, ...at(node), message: `${found.what} in the expression {${(node.value ?? '').trim()}}; expressions may not carry numbers, ${ADVICE}` });
        return;
      }
      case 'link':
      case 'image':
      case 'definition': {
        for (const [field, text] of [['alt text', node.alt], ['title', node.title]] as const) {
          const found = text ? figureIn(text) : undefined;
          if (found) problems.push({ file, ...at(node), message: `the ${node.type} ${field} "${text}" contains ${found}; ${ADVICE}` });
        }
        if (node.type === 'image' && node.url && EXTERNAL.test(node.url))
          problems.push({ file, ...at(node), message: `the image "${node.url}" is on another site: loading it would be a third-party request; save it under public/ and link it with the site's base path` });
        if (node.url && node.url.startsWith('/')) problems.push({ file, ...at(node), message: `the Markdown link "${node.url}" would skip the site's base path; use <ThemeLink theme="…"> or a full https:// address` });
        if (node.url && DIGIT.test(node.url) && !/^https?:/.test(node.url)) problems.push({ file, ...at(node), message: `a digit in the link "${node.url}"` });
        break;
      }
      case 'html':
        problems.push({ file, ...at(node), message: 'raw HTML is not allowed in theme pages; use a component' });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node.name ?? '';
        const attrs = new Map<string, string>();
        for (const a of node.attributes ?? []) if (a.type === 'mdxJsxAttribute' && a.name && typeof a.value === 'string') attrs.set(a.name, a.value);
        const of = attrs.get('of');
        if (of) datasetsUsed.add(of);
        if (element === 'Activities') datasetsUsed.add('activities');
        if (element === 'Term') {
          const id = attrs.get('id');
          if (id && !termsUsed.includes(id)) termsUsed.push(id);
        }
        for (const a of node.attributes ?? []) {
          if (a.type === 'mdxJsxExpressionAttribute') {
            problems.push({ file, ...at(node), message: `<${element}> uses a spread {…}; write each prop out so it can be checked` });
            continue;
          }
          const name = a.name ?? '';
          if (a.value !== null && a.value !== undefined && typeof a.value === 'object') {
            // A heading level (<Figure level={2}>) says how the page is structured; it cannot be a figure.
            if (name === 'level' && /^\s*[1-6]\s*$/.test(a.value.value)) continue;
            const found = findFigure(a.value.value);
            if (found) problems.push({ file, ...at(node), message: `<${element} ${name}={${a.value.value}}> carries ${found.what} in an expression; ${ADVICE}` });
            continue;
          }
          const value = a.value ?? '';
          if ((name === 'src' || name === 'srcset' || name === 'poster') && EXTERNAL.test(value)) {
            problems.push({ file, ...at(node), message: `<${element} ${name}="${value}"> loads from another site: a third-party request; save the file under public/ instead` });
            continue;
          }
          if (TEXT_PROPS.has(name) || !REFERENCE_PROPS.has(name)) {
            const found = figureIn(value);
            if (found) problems.push({ file, ...at(node), message: `<${element} ${name}="${value}"> contains ${found}; ${ADVICE}` });
          } else if (DIGIT.test(value) && !resolves(name, value, element, attrs, catalog)) {
            problems.push({ file, ...at(node), message: `<${element} ${name}="${value}"> contains a digit but does not name a row, period, term or dataset that exists, so it may be a typed figure; ${ADVICE}` });
          }
        }
        break;
      }
      default:
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { problems, datasetsUsed, termsUsed };
}

// ---------------------------------------------------------------------------------------------
// 2. Frontmatter against the data

export interface ThemeEntry {
  /** Path of the MDX file, for messages. */
  file: string;
  data: { title: string; theme: string; order: number; datasets: string[]; related?: string[] | undefined };
}

function known(list: Iterable<string>): string {
  return [...list].sort().join(', ');
}

/** Check frontmatter against data/: themes, datasets, related themes, order; every theme has a page. */
export function checkThemeEntries(entries: ThemeEntry[], catalog: Catalog): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const themes = catalog.get('themes');
  const themeRows = new Map((themes?.rows ?? []).map((r) => [r.raw.id ?? '', r.raw]));
  const seen = new Map<string, string>();
  for (const { file, data } of entries) {
    const theme = themeRows.get(data.theme);
    if (!theme) problems.push({ file, message: `frontmatter field "theme": "${data.theme}" is not a theme id in data/themes.csv (known: ${known(themeRows.keys())})` });
    else if (Number(theme.sort_order) !== data.order) problems.push({ file, message: `frontmatter field "order": ${data.order} differs from the sort_order ${theme.sort_order} that data/themes.csv gives theme "${data.theme}"` });
    const other = seen.get(data.theme);
    if (other) problems.push({ file, message: `frontmatter field "theme": "${data.theme}" already has a page (${other})` });
    seen.set(data.theme, file);
    for (const id of data.datasets) {
      if (!catalog.has(id)) problems.push({ file, message: `frontmatter field "datasets": "${id}" is not a dataset in data/ (known: ${known(catalog.keys())})` });
    }
    for (const id of data.related ?? []) {
      if (!themeRows.has(id)) problems.push({ file, message: `frontmatter field "related": "${id}" is not a theme id in data/themes.csv (known: ${known(themeRows.keys())})` });
      if (id === data.theme) problems.push({ file, message: `frontmatter field "related": a page cannot list its own theme "${id}"` });
    }
  }
  for (const [id] of themeRows) {
    if (!seen.has(id)) problems.push({ file: themes?.path ?? 'data/themes.csv', message: `theme "${id}" has no page: add content/themes/${id}.mdx with "theme: ${id}" in its frontmatter` });
  }
  return problems;
}

/** Every check on the given theme entries and their files; what the content loader runs at build time. */
export function checkThemeContent(entries: ThemeEntry[], catalog: Catalog, root: string = process.cwd()): ContentProblem[] {
  const problems = checkThemeEntries(entries, catalog);
  for (const entry of entries) {
    const display = relative(root, entry.file) || entry.file;
    const scan = scanMdx(readFileSync(entry.file, 'utf8'), display, catalog);
    problems.push(...scan.problems);
    for (const id of scan.datasetsUsed) {
      if (catalog.has(id) && !entry.data.datasets.includes(id))
        problems.push({ file: display, message: `frontmatter field "datasets": the page reads dataset "${id}" but does not list it (add it so readers can find and download it)` });
    }
  }
  return problems.map((p) => ({ ...p, file: relative(root, p.file) || p.file }));
}

/**
 * The same checks for a folder of theme pages, outside Astro: frontmatter is read from each page's
 * (shared, cached) parse. `npm run validate` and the build run this before `astro build`, so a failure
 * is printed as plain file:line:column messages, without Astro's "Location / Stack trace" block.
 */
export function checkThemeFolder(dir: string, catalog: Catalog, root: string = process.cwd()): { pages: number; problems: ContentProblem[] } {
  const entries: ThemeEntry[] = [];
  const problems: ContentProblem[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  for (const name of files) {
    const file = join(dir, name);
    const display = relative(root, file) || file;
    let tree: Node;
    try {
      tree = mdxTree(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ file: display, message: `cannot be parsed as MDX: ${(error as Error).message}` });
      continue;
    }
    const yaml = tree.children?.find((n) => n.type === 'yaml');
    let data: Record<string, unknown> = {};
    try {
      data = (parseYaml(yaml?.value ?? '') ?? {}) as Record<string, unknown>;
    } catch {
      problems.push({ file: display, line: 1, column: 1, message: 'the frontmatter is not valid YAML' });
      continue;
    }
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    entries.push({ file, data: { title: String(data.title ?? ''), theme: String(data.theme ?? ''), order: Number(data.order), datasets: list(data.datasets), related: list(data.related) } });
  }
  problems.push(...checkThemeContent(entries, catalog, root));
  return { pages: entries.length, problems };
}
