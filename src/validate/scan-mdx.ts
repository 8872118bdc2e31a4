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
 *  3. Theme pages are data, not code: no import or export, no `{…}` expression (a comment aside), no
 *     raw HTML element (the allow-list is empty), no tag that is not one of the site's prose
 *     components, no prop a component does not take, and every reference a prop makes (dataset, row,
 *     term, theme, figure, period, helplines) resolves (src/components/prose/contract.ts); links only
 *     to https:, http:, mailto: or a #fragment. This is the check `npm run validate` and the build's
 *     content loader both run, so what validate passes the build can render.
 *
 * Messages name the file, line, column and field, and say what to do instead.
 */
import { parse as parseYaml } from 'yaml';
import { hasKey, type Catalog } from '../data/catalog.ts';
import { parsePeriod } from '../lib/period.ts';
import { mdxTree, type MdxNode as Node } from '../lib/mdx-tree.ts';
import { asReaderSees, romanNumeral, spelledFraction } from '../lib/reading-text.ts';
import { escapeForMessage } from '../data/problems.ts';
import { PROSE_COMPONENTS, checkComponent, isTextProp, type WrittenProp } from '../components/prose/contract.ts';

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
const REFERENCE_PROPS = new Set([
  'source_section',
  'also',
  'of',
  'row',
  'from',
  'to',
  'compare',
  'rows',
  'period',
  'id',
  'theme',
  'status',
  'area',
  'as',
  'words',
  'change',
  'for',
  'basis',
  'funder',
  'measure',
  'line',
]);

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

/** What a figure-looking piece of text contains (and where), as written, before it is normalised. */
function findFigureAsWritten(text: string): { what: string; index: number } | undefined {
  const digits = /[^\s]*\p{N}[^\s]*/u.exec(text);
  if (digits) return { what: `"${digits[0]}"`, index: digits.index };
  const word = NUMBER_WORDS.exec(text);
  if (word) return { what: `the number word "${word[0]}"`, index: word.index };
  const fraction = spelledFraction(text);
  if (fraction) return { what: `the fraction in words "${fraction.text}"`, index: fraction.index };
  const roman = romanNumeral(text);
  if (roman) return { what: `the Roman numeral "${roman.text}"`, index: roman.index };
  const symbol = SYMBOLS.exec(text);
  if (symbol) return { what: `"${symbol[0]}"`, index: symbol.index };
  return undefined;
}

/**
 * What a figure-looking piece of text contains (and where), or undefined if it is clean. The text is
 * read as a reader sees it (src/lib/reading-text.ts): a number word spelt with a Cyrillic letter, a
 * soft hyphen or a zero-width space is still a number word. Positions are those of the written text.
 */
function findFigure(text: string): { what: string; index: number } | undefined {
  const written = findFigureAsWritten(text);
  if (written) return written;
  const read = asReaderSees(text);
  if (read === text) return undefined;
  const found = findFigureAsWritten(read);
  if (!found) return undefined;
  // Where it starts in the written text: the first word that reads differently from how it is written.
  const index = Math.max(
    0,
    text.search(
      /[^\s]*[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff\u0370-\u03ff\u0400-\u052f\uff00-\uffef]/u,
    ),
  );
  return {
    what: `${found.what} (as a reader sees it: ${escapeForMessage(text.slice(index).split(/\s/)[0] ?? '')} hides letters that look alike or invisible characters)`,
    index,
  };
}

function figureIn(text: string): string | undefined {
  return findFigure(text)?.what;
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

/** Does a prop value that contains a digit resolve to data? */
function resolves(prop: string, value: string, element: string, attrs: Map<string, string>, catalog: Catalog): boolean {
  const of = attrs.get('of');
  const keyExists = (key: string): boolean => {
    if (!of) return false;
    const d = catalog.get(of);
    return d !== undefined && d.rows.some((r) => hasKey(r.raw, d.meta.primaryKey, key));
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
    case 'source_section':
      return (catalog.get('sections')?.rows ?? []).some((r) => r.raw.id === value);
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
// eslint-disable-next-line max-lines-per-function -- issue #28: 194 lines, to be split into named steps
export function scanMdx(source: string, file: string, catalog: Catalog): ScanResult {
  const problems: ContentProblem[] = [];
  const datasetsUsed = new Set<string>();
  const termsUsed: string[] = [];
  const at = (node: Node) =>
    node.position ? { line: node.position.start.line, column: node.position.start.column } : {};
  let tree: Node;
  try {
    tree = mdxTree(source);
  } catch (error) {
    return {
      problems: [{ file, message: `cannot be parsed as MDX: ${(error as Error).message}` }],
      datasetsUsed,
      termsUsed,
    };
  }

  // eslint-disable-next-line max-lines-per-function -- issue #28: 175 lines, to be split into named steps
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
          if (found)
            problems.push({
              file,
              ...at(node),
              message: `frontmatter field "${field}" contains ${found}; titles and summaries must not carry figures (put them in the page, bound to data)`,
            });
        }
        return;
      }
      case 'text':
      case 'inlineCode':
      case 'code': {
        const found = findFigure(node.value ?? '');
        if (found)
          problems.push({
            file,
            ...at(node),
            ...positionIn(node.value ?? '', found.index, node.position?.start),
            message: `${found.what} in the text looks like a figure typed by hand; ${ADVICE}`,
          });
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        // A comment ({/* … */}) is the only expression a page may hold: it reaches no reader.
        const code = (node.value ?? '').trim();
        if (/^\/\*(?:(?!\*\/)[\s\S])*\*\/$/.test(code) && !findFigure(code)) return;
        problems.push({
          file,
          ...at(node),
          message: `expected no {…} expressions (theme pages are data, not code: only the site's components and Markdown), found {${short(code)}}; write the words, or use a component`,
        });
        return;
      }
      case 'mdxjsEsm':
        problems.push({
          file,
          ...at(node),
          message: `expected no import or export statements (theme pages are data, not code; the components need no import), found "${short(node.value ?? '')}"`,
        });
        return;
      case 'link':
      case 'image':
      case 'definition': {
        for (const [field, text] of [
          ['alt text', node.alt],
          ['title', node.title],
        ] as const) {
          const found = text ? figureIn(text) : undefined;
          if (found)
            problems.push({
              file,
              ...at(node),
              message: `the ${node.type} ${field} "${text}" contains ${found}; ${ADVICE}`,
            });
        }
        if (node.type === 'image' && node.url && EXTERNAL.test(node.url))
          problems.push({
            file,
            ...at(node),
            message: `the image "${node.url}" is on another site: loading it would be a third-party request; save it under public/ and link it with the site's base path`,
          });
        const scheme = node.url ? linkScheme(node.url) : undefined;
        if (scheme && !SAFE_SCHEMES.has(scheme))
          problems.push({
            file,
            ...at(node),
            message: `expected a link to https:, http:, mailto: or a #fragment, found the ${scheme}: address "${short(node.url ?? '')}"`,
          });
        if (node.url && node.url.startsWith('/'))
          problems.push({
            file,
            ...at(node),
            message: `the Markdown link "${node.url}" would skip the site's base path; use <ThemeLink theme="…"> or a full https:// address`,
          });
        if (node.url && DIGIT.test(node.url) && !/^https?:/.test(node.url))
          problems.push({ file, ...at(node), message: `a digit in the link "${node.url}"` });
        break;
      }
      case 'html':
        problems.push({
          file,
          ...at(node),
          message: `expected no raw HTML (theme pages use Markdown and the site's components), found "${short(node.value ?? '')}"`,
        });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node.name ?? '';
        if (!Object.hasOwn(PROSE_COMPONENTS, element)) {
          problems.push({
            file,
            ...at(node),
            message: !element
              ? 'expected a component, found a fragment <>…</>; write the content without it'
              : /^[a-z]/.test(element)
                ? `expected no raw HTML (allowed HTML elements: none), found <${element}>; use Markdown or one of the site's components`
                : `expected one of the site's components (${Object.keys(PROSE_COMPONENTS).join(', ')}), found <${element}>, which is not defined`,
          });
          break;
        }
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
          if (written.has(name))
            problems.push({ file, ...at(node), message: `<${element}> gives the prop "${name}" twice` });
          if (typeof value === 'string') {
            attrs.set(name, value);
            written.set(name, { kind: 'string', value });
          } else if (value === null || value === undefined) written.set(name, { kind: 'bare' });
          else written.set(name, { kind: 'expression', source: value.value });
        }
        if (spread)
          problems.push({
            file,
            ...at(node),
            message: `<${element}> uses a spread {…}; write each prop out so it can be checked`,
          });
        const faulty = new Set<string>();
        for (const { prop, message } of checkComponent(element, written, catalog)) {
          problems.push({ file, ...at(node), message });
          if (prop) faulty.add(prop);
        }
        const of = attrs.get('of');
        if (of) datasetsUsed.add(of);
        if (element === 'Activities') datasetsUsed.add('activities');
        if (element === 'Term') {
          const id = attrs.get('id');
          if (id && !termsUsed.includes(id)) termsUsed.push(id);
        }
        for (const [name, value] of attrs) {
          if (faulty.has(name)) continue;
          if (isTextProp(element, name) || !REFERENCE_PROPS.has(name)) {
            const found = findFigure(value);
            if (found)
              problems.push({
                file,
                ...at(node),
                message: `<${element} ${name}="${value}"> contains ${found.what}; ${ADVICE}`,
              });
          } else if (DIGIT.test(value) && !resolves(name, value, element, attrs, catalog)) {
            problems.push({
              file,
              ...at(node),
              message: `<${element} ${name}="${value}"> contains a digit but does not name a row, period, term or dataset that exists, so it may be a typed figure; ${ADVICE}`,
            });
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
