/**
 * The import graph of src/ and the rules it must follow. The rules are written once, in
 * docs/architecture.md ("Dependencies point one way"); the layer order is read from its diagram, so
 * the guide and the test cannot drift apart. `client/` (code that runs in the browser) is imported
 * only from an `.astro` `<script>` block or from `client/` itself, and imports only BROWSER_SAFE
 * folders. The src/ root holds only config and type declaration files. Import loops are reported
 * separately, with and without type-only imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const GUIDE = resolve(import.meta.dirname, '../../docs/architecture.md');

/** The one-line layer diagram under the guide's "Dependencies point one way" heading, highest first. */
export function layerOrder(markdown: string): string {
  const line = /^## Dependencies point one way\n+```\n(.+)\n```/m.exec(markdown)?.[1];
  if (!line) throw new Error(`${GUIDE}: no layer diagram (a fenced line under "## Dependencies point one way")`);
  return line.trim();
}

/** The rank of each top-level folder of src/ in a diagram `a -> b, c -> d` (higher may import lower or equal). */
export function layerRanks(order: string): Record<string, number> {
  const groups = order.split('->').map((g) => g.split(',').map((name) => name.trim().replace(/\/$/, '')));
  return Object.fromEntries(groups.flatMap((names, i) => names.map((name) => [name, groups.length - 1 - i])));
}

/** The layer diagram of docs/architecture.md, and each folder's rank in it. */
export const LAYER_ORDER = layerOrder(readFileSync(GUIDE, 'utf8'));
export const LAYERS: Record<string, number> = layerRanks(LAYER_ORDER);

/** What browser code (client/) may import: itself, code shared with the build, generic helpers. */
export const BROWSER_SAFE = new Set(['client', 'universal', 'lib']);

/** Files allowed in the src/ root: config (`content.config.ts`) and type declarations (`env.d.ts`). */
const ROOT_FILE = /\.(?:d\.ts|config\.(?:ts|mts|js|mjs))$/;

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
        out.push(
          `browser code ${e.from} imports ${e.to} (client/ may import only ${[...BROWSER_SAFE].map((f) => `${f}/`).join(', ')})`,
        );
      continue;
    }
    if (e.inScript && !BROWSER_SAFE.has(to)) {
      out.push(`${e.from} imports ${e.to} in a <script> block (browser entry points live in client/)`);
      continue;
    }
    const a = ROOT_FILE.test(from) ? Infinity : LAYERS[from];
    const b = LAYERS[to];
    if (a === undefined) out.push(`${e.from}: src/${from} has no layer in tests/support/imports.ts`);
    else if (b === undefined) out.push(`${e.to}: src/${to} has no layer in tests/support/imports.ts`);
    else if (b > a)
      out.push(
        `${e.from} (${from}) imports ${e.to} (${to}), against the direction ${LAYER_ORDER} (docs/architecture.md)`,
      );
  }
  return out;
}

/**
 * File-level import loops, each as `a -> b -> a`. Type-only imports are erased at run time, so they
 * are left out unless `withTypes`: a loop through them still ties two modules' meanings together.
 */
export function importCycles(edges: ImportEdge[], withTypes = false): string[] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (withTypes || !e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
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

/** Modules in the src/ root that are neither config nor type declarations: each belongs in a folder. */
export function looseModules(srcDir: string): string[] {
  return readdirSync(resolve(srcDir), { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:[cm]?[jt]sx?|astro)$/.test(e.name) && !ROOT_FILE.test(e.name))
    .map(
      (e) => `src/${e.name} sits in the src/ root: only config and type declaration files may (docs/architecture.md)`,
    );
}
