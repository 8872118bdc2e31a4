/**
 * One parse per MDX source: the content checks (at content-collection load), the theme page (the terms
 * it uses, its lead figure) and the discovery list (its key figure) all read the same tree, and read
 * its frontmatter and its first element of a kind through the functions here, one way. `astro build` evaluates
 * modules more than once in a process, so in a production build the cache lives on `globalThis`, as
 * the data catalog does (src/data/index.ts). Trees are treated as read-only by every caller.
 */
import { mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';

export interface MdxNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  title?: string | null;
  name?: string | null;
  attributes?: MdxAttribute[];
  children?: MdxNode[];
  position?: { start: { line: number; column: number } };
}
export interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
}

const SHARED = Symbol.for('worcestershire-community-safety.mdx-trees');
type Shared = { [SHARED]?: Map<string, MdxNode> };
const local = new Map<string, MdxNode>();

function cache(): Map<string, MdxNode> {
  return process.env.NODE_ENV === 'production' ? ((globalThis as Shared)[SHARED] ??= new Map()) : local;
}

/** Parse MDX (with frontmatter) once per distinct source; throws what the parser throws. */
export function mdxTree(source: string): MdxNode {
  const trees = cache();
  let tree = trees.get(source);
  if (!tree) {
    tree = mdxToMdast(source, { features: { frontmatter: true } }) as unknown as MdxNode;
    trees.set(source, tree);
  }
  return tree;
}

/** How many distinct sources have been parsed in this process (for tests). */
export function mdxParseCount(): number {
  return cache().size;
}

/** A page's frontmatter as every reader of it sees it (src/validate/, the theme page). */
export interface Frontmatter {
  /** The YAML node, for its position; undefined when the page has no frontmatter. */
  node: MdxNode | undefined;
  /** The YAML text ('' without frontmatter). */
  yaml: string;
  /** Its fields ({} when empty), or undefined when the YAML does not parse. */
  data: Record<string, unknown> | undefined;
}

/** The frontmatter of a parsed page: the one way a page's frontmatter is read outside Astro. */
export function frontmatter(tree: MdxNode): Frontmatter {
  const node = tree.children?.find((n) => n.type === 'yaml');
  const yaml = node?.value ?? '';
  try {
    return { node, yaml, data: (parseYaml(yaml) ?? {}) as Record<string, unknown> };
  } catch {
    return { node, yaml, data: undefined };
  }
}

/** The line of the page on which a frontmatter field is written (the `---` is line 1), if it is. */
export function fieldLine(fm: Frontmatter, field: string): number | undefined {
  const index = fm.yaml.split('\n').findIndex((l) => l.startsWith(`${field}:`));
  return index >= 0 ? (fm.node?.position?.start.line ?? 1) + 1 + index : undefined;
}

/** The first element named one of `names`, depth-first in document order, with its string props. */
export function firstElement<N extends string>(
  tree: MdxNode,
  names: readonly N[],
): { name: N; props: Record<string, string> } | undefined {
  const stack: MdxNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.shift()!;
    const name = node.name as N;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && names.includes(name)) {
      const props: Record<string, string> = {};
      for (const a of node.attributes ?? [])
        if (a.type === 'mdxJsxAttribute' && a.name && typeof a.value === 'string') props[a.name] = a.value;
      return { name, props };
    }
    stack.unshift(...(node.children ?? []));
  }
  return undefined;
}
