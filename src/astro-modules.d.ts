/**
 * For plain `tsc`: a `.ts` module may import `.astro` components (src/components/prose/index.ts does).
 * `astro check` types each `.astro` file itself; this only tells `tsc` what such an import is.
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
