/**
 * The dark colour scheme changes colours and nothing else. The browser suite runs every axe rule in
 * the light scheme and only the colour rules in dark (page-checks.ts, COLOUR_RULES); that is enough
 * only while this holds, so tests/unit/dark-scheme.test.ts checks it on the site's sources:
 *  - in CSS, every declaration under `@media (prefers-color-scheme: dark)` or in a rule for
 *    `[data-theme='dark']` sets `color-scheme`, a colour property, or a custom property to a colour;
 *  - outside CSS files (components, client scripts, content), nothing mentions
 *    `prefers-color-scheme` except in comments (no `matchMedia` branch, no `<source media>` swap).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as csstree from 'css-tree';

const COLOUR_PROPERTIES = new Set([
  'color-scheme',
  'color',
  'background-color',
  'border-color',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'outline-color',
  'text-decoration-color',
  'caret-color',
  'accent-color',
  'column-rule-color',
  'fill',
  'stroke',
  'stop-color',
  'flood-color',
  'lighting-color',
]);
/** A colour value: hex, a colour function, a keyword colour, or another custom property. */
const COLOUR_VALUE =
  /^(#[0-9a-f]{3,8}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\(.*\)|transparent|currentcolor|canvas|canvastext|black|white|var\(--[\w-]+\))$/i;

/** Problems in one stylesheet's dark-scheme rules, as `file:line: message`. */
export function checkDarkSchemeCss(css: string, file: string): string[] {
  const problems: string[] = [];
  const ast = csstree.parse(css, { positions: true, filename: file });
  const check = (block: csstree.CssNode, where: string): void => {
    csstree.walk(block, {
      visit: 'Declaration',
      enter(node: csstree.Declaration) {
        const property = node.property.toLowerCase();
        const value = csstree.generate(node.value).trim();
        const ok = property.startsWith('--') ? COLOUR_VALUE.test(value) : COLOUR_PROPERTIES.has(property);
        if (!ok)
          problems.push(
            `${file}:${node.loc?.start.line ?? 0}: ${where} sets "${property}: ${value}"; the dark scheme may change colours only`,
          );
      },
    });
  };
  csstree.walk(ast, {
    enter(node: csstree.CssNode) {
      if (node.type === 'Atrule' && node.name === 'media' && node.prelude && node.block) {
        const prelude = csstree.generate(node.prelude);
        if (/prefers-color-scheme\s*:\s*dark/i.test(prelude)) check(node.block, `@media ${prelude}`);
      }
      if (node.type === 'Rule') {
        const selector = csstree.generate(node.prelude);
        if (/data-theme=['"]?dark/i.test(selector)) check(node.block, `"${selector}"`);
      }
    },
  });
  return problems;
}

/** Problems in a non-CSS source: `prefers-color-scheme` outside comments. */
export function checkDarkSchemeSource(text: string, file: string): string[] {
  const blank = (m: string): string => m.replace(/[^\n]/g, ' ');
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(^|[^:'"`])\/\/[^\n]*/g, (m, lead: string) => lead + blank(m.slice(lead.length)));
  const problems: string[] = [];
  code.split('\n').forEach((line, i) => {
    if (/prefers-color-scheme/i.test(line))
      problems.push(
        `${file}:${i + 1}: mentions prefers-color-scheme outside a stylesheet; the dark scheme may change colours only (in CSS)`,
      );
  });
  return problems;
}

/** Every problem under `dirs` (relative to `root`). */
export function checkDarkScheme(root: string, dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return dirs.flatMap((dir) =>
    walk(join(root, dir))
      .filter((f) => /\.(css|astro|ts|tsx|js|mjs|mdx|md|html)$/.test(f))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        const name = relative(root, f);
        return f.endsWith('.css') ? checkDarkSchemeCss(text, name) : checkDarkSchemeSource(text, name);
      }),
  );
}
