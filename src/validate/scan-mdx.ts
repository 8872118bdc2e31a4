/**
 * The scan of one theme page's MDX (content/themes/), run for every page by src/validate/theme-pages.ts
 * (at build time, through src/content.config.ts, and by `npm run validate`) and by the unit tests.
 * Frontmatter against the data is checked there; here, one node at a time:
 *
 *  1. No figure is typed by hand (what counts as one: src/validate/typed-figures.ts). Prose (text, headings, list items, link text, the title and
 *     summary, and text props such as `label`) may contain no digits, no number words ("three",
 *     "hundred", "per cent"…) and no `%` or `£`: numbers come from components that read datasets.
 *     A digit is allowed only inside a prop that *refers* to data and resolves: a row key that exists
 *     in the named dataset, a glossary id, a dataset id or a period id. Expressions (`{…}`) and
 *     imports may hold no digits at all, except a heading level (`level={2}`).
 *  2. Theme pages are data, not code: no import or export, no `{…}` expression (a comment aside), no
 *     raw HTML element (the allow-list is empty), no tag that is not one of the site's prose
 *     components, no prop a component does not take, and every reference a prop makes (dataset, row,
 *     term, theme, figure, period, helplines) resolves (src/components/prose/contract.ts); links only
 *     to https:, http:, mailto: or a #fragment. This is the check `npm run validate` and the build's
 *     content loader both run, so what validate passes the build can render.
 *
 * Messages name the file, line, column and field, and say what to do instead.
 */
import type { Catalog } from '../data/catalog.ts';
import { frontmatter, mdxTree, type MdxNode as Node } from '../lib/mdx-tree.ts';
import { escapeForMessage } from '../data/problems.ts';
import { PROSE_COMPONENTS, checkComponent, isTextProp, type WrittenProp } from '../components/prose/contract.ts';
import { DIGIT, REFERENCE_PROPS, figureIn, findFigure, resolves } from './typed-figures.ts';

/** An address on another host: loading it from a page is a third-party request. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

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

/** A piece of source for a message: one line, at most 60 characters, invisible characters escaped. */
function short(text: string): string {
  const one = text.trim().replace(/\s+/g, ' ');
  return escapeForMessage(one.length > 60 ? `${one.slice(0, 57)}…` : one);
}

/** Link schemes a page may use; anything else (javascript:, data:, vbscript:, file:…) is refused. */
const SAFE_SCHEMES = new Set(['https', 'http', 'mailto']);
/** The scheme of a link as a browser reads it (ignoring the whitespace and controls it would skip), or undefined for a relative link. */
function linkScheme(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(
    url.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2060\ufeff]/g, ''),
  );
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Line and column of `index` inside a text node that starts at `start`. */
function positionIn(
  text: string,
  index: number,
  start: { line: number; column: number } | undefined,
): { line?: number; column?: number } {
  if (!start) return {};
  const before = text.slice(0, index).split('\n');
  return before.length === 1
    ? { line: start.line, column: start.column + index }
    : { line: start.line + before.length - 1, column: (before[before.length - 1] ?? '').length + 1 };
}

const ADVICE =
  'bind it to data instead (<Value>, <Change>, <Sum>, <Ratio>, <Count>, <Period>, <KeyFigure>), or reword it without a number';

export interface ScanResult {
  problems: ContentProblem[];
  /** Dataset ids the page's components read (`of="…"`, and `activities` for <Activities>). */
  datasetsUsed: Set<string>;
  /** Glossary ids used with <Term>, in order of first use. */
  termsUsed: string[];
}

/** One page's scan as it goes: what it is checking against and what it has found. */
interface Scan extends ScanResult {
  file: string;
  catalog: Catalog;
}

/** Record a problem at a node (or at a more exact place inside it). */
function report(scan: Scan, node: Node, message: string, where: { line?: number; column?: number } = {}): void {
  const at = node.position ? { line: node.position.start.line, column: node.position.start.column } : {};
  scan.problems.push({ file: scan.file, ...at, ...where, message });
}

/** Scan one MDX source for figures typed by hand. `file` is only used in messages. */
export function scanMdx(source: string, file: string, catalog: Catalog): ScanResult {
  const scan: Scan = { file, catalog, problems: [], datasetsUsed: new Set(), termsUsed: [] };
  let tree: Node;
  try {
    tree = mdxTree(source);
  } catch (error) {
    scan.problems.push({ file, message: `cannot be parsed as MDX: ${(error as Error).message}` });
    return result(scan);
  }
  visit(scan, tree);
  return result(scan);
}

function result({ problems, datasetsUsed, termsUsed }: Scan): ScanResult {
  return { problems, datasetsUsed, termsUsed };
}

/** Nodes checked whole: nothing inside them is walked. */
const LEAVES = new Map<string, (scan: Scan, node: Node, tree: Node) => void>([
  ['yaml', checkFrontmatter],
  ['text', checkText],
  ['inlineCode', checkText],
  ['code', checkText],
  ['mdxFlowExpression', checkExpression],
  ['mdxTextExpression', checkExpression],
  ['mdxjsEsm', checkEsm],
  ['html', checkHtml],
]);
/** Nodes checked, then walked into. */
const BRANCHES = new Map<string, (scan: Scan, node: Node) => void>([
  ['link', checkLink],
  ['image', checkLink],
  ['definition', checkLink],
  ['mdxJsxFlowElement', checkElement],
  ['mdxJsxTextElement', checkElement],
]);

/** Every node of the page, depth-first in document order. */
function visit(scan: Scan, node: Node, tree: Node = node): void {
  const leaf = LEAVES.get(node.type);
  if (leaf) return leaf(scan, node, tree);
  BRANCHES.get(node.type)?.(scan, node);
  for (const child of node.children ?? []) visit(scan, child, tree);
}

/** The title and summary carry no figures (the frontmatter is read once, src/lib/mdx-tree.ts). */
function checkFrontmatter(scan: Scan, node: Node, tree: Node): void {
  const { data } = frontmatter(tree);
  if (data === undefined) return report(scan, node, 'the frontmatter is not valid YAML');
  for (const field of ['title', 'summary']) {
    const value = data[field];
    const found = typeof value === 'string' ? figureIn(value) : undefined;
    if (found)
      report(
        scan,
        node,
        `frontmatter field "${field}" contains ${found}; titles and summaries must not carry figures (put them in the page, bound to data)`,
      );
  }
}

function checkText(scan: Scan, node: Node): void {
  const found = findFigure(node.value ?? '');
  if (found)
    report(
      scan,
      node,
      `${found.what} in the text looks like a figure typed by hand; ${ADVICE}`,
      positionIn(node.value ?? '', found.index, node.position?.start),
    );
}

/** A comment ({/* … *\/}) is the only expression a page may hold: it reaches no reader. */
function checkExpression(scan: Scan, node: Node): void {
  const code = (node.value ?? '').trim();
  if (/^\/\*(?:(?!\*\/)[\s\S])*\*\/$/.test(code) && !findFigure(code)) return;
  report(
    scan,
    node,
    `expected no {…} expressions (theme pages are data, not code: only the site's components and Markdown), found {${short(code)}}; write the words, or use a component`,
  );
}

function checkEsm(scan: Scan, node: Node): void {
  report(
    scan,
    node,
    `expected no import or export statements (theme pages are data, not code; the components need no import), found "${short(node.value ?? '')}"`,
  );
}

function checkHtml(scan: Scan, node: Node): void {
  report(
    scan,
    node,
    `expected no raw HTML (theme pages use Markdown and the site's components), found "${short(node.value ?? '')}"`,
  );
}

/** Links, images and link definitions: no figures in alt text or titles, no third-party image, safe addresses. */
function checkLink(scan: Scan, node: Node): void {
  for (const [field, text] of [
    ['alt text', node.alt],
    ['title', node.title],
  ] as const) {
    const found = text ? figureIn(text) : undefined;
    if (found) report(scan, node, `the ${node.type} ${field} "${text}" contains ${found}; ${ADVICE}`);
  }
  const url = node.url;
  if (!url) return;
  if (node.type === 'image' && EXTERNAL.test(url))
    report(
      scan,
      node,
      `the image "${url}" is on another site: loading it would be a third-party request; save it under public/ and link it with the site's base path`,
    );
  const scheme = linkScheme(url);
  if (scheme && !SAFE_SCHEMES.has(scheme))
    report(
      scan,
      node,
      `expected a link to https:, http:, mailto: or a #fragment, found the ${scheme}: address "${short(url)}"`,
    );
  if (url.startsWith('/'))
    report(
      scan,
      node,
      `the Markdown link "${url}" would skip the site's base path; use <ThemeLink theme="…"> or a full https:// address`,
    );
  if (DIGIT.test(url) && !/^https?:/.test(url)) report(scan, node, `a digit in the link "${url}"`);
}

/** A component tag: one of the site's, with the props its contract allows, and no typed figure in them. */
function checkElement(scan: Scan, node: Node): void {
  const element = node.name ?? '';
  if (!Object.hasOwn(PROSE_COMPONENTS, element)) return report(scan, node, unknownElement(element));
  const { attrs, written } = readProps(scan, node, element);
  const faulty = new Set<string>();
  for (const { prop, message } of checkComponent(element, written, scan.catalog)) {
    report(scan, node, message);
    if (prop) faulty.add(prop);
  }
  noteUses(scan, element, attrs);
  for (const [name, value] of attrs) if (!faulty.has(name)) checkPropValue(scan, node, element, name, value, attrs);
}

function unknownElement(element: string): string {
  if (!element) return 'expected a component, found a fragment <>…</>; write the content without it';
  if (/^[a-z]/.test(element))
    return `expected no raw HTML (allowed HTML elements: none), found <${element}>; use Markdown or one of the site's components`;
  return `expected one of the site's components (${Object.keys(PROSE_COMPONENTS).join(', ')}), found <${element}>, which is not defined`;
}

/** The props as written: string values (to check), every prop's kind (for the contract); a prop given twice or a spread is a problem. */
function readProps(
  scan: Scan,
  node: Node,
  element: string,
): { attrs: Map<string, string>; written: Map<string, WrittenProp> } {
  const attrs = new Map<string, string>();
  const written = new Map<string, WrittenProp>();
  let spread = false;
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute') {
      spread = true;
      continue;
    }
    const name = a.name ?? '';
    const value = a.value;
    if (written.has(name)) report(scan, node, `<${element}> gives the prop "${name}" twice`);
    if (typeof value === 'string') {
      attrs.set(name, value);
      written.set(name, { kind: 'string', value });
    } else if (value === null || value === undefined) written.set(name, { kind: 'bare' });
    else written.set(name, { kind: 'expression', source: value.value });
  }
  if (spread) report(scan, node, `<${element}> uses a spread {…}; write each prop out so it can be checked`);
  return { attrs, written };
}

/** The datasets and glossary terms the page uses. */
function noteUses(scan: Scan, element: string, attrs: Map<string, string>): void {
  const of = attrs.get('of');
  if (of) scan.datasetsUsed.add(of);
  if (element === 'Activities') scan.datasetsUsed.add('activities');
  if (element === 'Term') {
    const id = attrs.get('id');
    if (id && !scan.termsUsed.includes(id)) scan.termsUsed.push(id);
  }
}

/** A text prop carries no figure; a digit in a prop that names data must name data that exists. */
function checkPropValue(
  scan: Scan,
  node: Node,
  element: string,
  name: string,
  value: string,
  attrs: Map<string, string>,
): void {
  if (isTextProp(element, name) || !REFERENCE_PROPS.has(name)) {
    const found = findFigure(value);
    if (found) report(scan, node, `<${element} ${name}="${value}"> contains ${found.what}; ${ADVICE}`);
  } else if (DIGIT.test(value) && !resolves(name, value, element, attrs, scan.catalog)) {
    report(
      scan,
      node,
      `<${element} ${name}="${value}"> contains a digit but does not name a row, period, term or dataset that exists, so it may be a typed figure; ${ADVICE}`,
    );
  }
}
