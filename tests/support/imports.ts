/**
 * The import graph of src/ and the rules it must follow (docs/architecture.md):
 *
 *   pages -> layouts -> components, discovery -> figures -> charts, data -> schemas -> shared -> lib
 *
 * A module may import modules of its own layer or a lower one, never a higher one; `client/` (code
 * that runs in the browser) is imported only from an `.astro` `<script>` block or from `client/`
 * itself, and imports only `client/`, `shared/` (code the build and the browser share) and `lib/`.
 * File-level import loops are reported separately.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Layer of each top-level part of src/ (higher may import lower or equal). */
export const LAYERS: Record<string, number> = {
  lib: 0,
  shared: 1,
  schemas: 2,
  data: 3,
  charts: 3,
  figures: 4,
  components: 5,
  discovery: 5,
  validate: 5,
  'content.config.ts': 6,
  layouts: 6,
  pages: 7,
};

/** What browser code (client/) may import: itself, code shared with the build, generic helpers. */
const BROWSER_SAFE = new Set(['client', 'shared', 'lib']);

export interface ImportEdge {
  from: string;
  to: string;
  /** Imported inside an `.astro` `<script>` block (a browser entry point). */
  inScript: boolean;
  typeOnly: boolean;
}

function walk(dir: string): string[] {
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{
      isFile(): boolean;
      parentPath: string;
      name: string;
    }>
  )
    .filter((e) => e.isFile() && /\.(ts|mts|astro)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const IMPORT = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import between files under `srcDir` (paths relative to it, `/`-separated). */
export function importEdges(srcDir: string): ImportEdge[] {
  const root = resolve(srcDir);
  const edges: ImportEdge[] = [];
  for (const file of walk(root)) {
    const text = readFileSync(file, 'utf8');
    const parts: { code: string; inScript: boolean }[] = [];
    if (file.endsWith('.astro')) {
      const fm = /^---\n([\s\S]*?)\n---/.exec(text);
      if (fm) parts.push({ code: fm[1] ?? '', inScript: false });
      for (const m of text.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g))
        parts.push({ code: m[1] ?? '', inScript: true });
    } else {
      parts.push({ code: text, inScript: false });
    }
    for (const { code, inScript } of parts) {
      for (const m of code.matchAll(IMPORT)) {
        const target = resolve(dirname(file), m[3] ?? '');
        if (/\.(css|json)$/.test(target)) continue;
        edges.push({ from: rel(root, file), to: rel(root, target), inScript, typeOnly: m[2] !== undefined });
      }
    }
  }
  return edges;
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** The top-level part of a path inside src/ (`components/prose/Value.astro` -> `components`). */
export function partOf(path: string): string {
  return path.split('/')[0] ?? path;
}

/** Every broken rule, as a sentence naming both files. */
export function layerViolations(edges: ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = partOf(e.from);
    const to = partOf(e.to);
    if (to === 'client') {
      if (!e.inScript && from !== 'client') out.push(`${e.from} imports browser code ${e.to} outside a <script> block`);
      continue;
    }
    if (from === 'client') {
      if (!BROWSER_SAFE.has(to))
        out.push(`browser code ${e.from} imports ${e.to} (client/ may import only client/, shared/ and lib/)`);
      continue;
    }
    if (e.inScript && !BROWSER_SAFE.has(to)) {
      out.push(`${e.from} imports ${e.to} in a <script> block (browser entry points live in client/)`);
      continue;
    }
    const a = LAYERS[from];
    const b = LAYERS[to];
    if (a === undefined) out.push(`${e.from}: src/${from} has no layer in tests/support/imports.ts`);
    else if (b === undefined) out.push(`${e.to}: src/${to} has no layer in tests/support/imports.ts`);
    else if (b > a)
      out.push(
        `${e.from} (${from}) imports ${e.to} (${to}), against the direction pages -> layouts -> components -> figures/charts, data -> schemas -> shared -> lib`,
      );
  }
  return out;
}

/** File-level import loops (type-only imports are erased and left out), each as `a -> b -> a`. */
export function importCycles(edges: ImportEdge[]): string[] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') {
        const loop = stack.slice(stack.indexOf(to));
        // Start each loop at its smallest file so the same loop is reported once.
        const start = loop.indexOf([...loop].sort()[0] ?? to);
        const turned = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.add([...turned, turned[0]].join(' -> '));
      } else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...next.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles].sort();
}

/** Modules over `max` lines. */
export function longModules(srcDir: string, max: number): string[] {
  const root = resolve(srcDir);
  return walk(root)
    .map((f) => ({ f: rel(root, f), lines: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.lines > max)
    .map((x) => `${x.f}: ${x.lines} lines`);
}
