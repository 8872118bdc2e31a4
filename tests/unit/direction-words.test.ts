/**
 * Direction words come from ONE function (src/lib/direction.ts, issue #23): no string or template in
 * TypeScript under src/ (modules and the frontmatter of .astro components) may type "rose", "fell",
 * "shrank" and the like. The check reads string and template literals only, so comments and regular
 * expressions (src/data/source.ts reads the report's own direction words) do not count. Broken
 * fixtures in tests/fixtures/direction-words/ prove it fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** The one module allowed to hold direction words. */
const ALLOWED = new Set([
  'src/lib/direction.ts',
  // The typed-figure check's pattern for fractions in words ("a quarter fewer"): it reads writers'
  // text, it never writes a sentence.
  'src/lib/reading-text.ts',
]);
const WORDS =
  /\b(rose|fell|risen|fallen|rising|falling|shrank|shrunk|shrinking|grew|grown|increased|decreased|went up|went down|gone up|gone down|a rise|a fall|dropped|declined|fewer)\b/i;

/** The TypeScript of a file: a module whole, an .astro component's frontmatter. */
function scriptOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return text;
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m?.[1] ?? '';
}

/** Every direction word typed in a string or template literal: "file:line: word in «text»". */
export function typedDirections(path: string): string[] {
  const source = ts.createSourceFile(path, scriptOf(path), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const m = WORDS.exec(node.text);
      if (m) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${relative(ROOT, path)}:${line}: "${m[1]}" in «${node.text.slice(0, 80)}»`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // An .astro template's expressions ({up ? 'rose' : 'fell'}) are TypeScript too: their string literals count.
  if (path.endsWith('.astro')) {
    const text = readFileSync(path, 'utf8');
    const end = text.indexOf('---', 3);
    const template = end > 0 ? text.slice(end + 3) : text;
    const offset = text.slice(0, end + 3).split('\n').length - 1;
    for (const expr of template.matchAll(/\{[^{}]*\}/g))
      for (const lit of expr[0].matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
        const m = WORDS.exec(lit[2]!);
        if (m) {
          const line = offset + template.slice(0, expr.index).split('\n').length;
          found.push(`${relative(ROOT, path)}:${line}: "${m[1]}" in «${lit[2]!.slice(0, 80)}»`);
        }
      }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|astro)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('direction words are never typed in TypeScript', () => {
  it('finds none under src/ outside src/lib/direction.ts', () => {
    const files = filesUnder(join(ROOT, 'src')).filter((f) => !ALLOWED.has(relative(ROOT, f)));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(typedDirections)).toEqual([]);
  });

  it('flags the broken fixtures: strings and templates, in modules and component frontmatter, not comments', () => {
    const dir = join(ROOT, 'tests/fixtures/direction-words');
    const ts = typedDirections(join(dir, 'typed.ts'));
    expect(ts.map((f) => /: "([^"]+)"/.exec(f)?.[1])).toEqual(['rose', 'fell', 'shrank', 'went up']);
    expect(ts[0]).toMatch(/^tests\/fixtures\/direction-words\/typed\.ts:6: "rose"/);
    const astro = typedDirections(join(dir, 'typed.astro'));
    expect(astro.map((f) => /: "([^"]+)"/.exec(f)?.[1])).toEqual(['rose', 'decreased', 'fell']);
  });
});
