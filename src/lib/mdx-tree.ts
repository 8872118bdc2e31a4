/**
 * One parse per MDX source: the content checks (at content-collection load), the theme page (the terms
 * it uses) and the discovery list (its key figure) all read the same tree. `astro build` evaluates
 * modules more than once in a process, so in a production build the cache lives on `globalThis`, as
 * the data catalog does (src/data/index.ts). Trees are treated as read-only by every caller.
 */
import { mdxToMdast } from 'satteri';

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
