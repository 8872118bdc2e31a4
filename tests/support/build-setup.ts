/**
 * Global setup of the `build` project: the shared production build (tests/support/build-site.ts),
 * handed to the test files through vitest's `provide` / `inject`.
 */
import type { TestProject } from 'vitest/node';
import { releaseSharedSite, sharedSite } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the shared build. */
    siteDir: string;
    /** The data folder it was built from (a copy of data/ with one payload; see build-site.ts). */
    dataDir: string;
    /** SITE and BASE_PATH it was built with. */
    site: string;
    basePath: string;
  }
}

export default function setup(project: TestProject): () => void {
  const built = sharedSite();
  project.provide('siteDir', built.siteDir);
  project.provide('dataDir', built.dataDir);
  project.provide('site', built.site);
  project.provide('basePath', built.basePath);
  return releaseSharedSite;
}
